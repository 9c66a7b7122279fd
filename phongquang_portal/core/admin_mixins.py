"""Admin base classes shared by the apps."""

from rules.contrib.admin import ObjectPermissionsModelAdmin


class PortalModelAdmin(ObjectPermissionsModelAdmin):
    """Admin that obeys the rules predicates; hidden from a chairman's admin index.

    The chairman works in the admin only on approvals; the office's
    bookkeeping (units, people, campaigns) stays out of his way there.
    """

    shown_to_chairman = False

    def has_module_permission(self, request):
        from units.selectors import roles_for

        roles = roles_for(request.user)
        chairman_only = roles.is_chairman and not (roles.is_office or roles.is_sysadmin)
        if chairman_only and not self.shown_to_chairman:
            return False
        return super().has_module_permission(request)
