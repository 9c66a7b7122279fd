from django.contrib import admin

from phongquang_portal.core.admin_mixins import PortalModelAdmin

from .models import Household, Membership, Person, Unit
from .services import membership_grant, membership_revoke


@admin.register(Unit)
class UnitAdmin(PortalModelAdmin):
    list_display = ("name", "kind", "parent", "phone", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "address")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)


@admin.register(Person)
class PersonAdmin(PortalModelAdmin):
    list_display = ("full_name", "kind", "unit", "position", "date_of_birth")
    list_filter = ("kind", "sex", "unit__kind")
    search_fields = ("full_name", "position", "residence")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit", "user")


@admin.register(Household)
class HouseholdAdmin(PortalModelAdmin):
    list_display = ("head_name", "hamlet", "address", "members_count")
    list_filter = ("hamlet",)
    search_fields = ("head_name", "address")
    list_select_related = ("hamlet",)
    autocomplete_fields = ("hamlet",)


@admin.register(Membership)
class MembershipAdmin(PortalModelAdmin):
    """Roles are data: granted and revoked here, through the services (logged)."""

    list_display = ("user", "role", "unit", "title")
    list_filter = ("role",)
    search_fields = (
        "user__username",
        "user__first_name",
        "user__last_name",
        "unit__name",
    )
    list_select_related = ("user", "unit")
    autocomplete_fields = ("user", "unit")

    def save_model(self, request, obj, form, change):
        if change:
            old = Membership.objects.get(pk=obj.pk)
            membership_revoke(membership=old, actor=request.user, reason="admin change")
        new = membership_grant(
            user=obj.user,
            role=obj.role,
            unit=obj.unit,
            title=obj.title,
            actor=request.user,
        )
        obj.pk = new.pk

    def delete_model(self, request, obj):
        membership_revoke(membership=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            membership_revoke(membership=membership, actor=request.user)
