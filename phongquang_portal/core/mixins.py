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

    def get_object(self, queryset=None):
        # The permission check and the page both ask for the object: load it once.
        parent = getattr(super(), "get_object", None)
        if parent is None:  # not a single-object view: check the model permission
            return None
        if queryset is None:
            if not hasattr(self, "_scoped_object"):
                self._scoped_object = parent()
            return self._scoped_object
        return parent(queryset)

    def handle_no_permission(self):
        if not self.request.user.is_authenticated:
            return super().handle_no_permission()
        raise Http404
