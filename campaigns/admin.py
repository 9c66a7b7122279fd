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
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalInlineMixin, PortalModelAdmin
from phongquang_portal.core.permissions import has_perm

from .enums import CampaignStatus
from .forms import (
    CampaignDatesForm,
    CampaignPlanForm,
    CampaignStatusForm,
    CitationAddForm,
    CitationChoiceForm,
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


class ServiceFormAdmin(PortalModelAdmin):
    """An admin with small forms that change guarded fields through a service.

    ``service_forms`` maps a URL suffix to (permission, title, form factory,
    service call, success message); each becomes
    ``admin:<app>_<model>_<suffix>`` at ``<object id>/<suffix>/``.
    """

    service_forms = {}

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        extra = [
            path(
                f"<path:object_id>/{suffix}/",
                self.admin_site.admin_view(self._service_view(suffix)),
                name="{}_{}_{}".format(*info, suffix),
            )
            for suffix in self.service_forms
        ]
        return extra + super().get_urls()

    def _service_view(self, suffix):
        def view(request, object_id):
            return self.service_form_view(request, object_id, suffix)

        return view

    def service_form_view(self, request, object_id, suffix):
        perm, title, make_form, call, done = self.service_forms[suffix]
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not has_perm(request.user, perm, obj):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else None
        form = make_form(self, obj, data)
        if data is not None and form.is_valid():
            try:
                call(self, request, obj, form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                self.message_user(request, done % {"object": obj}, messages.SUCCESS)
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[obj.pk],
                    )
                )
        return TemplateResponse(
            request,
            "admin/campaigns/service_form.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "subtitle": str(obj),
                "opts": self.opts,
                "original": obj,
                "form": form,
                "media": self.media + form.media,
            },
        )


# --- Campaigns and goals --------------------------------------------------------


class GoalInline(PortalInlineMixin, admin.StackedInline):
    """The plan's eight sections a–h: their wording may be edited, never their set."""

    model = Goal
    extra = 0
    fields = ("code", "position", "title", "text")
    readonly_fields = ("code", "position")


def _dates_form(admin_, campaign, data):
    return CampaignDatesForm(
        data,
        initial={
            "starts_on": campaign.starts_on,
            "ends_on": campaign.ends_on,
            "dossier_deadline": campaign.dossier_deadline,
        },
    )


def _change_dates(admin_, request, campaign, cleaned):
    campaign_dates_change(
        campaign=campaign,
        actor=request.user,
        reason=cleaned["reason"],
        starts_on=cleaned["starts_on"],
        ends_on=cleaned["ends_on"],
        dossier_deadline=cleaned["dossier_deadline"],
    )


def _status_form(admin_, campaign, data):
    return CampaignStatusForm(data, campaign=campaign)


def _set_status(admin_, request, campaign, cleaned):
    campaign_set_status(
        campaign=campaign,
        status=cleaned["status"],
        actor=request.user,
        reason=cleaned["reason"],
    )


def _plan_form(admin_, campaign, data):
    return CampaignPlanForm(
        data,
        initial={
            "plan_number": campaign.plan_number
            if campaign.plan_number.split("/")[0].isdigit()
            else "",
            "plan_date": campaign.plan_date,
        },
    )


def _set_plan(admin_, request, campaign, cleaned):
    campaign_plan_set(
        campaign=campaign,
        plan_number=cleaned["plan_number"],
        plan_date=cleaned["plan_date"],
        actor=request.user,
        reason=cleaned["reason"],
    )


def _citation_add_form(admin_, campaign, data):
    return CitationAddForm(data, campaign=campaign)


def _add_citation(admin_, request, campaign, cleaned):
    citation_add(
        campaign=campaign,
        document=cleaned["document"],
        position=cleaned["position"],
        decision_only=cleaned["decision_only"],
        actor=request.user,
        reason=cleaned["reason"],
    )


def _citation_remove_form(admin_, campaign, data):
    return CitationChoiceForm(
        data,
        campaign=campaign,
        required_message=_("Say why the campaign no longer cites this document."),
    )


def _remove_citation(admin_, request, campaign, cleaned):
    citation_remove(
        citation=cleaned["citation"], actor=request.user, reason=cleaned["reason"]
    )


def _citation_replace_form(admin_, campaign, data):
    return CitationChoiceForm(
        data,
        campaign=campaign,
        replace=True,
        required_message=_("Say why the citation is replaced."),
    )


def _replace_citation(admin_, request, campaign, cleaned):
    citation_replace(
        citation=cleaned["citation"],
        document=cleaned["document"],
        actor=request.user,
        reason=cleaned["reason"],
    )


@admin.register(Campaign)
class CampaignAdmin(ServiceFormAdmin):
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
    service_forms = {
        "dates": (
            "campaigns.change_campaign_rules",
            gettext_lazy("Change the campaign's dates"),
            _dates_form,
            _change_dates,
            gettext_lazy("The dates of %(object)s are changed."),
        ),
        "status": (
            "campaigns.set_campaign_status",
            gettext_lazy("Change the campaign's status"),
            _status_form,
            _set_status,
            gettext_lazy("The status of %(object)s is changed."),
        ),
        "plan": (
            "campaigns.change_campaign_rules",
            gettext_lazy("Record the plan's number and date"),
            _plan_form,
            _set_plan,
            gettext_lazy("The plan's number and date of %(object)s are recorded."),
        ),
        "citation_add": (
            "campaigns.change_citations",
            gettext_lazy("Cite a legal document"),
            _citation_add_form,
            _add_citation,
            gettext_lazy("%(object)s cites one more legal document."),
        ),
        "citation_remove": (
            "campaigns.change_citations",
            gettext_lazy("Remove a legal basis"),
            _citation_remove_form,
            _remove_citation,
            gettext_lazy("A legal basis of %(object)s is removed."),
        ),
        "citation_replace": (
            "campaigns.change_citations",
            gettext_lazy("Replace a legal basis"),
            _citation_replace_form,
            _replace_citation,
            gettext_lazy("A legal basis of %(object)s is replaced."),
        ),
    }

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


def _due_form(admin_, period, data):
    return PeriodDueForm(data, initial={"due_on": period.due_on})


def _change_due(admin_, request, period, cleaned):
    period_due_change(
        period=period,
        actor=request.user,
        reason=cleaned["reason"],
        due_on=cleaned["due_on"],
    )


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(ServiceFormAdmin):
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
    change_form_template = "admin/campaigns/reportingperiod/change_form.html"
    service_forms = {
        "due": (
            "campaigns.change_period_rules",
            gettext_lazy("Change the due date"),
            _due_form,
            _change_due,
            gettext_lazy("The due date of %(object)s is changed."),
        ),
    }


def _rules_form(admin_, indicator, data):
    return IndicatorRulesForm(
        data,
        initial={
            "value_type": indicator.value_type,
            "min_value": indicator.min_value,
            "max_value": indicator.max_value,
        },
    )


def _change_rules(admin_, request, indicator, cleaned):
    indicator_rules_change(
        indicator=indicator,
        actor=request.user,
        reason=cleaned["reason"],
        value_type=cleaned["value_type"],
        min_value=cleaned["min_value"],
        max_value=cleaned["max_value"],
    )


# Once a value is reported these change only through indicator_rules_change.
INDICATOR_RULE_FIELDS = ("value_type", "min_value", "max_value")


@admin.register(Indicator)
class IndicatorAdmin(ServiceFormAdmin):
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
    change_form_template = "admin/campaigns/indicator/change_form.html"
    service_forms = {
        "rules": (
            "campaigns.change_indicator_rules",
            gettext_lazy("Change the indicator's type or bounds"),
            _rules_form,
            _change_rules,
            gettext_lazy("The rules of %(object)s are changed."),
        ),
    }

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
