"""View helpers shared by every app: the permission check, asked one way.

``PermissionRequiredMixin`` (class-based views) and ``permission_required``
(function views) ask ``core.permissions.has_perm``. A visitor who is not
signed in goes to the login page; a signed-in user who may not see the page
or its object is told it does not exist (404), so one unit cannot learn
what another unit has on file.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin as RulesPermissionMixin

from .permissions import has_perm


def refuse(request):
    """The answer to a request that may not go on: login for strangers, else 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


class PermissionRequiredMixin(RulesPermissionMixin):
    """Check ``permission_required`` (one or several rules permissions) on the page.

    The object checked is ``get_permission_object()``: the view's object for
    single-object views, else None (a page-level permission).
    """

    def get_permission_required(self):
        if self.permission_required is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__} names no permission_required."
            )
        perms = self.permission_required
        return (perms,) if isinstance(perms, str) else tuple(perms)

    def has_permission(self):
        obj = self.get_permission_object()
        user = self.request.user
        return all(has_perm(user, perm, obj) for perm in self.get_permission_required())

    def handle_no_permission(self):
        return refuse(self.request)


class ScopedPermissionMixin(PermissionRequiredMixin):
    """A permission check on the page's object, the object loaded once."""

    def get_object(self, queryset=None):
        # The permission check and the page both ask for the object: load it once.
        parent = getattr(super(), "get_object", None)
        if parent is None:  # not a single-object view: check the page permission
            return None
        if queryset is None:
            if not hasattr(self, "_scoped_object"):
                self._scoped_object = parent()
            return self._scoped_object
        return parent(queryset)


def permission_required(perm, fn=None, *, obj_arg=None):
    """Function-view decorator: ``perm`` (on the object ``fn`` loads) or refuse.

    ``fn(request, *args, **kwargs)`` returns the object to check (it may raise
    Http404); with ``obj_arg`` the object is passed to the view under that
    keyword so it is loaded once.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            obj = fn(request, *args, **kwargs) if fn is not None else None
            if not has_perm(request.user, perm, obj):
                return refuse(request)
            if obj_arg:
                kwargs[obj_arg] = obj
            return view(request, *args, **kwargs)

        wrapper.portal_permission = perm
        return wrapper

    return decorator
