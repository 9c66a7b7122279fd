from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin

from .models import Campaign, Goal, PriorityField
from .services import campaign_copy


def _next_year(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class GoalInline(admin.StackedInline):
    model = Goal
    extra = 0
    fields = ("code", "position", "title", "text")


@admin.register(Campaign)
class CampaignAdmin(PortalModelAdmin):
    list_display = (
        "name",
        "year",
        "status",
        "starts_on",
        "ends_on",
        "dossier_deadline",
    )
    list_filter = ("status", "year")
    search_fields = ("name", "theme")
    inlines = [GoalInline]
    actions = ["copy_to_next_year"]

    @admin.action(
        description=gettext_lazy("Copy to next year (goals, criteria, award kinds)")
    )
    def copy_to_next_year(self, request, queryset):
        for campaign in queryset:
            try:
                new = campaign_copy(
                    source=campaign,
                    year=campaign.year + 1,
                    starts_on=_next_year(campaign.starts_on),
                    ends_on=_next_year(campaign.ends_on),
                    dossier_deadline=_next_year(campaign.dossier_deadline),
                    actor=request.user,
                )
            except ValidationError as exc:
                self.message_user(request, "; ".join(exc.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Created %(campaign)s; check its dates.") % {"campaign": new},
                    messages.SUCCESS,
                )


class PriorityFieldInline(admin.TabularInline):
    model = PriorityField
    extra = 0


@admin.register(Goal)
class GoalAdmin(PortalModelAdmin):
    list_display = ("code", "title", "campaign", "position")
    list_filter = ("campaign",)
    search_fields = ("title", "text")
    list_select_related = ("campaign",)
    inlines = [PriorityFieldInline]


__all__ = ["CampaignAdmin", "GoalAdmin"]
