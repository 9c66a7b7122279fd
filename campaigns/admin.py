"""The campaigns in the admin: the office's window on the plan, never a side door.

What a service guards is read-only here (``guarded_fields``): a campaign's
status and dates, a reporting period's due date, an indicator's type and
bounds once values are reported. Each changes through a small admin form
(linked from the object's page) that calls the service, which checks the
permission, locks the row, needs a reason and logs the old and new values.
Reports are read here; their states change only through the services.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_forms import ServiceAction
from phongquang_portal.core.admin_mixins import PortalInlineMixin, PortalModelAdmin
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.permissions import has_perm

from .enums import CampaignStatus
from .forms import (
    CampaignDatesForm,
    CampaignPlanForm,
    CampaignStatusForm,
    CitationAddForm,
    CitationRemoveForm,
    CitationReplaceForm,
    IndicatorAdminForm,
    IndicatorRulesForm,
    PeriodDueForm,
    ReportingPeriodAdminForm,
)
from .models import (
    Campaign,
    Goal,
    Indicator,
    IndicatorValue,
    LegalDocument,
    PriorityField,
    Report,
    ReportAttachment,
    ReportingPeriod,
    ReportSection,
)
from .services import (
    CAMPAIGN_DATE_FIELDS,
    campaign_copy,
    campaign_dates_change,
    campaign_plan_set,
    campaign_set_status,
    citation_add,
    citation_remove,
    citation_replace,
    indicator_rules_change,
    period_due_change,
    report_accept,
    report_mark_opened,
    shift_year,
)

# --- Campaigns and goals --------------------------------------------------------


class GoalInline(PortalInlineMixin, admin.StackedInline):
    """The plan's eight sections a–h: their wording may be edited, never their set."""

    model = Goal
    extra = 0
    fields = ("code", "position", "title", "text")
    readonly_fields = ("code", "position")


def _plan_initial(campaign):
    """The plan's number as typed (``05``), when one is recorded, and its date."""
    number = campaign.plan_number
    return {
        "plan_number": number if parse_id(number.split("/")[0]) is not None else "",
        "plan_date": campaign.plan_date,
    }


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
    guarded_fields = (
        "status",
        "starts_on",
        "ends_on",
        "dossier_deadline",
        "plan_number",
        "plan_date",
    )
    readonly_fields = ("copied_from",)
    change_form_template = "admin/campaigns/campaign/change_form.html"
    service_actions = [
        ServiceAction(
            name="dates",
            title=gettext_lazy("Change the campaign's dates"),
            label=gettext_lazy("Change the dates"),
            form=CampaignDatesForm,
            initial=CAMPAIGN_DATE_FIELDS,
            service=campaign_dates_change,
            target="campaign",
            permission="campaigns.change_campaign_rules",
            success=gettext_lazy("The dates of %(object)s are changed."),
        ),
        ServiceAction(
            name="plan",
            title=gettext_lazy("Record the plan's number and date"),
            label=gettext_lazy("Plan number and date"),
            form=CampaignPlanForm,
            initial=_plan_initial,
            service=campaign_plan_set,
            target="campaign",
            permission="campaigns.change_campaign_rules",
            success=gettext_lazy(
                "The plan's number and date of %(object)s are recorded."
            ),
        ),
        ServiceAction(
            name="status",
            title=gettext_lazy("Change the campaign's status"),
            label=gettext_lazy("Change the status"),
            form=CampaignStatusForm,
            form_target="campaign",
            service=campaign_set_status,
            target="campaign",
            permission="campaigns.set_campaign_status",
            success=gettext_lazy("The status of %(object)s is changed."),
        ),
        # The legal bases' links sit under their list (the change form's template).
        ServiceAction(
            name="citation_add",
            title=gettext_lazy("Cite a legal document"),
            form=CitationAddForm,
            form_target="campaign",
            service=citation_add,
            target="campaign",
            permission="campaigns.change_citations",
            button=False,
            success=gettext_lazy("%(object)s cites one more legal document."),
        ),
        ServiceAction(
            name="citation_replace",
            title=gettext_lazy("Replace a legal basis"),
            form=CitationReplaceForm,
            form_target="campaign",
            service=citation_replace,
            permission="campaigns.change_citations",
            button=False,
            success=gettext_lazy("A legal basis of %(object)s is replaced."),
        ),
        ServiceAction(
            name="citation_remove",
            title=gettext_lazy("Remove a legal basis"),
            form=CitationRemoveForm,
            form_target="campaign",
            service=citation_remove,
            permission="campaigns.change_citations",
            button=False,
            success=gettext_lazy("A legal basis of %(object)s is removed."),
        ),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        campaign = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "citations": list(campaign.citations.select_related("document"))
            if campaign
            else [],
            "review_open": campaign.review_items.filter(done=False).count()
            if campaign
            else 0,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is None:
            # A new campaign is prepared (draft); the status form opens it.
            fields = [f for f in fields if f not in ("status", "copied_from")]
        return fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.status = CampaignStatus.DRAFT
        super().save_model(request, obj, form, change)

    def has_copy_permission(self, request):
        return has_perm(request.user, "campaigns.copy_campaign")

    @admin.action(
        description=gettext_lazy("Copy to next year (goals, criteria, award kinds)"),
        permissions=["copy"],
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


@admin.register(LegalDocument)
class LegalDocumentAdmin(PortalModelAdmin):
    """The laws, decrees, decisions… documents cite; a change here is logged and
    shows in every document generated afterwards (issued ones keep their text)."""

    list_display = ("number", "kind", "issued_on", "issuer", "title", "in_force_to")
    list_filter = ("kind",)
    search_fields = ("number", "title", "issuer")
    readonly_fields = ("citation_preview",)

    @admin.display(description=gettext_lazy("As cited"))
    def citation_preview(self, obj):
        return f"Căn cứ {obj.citation}" if obj.pk else "—"


class PriorityFieldInline(PortalInlineMixin, admin.TabularInline):
    """Section h's seven priority fields: their wording may be edited, never their set."""

    model = PriorityField
    extra = 0
    readonly_fields = ("position",)


@admin.register(Goal)
class GoalAdmin(PortalModelAdmin):
    list_display = ("code", "title", "campaign", "position")
    guarded_fields = ("campaign", "code", "position")
    list_filter = ("campaign",)
    search_fields = ("title", "text")
    list_select_related = ("campaign",)
    inlines = [PriorityFieldInline]


# --- Reporting periods and indicators ------------------------------------------------


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
    # Moving the due date changes who was late: through period_due_change.
    guarded_fields = ("campaign", "due_on")
    service_actions = [
        ServiceAction(
            name="due",
            title=gettext_lazy("Change the due date"),
            form=PeriodDueForm,
            initial=("due_on",),
            service=period_due_change,
            target="period",
            permission="campaigns.change_period_rules",
            success=gettext_lazy("The due date of %(object)s is changed."),
        ),
    ]


# Once a value is reported these change only through indicator_rules_change.
INDICATOR_RULE_FIELDS = ("value_type", "min_value", "max_value")


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
    guarded_fields = ("campaign",)
    service_actions = [
        ServiceAction(
            name="rules",
            title=gettext_lazy("Change the indicator's type or bounds"),
            label=gettext_lazy("Change the type or bounds"),
            form=IndicatorRulesForm,
            initial=INDICATOR_RULE_FIELDS,
            service=indicator_rules_change,
            target="indicator",
            permission="campaigns.change_indicator_rules",
            success=gettext_lazy("The rules of %(object)s are changed."),
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and IndicatorValue.objects.filter(indicator=obj).exists():
            fields += [f for f in INDICATOR_RULE_FIELDS if f not in fields]
        return fields


# --- Unit reports ------------------------------------------------------------------


class ReportSectionInline(PortalInlineMixin, admin.StackedInline):
    model = ReportSection
    extra = 0
    fields = ("goal", "narrative")
    readonly_fields = fields


class IndicatorValueInline(PortalInlineMixin, admin.TabularInline):
    model = IndicatorValue
    extra = 0
    fields = ("indicator", "value")
    readonly_fields = fields


class ReportAttachmentInline(PortalInlineMixin, admin.TabularInline):
    model = ReportAttachment
    extra = 0
    fields = (
        "original_name",
        "goal",
        "size",
        "file_type",
        "uploaded_by",
        "uploaded_at",
    )
    readonly_fields = fields


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
        "office_opened_at",
        "office_opened_by",
        "created_by",
        "created_at",
        "updated_at",
    )
    inlines = [ReportSectionInline, IndicatorValueInline, ReportAttachmentInline]
    actions = ["open_selected", "accept_selected"]

    def has_review_permission(self, request):
        return has_perm(request.user, "campaigns.review_reports")

    def _each(self, request, queryset, service):
        """Run ``service`` on each report; warn about each refusal; count the rest."""
        done = 0
        for report in queryset.select_related("period", "unit"):
            try:
                service(report=report, actor=request.user)
            except ValidationError as exc:
                self.message_user(
                    request, f"{report}: {'; '.join(exc.messages)}", messages.WARNING
                )
            else:
                done += 1
        return done

    @admin.action(
        description=gettext_lazy(
            "Open the selected submissions for review (no more withdrawal)"
        ),
        permissions=["review"],
    )
    def open_selected(self, request, queryset):
        done = self._each(request, queryset, report_mark_opened)
        self.message_user(
            request,
            _("Opened %(count)s report(s) for review.") % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(
        description=gettext_lazy("Accept the selected submitted reports"),
        permissions=["review"],
    )
    def accept_selected(self, request, queryset):
        done = self._each(request, queryset, report_accept)
        self.message_user(
            request,
            _("Accepted %(count)s report(s).") % {"count": done},
            messages.SUCCESS,
        )


__all__ = [
    "CampaignAdmin",
    "LegalDocumentAdmin",
    "GoalAdmin",
    "IndicatorAdmin",
    "ReportAdmin",
    "ReportingPeriodAdmin",
]
