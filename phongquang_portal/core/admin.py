from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import ActivityLog, Counter
from .permissions import has_perm


@admin.register(ActivityLog)
class ActivityLogAdmin(admin.ModelAdmin):
    """The log is evidence: it can be read and searched, never changed."""

    list_display = (
        "created_at",
        "actor",
        "action_sentence",
        "object_repr",
        "states",
        "reason",
    )
    list_display_links = ("created_at",)
    list_filter = ("action", "content_type", ("created_at", admin.DateFieldListFilter))
    search_fields = ("object_repr", "reason", "actor__username", "action")
    list_select_related = ("actor", "content_type")
    date_hierarchy = "created_at"
    fields = (
        "created_at",
        "actor",
        "action_sentence",
        "content_type",
        "object_id",
        "object_repr",
        "states",
        "reason",
        "change_list",
        "data",
    )
    readonly_fields = fields

    @admin.display(description=_("action"), ordering="action")
    def action_sentence(self, obj):
        return obj.action_label

    @admin.display(description=_("state"))
    def states(self, obj):
        if not (obj.from_state or obj.to_state):
            return ""
        return f"{obj.from_label or '—'} → {obj.to_label}"

    @admin.display(description=_("changes"))
    def change_list(self, obj):
        rows = [(label, old or "—", new or "—") for label, old, new in obj.changes]
        if not rows:
            return ""
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}: {} → {}</li>", rows)
        )

    def has_module_permission(self, request):
        return has_perm(request.user, "core")

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, "core.view_activitylog", obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Counter)
class CounterAdmin(admin.ModelAdmin):
    """Number sequences are read here; only the services move them."""

    list_display = ("key", "value")
    readonly_fields = ("key", "value")

    def has_module_permission(self, request):
        return has_perm(request.user, "core")

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, "core.view_counter", obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
