from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin

from .forms import IndicatorAdminForm, ReportingPeriodAdminForm
from .models import (
    Campaign,
    Goal,
    Indicator,
    IndicatorValue,
    PriorityField,
    Report,
    ReportAttachment,
    ReportingPeriod,
    ReportSection,
)
from .services import campaign_copy, report_accept, shift_year


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
                    starts_on=shift_year(campaign.starts_on),
                    ends_on=shift_year(campaign.ends_on),
                    dossier_deadline=shift_year(campaign.dossier_deadline),
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


# --- Unit reports ------------------------------------------------------------


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(PortalModelAdmin):
    form = ReportingPeriodAdminForm
    list_display = (
        "name",
        "campaign",
        "position",
        "opens_on",
        "due_on",
        "unit_kinds_label",
    )
    list_filter = ("campaign",)
    search_fields = ("name",)
    list_select_related = ("campaign",)


@admin.register(Indicator)
class IndicatorAdmin(PortalModelAdmin):
    form = IndicatorAdminForm
    list_display = (
        "code",
        "name",
        "goal",
        "unit_of_measure",
        "value_type",
        "aggregation",
        "target",
        "unit_kinds_label",
    )
    list_filter = ("campaign", "goal__code", "value_type")
    search_fields = ("code", "name")
    list_select_related = ("goal", "campaign")


class ReportSectionInline(admin.StackedInline):
    model = ReportSection
    extra = 0
    fields = ("goal", "narrative")
    readonly_fields = ("goal", "narrative")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ("indicator", "value")
    readonly_fields = ("indicator", "value")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReportAttachmentInline(admin.TabularInline):
    model = ReportAttachment
    extra = 0
    fields = ("original_name", "goal", "size", "kind", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(PortalModelAdmin):
    """Reports are read here; state changes go through the services (actions)."""

    list_display = ("unit", "period", "state", "submitted_at", "reopened", "updated_at")
    list_filter = ("period__campaign", "period", "state", "unit__kind", "reopened")
    search_fields = ("unit__name",)
    list_select_related = ("unit", "period")
    readonly_fields = (
        "unit",
        "period",
        "state",
        "submitted_at",
        "reviewed_at",
        "reviewed_by",
        "return_reason",
        "reopened",
        "reopened_at",
        "reopen_reason",
        "created_by",
        "created_at",
        "updated_at",
    )
    inlines = [ReportSectionInline, IndicatorValueInline, ReportAttachmentInline]
    actions = ["accept_selected"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=gettext_lazy("Accept the selected submitted reports"))
    def accept_selected(self, request, queryset):
        done = 0
        for report in queryset.select_related("period", "unit"):
            if not request.user.has_perm("campaigns.review_report", report):
                continue
            try:
                report_accept(report=report, actor=request.user)
            except ValidationError as exc:
                self.message_user(
                    request, f"{report}: {'; '.join(exc.messages)}", messages.WARNING
                )
            else:
                done += 1
        self.message_user(
            request,
            _("Accepted %(count)s report(s).") % {"count": done},
            messages.SUCCESS,
        )


__all__ = [
    "CampaignAdmin",
    "GoalAdmin",
    "IndicatorAdmin",
    "ReportAdmin",
    "ReportingPeriodAdmin",
]
