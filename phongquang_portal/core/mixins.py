"""View helpers shared by every app."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin


class ScopedPermissionMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Check a rules permission on the page's object; a stranger's object answers 404.

    A signed-in user who may not see an object is told it does not exist, so
    one unit cannot learn what another unit has on file. Anonymous users are
    sent to the login page.
    """

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return super().handle_no_permission()
        raise Http404
