from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ActivityLog


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    """The log is evidence: it can be read and searched, never changed."""

    list_display = (
        "created_at",
        "actor",
        "action",
        "object_repr",
        "from_state",
        "to_state",
    )
    list_filter = ("action", "content_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("object_repr", "reason", "actor__username", "action")
    list_select_related = ("actor", "content_type")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in ActivityLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        from units.selectors import roles_for

        roles = roles_for(request.user)
        return roles.is_office or roles.is_chairman or roles.is_sysadmin


ActivityLogAdmin.list_display_links = ("created_at",)
ActivityLogAdmin.short_description = _("Activity log")
