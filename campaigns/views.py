"""The campaigns app's pages: the plan, the unit reports, the office's board and exports.

Every view names a rules permission (``permission_required``); strangers are
sent to the login page, signed-in users without the permission get 404.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.generic import DetailView, ListView, TemplateView, View

from phongquang_portal.core.excel import xlsx_response
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.mixins import PermissionRequiredMixin, ScopedPermissionMixin
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import ACCEPT_ATTRIBUTE, serve_protected
from units.models import Unit
from units.selectors import participant_counts

from .deadlines import dossier_deadline, report_deadline
from .enums import BoardState
from .exports import aggregate_pdf, aggregate_period, aggregate_workbook
from .forms import (
    AttachmentForm,
    BoardFilterForm,
    ReportForm,
    ReportListFilterForm,
    ReviewFixForm,
)
from .models import (
    Campaign,
    CopyReviewItem,
    Goal,
    Report,
    ReportAttachment,
    ReportingPeriod,
)
from .plausibility import report_warnings
from .selectors import (
    board_counts,
    board_rows,
    campaign_from_request,
    campaign_list,
    campaign_with_goals,
    current_period,
    dashboard_data,
    indicators_for_kind,
    periods_of,
    report_checklist,
    report_for_page,
    report_list,
    report_rows_for_head,
)
from .services import (
    format_number,
    report_accept,
    report_attachment_add,
    report_attachment_remove,
    report_mark_opened,
    report_reminders_send,
    report_reopen,
    report_return,
    report_save,
    report_start,
    report_submit,
    report_withdraw,
    review_item_check,
    review_item_fix,
    submission_is_late,
)


class PublicPageMixin(PermissionRequiredMixin):
    """A page anyone may see (the permission's rule allows every visitor)."""

    permission_required = "campaigns.view_campaigns"

    def get_permission_object(self):
        return None


class CampaignListView(PublicPageMixin, ListView):
    """Every campaign, newest first; public."""

    template_name = "campaigns/campaign_list.html"
    context_object_name = "campaigns"

    def get_queryset(self):
        return campaign_list()


class CampaignDetailView(PublicPageMixin, DetailView):
    """The plan as a page: purpose, goals a–h with h's fields, participants, timeline."""

    template_name = "campaigns/campaign_detail.html"
    context_object_name = "campaign"

    def get_object(self, queryset=None):
        try:
            return campaign_with_goals(self.kwargs["pk"])
        except Campaign.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.object
        now = timezone.now()
        deadline = dossier_deadline(campaign)
        context.update(
            goals=list(campaign.goals.all()),
            participants=participant_counts(),
            now=now,
            deadline_at=deadline.ends_at,
            dossiers_open=not deadline.is_past(now),
            days_left=deadline.days_left(now),
        )
        if has_perm(self.request.user, "campaigns.view_review", campaign):
            context["review_open"] = campaign.review_items.filter(done=False).count()
        return context


# ---------------------------------------------------------------------------
# A copied campaign's review list
# ---------------------------------------------------------------------------


class ReviewListView(ScopedPermissionMixin, DetailView):
    """The copied texts that name the source's year, for the office to check or fix."""

    permission_required = "campaigns.view_review"
    template_name = "campaigns/review.html"
    context_object_name = "campaign"
    model = Campaign

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = list(self.object.review_items.select_related("done_by", "content_type"))
        for item in items:
            item.now = item.current_text()
            item.fix_form = ReviewFixForm(
                initial={"text": item.now}, prefix=f"item{item.pk}"
            )
        context.update(
            items=items,
            open_count=sum(1 for item in items if not item.done),
        )
        return context


class ReviewItemView(ScopedPermissionMixin, View):
    """Tick one item as checked, or write its corrected text (POST)."""

    permission_required = "campaigns.review_copy"
    http_method_names = ["post"]

    def get_item(self):
        if not hasattr(self, "_item"):
            self._item = get_object_or_404(
                CopyReviewItem.objects.select_related("campaign"), pk=self.kwargs["pk"]
            )
        return self._item

    def get_permission_object(self):
        return self.get_item().campaign

    def post(self, request, pk):
        item = self.get_item()
        back = reverse("campaigns:review", args=[item.campaign_id])
        try:
            if request.POST.get("action") == "fix":
                form = ReviewFixForm(request.POST, prefix=f"item{item.pk}")
                if not form.is_valid():
                    for errors in form.errors.values():
                        for error in errors:
                            messages.error(request, error)
                    return redirect(f"{back}#item-{item.pk}")
                review_item_fix(
                    item=item, actor=request.user, text=form.cleaned_data["text"]
                )
                messages.success(request, _("The text is corrected and checked."))
            else:
                review_item_check(item=item, actor=request.user)
                messages.success(request, _("The text is checked."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(f"{back}#item-{item.pk}")


# ---------------------------------------------------------------------------
# Unit reports
# ---------------------------------------------------------------------------


class ReportObjectMixin(ScopedPermissionMixin):
    """Load the report named in the URL once; strangers get 404."""

    permission_required = "campaigns.read_report"

    def get_report(self):
        if not hasattr(self, "_report"):
            try:
                self._report = report_for_page(self.kwargs["pk"])
            except Report.DoesNotExist as exc:
                raise Http404 from exc
        return self._report

    def get_permission_object(self):
        return self.get_report()


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class ReportListView(PermissionRequiredMixin, TemplateView):
    """A unit head's reports per period, or every report for the office and the council."""

    permission_required = "campaigns.view_report_list"
    template_name = "campaigns/report_list.html"
    paginate_by = 50

    def get_permission_object(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaign = campaign_from_request(self.request, unknown_is_404=False)
        periods = periods_of(campaign) if campaign else []
        context.update(campaign=campaign, periods=periods)
        if campaign is None:
            return context
        if has_perm(user, "campaigns.list_own_reports"):
            context["head_rows"] = report_rows_for_head(user, campaign, periods=periods)
        if has_perm(user, "campaigns.list_all_reports"):
            form = ReportListFilterForm(self.request.GET or None, periods=periods)
            filters = form.cleaned_data if form.is_valid() else {}
            period = next((p for p in periods if p.pk == filters.get("period")), None)
            qs = report_list(
                campaign=campaign,
                period=period,
                state=filters.get("state") or None,
                kind=filters.get("kind") or None,
                search=(filters.get("q") or "").strip(),
            )
            paginator = Paginator(qs, self.paginate_by)
            page = paginator.get_page(self.request.GET.get("page"))
            query = self.request.GET.copy()
            query.pop("page", None)
            context.update(
                filter_form=form,
                page_obj=page,
                reports=page.object_list,
                query=query.urlencode(),
                current=current_period(campaign, periods=periods),
            )
        return context


class ReportStartView(PermissionRequiredMixin, View):
    """Open (or create) the unit's report for a period, then go to its form.

    The unit's head goes on to fill it in; the office (opening it for a
    silent unit) to the report's page.
    """

    permission_required = "campaigns.start_report"
    http_method_names = ["post"]

    def get_permission_object(self):
        if not hasattr(self, "_unit"):
            self._unit = get_object_or_404(Unit, pk=self.kwargs["unit_pk"])
        return self._unit

    def post(self, request, period_pk, unit_pk):
        period = get_object_or_404(
            ReportingPeriod.objects.select_related("campaign"), pk=period_pk
        )
        unit = self.get_permission_object()
        try:
            report = report_start(unit=unit, period=period, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("campaigns:report_list")
        if has_perm(request.user, "campaigns.report_for_unit", unit):
            return redirect("campaigns:report_edit", pk=report.pk)
        return redirect(report.get_absolute_url())


class ReportDetailView(ReportObjectMixin, TemplateView):
    """A report as the office reads it, with the actions each role may take."""

    template_name = "campaigns/report_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.get_report()
        deadline = report_deadline(report.period, report.unit_id)
        goals = list(
            Goal.objects.filter(campaign_id=report.period.campaign_id).order_by(
                "position"
            )
        )
        indicators = indicators_for_kind(report.period.campaign_id, report.unit.kind)
        sections = {s.goal_id: s.narrative for s in report.sections.all()}
        values = {v.indicator_id: v.value for v in report.values.all()}
        attachments = list(report.attachments.all())
        blocks = []
        for goal in goals:
            blocks.append(
                {
                    "goal": goal,
                    "narrative": sections.get(goal.pk, ""),
                    "values": [
                        (i, values.get(i.pk))
                        for i in indicators
                        if i.goal_id == goal.pk
                    ],
                    "attachments": [a for a in attachments if a.goal_id == goal.pk],
                }
            )
        context.update(
            report=report,
            period=report.period,
            blocks=blocks,
            general_attachments=[a for a in attachments if a.goal_id is None],
            checklist=report_checklist(
                report,
                goals=goals,
                indicators=indicators,
                narratives=sections,
                values=values,
            ),
            late=submission_is_late(report, deadline=deadline),
            deadline=deadline,
            days_late=deadline.days_late(report.submitted_at),
            saved=self.request.GET.get("saved") == "1",
        )
        return context


class ReportEditView(ReportObjectMixin, TemplateView):
    """The phone-first report form: narratives and numbers per goal, save or submit."""

    template_name = "campaigns/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            report = self.get_report()
            may_read = has_perm(request.user, "campaigns.read_report", report)
            if may_read and not has_perm(request.user, "campaigns.edit_report", report):
                messages.info(
                    request,
                    _("This report is “%(state)s” and cannot be edited now.")
                    % {"state": report.get_state_display()},
                )
                return redirect(report.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def setup_form(self, data=None, files=None):
        report = self.get_report()
        self.goals = list(
            Goal.objects.filter(campaign_id=report.period.campaign_id).order_by(
                "position"
            )
        )
        self.indicators = indicators_for_kind(
            report.period.campaign_id, report.unit.kind
        )
        initial = {}
        for section in report.sections.all():
            initial[f"narrative_{section.goal_id}"] = section.narrative
        for value in report.values.all():
            initial[f"value_{value.indicator_id}"] = format_number(value.value)
        return ReportForm(
            data, files, goals=self.goals, indicators=self.indicators, initial=initial
        )

    def get(self, request, *args, **kwargs):
        form = self.setup_form()
        return self.render_to_response(self.form_context(form))

    def post(self, request, *args, **kwargs):
        report = self.get_report()
        form = self.setup_form(request.POST, request.FILES)
        action = request.POST.get("action", "save")
        valid = form.is_valid()
        try:
            # Every field that passed its checks is stored, even when another
            # one needs correcting: nothing valid the unit typed is lost.
            report_save(
                report=report,
                actor=request.user,
                narratives=form.narratives(),
                values=form.values(),
            )
            if valid and form.cleaned_data.get("attachment"):
                report_attachment_add(
                    report=report,
                    actor=request.user,
                    file=form.cleaned_data["attachment"],
                    goal=form.attachment_goal_obj(),
                )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
            return self.render_to_response(self.form_context(form), status=200)
        if not valid:
            bad = len(form.errors)
            messages.error(
                request,
                ngettext(
                    "The other entries are saved; %(count)s entry needs correcting "
                    "(marked in red) and still shows what you typed.",
                    "The other entries are saved; %(count)s entries need correcting "
                    "(marked in red) and still show what you typed.",
                    bad,
                )
                % {"count": bad},
            )
            return self.render_to_response(self.form_context(form), status=200)
        if action != "submit":
            messages.success(request, _("Draft saved."))
            return redirect(
                reverse("campaigns:report_edit", args=[report.pk]) + "?saved=1"
            )
        try:
            report_submit(report=report, actor=request.user)
        except ValidationError as exc:
            if exc.code == "incomplete":
                for item in report_checklist(
                    report, goals=self.goals, indicators=self.indicators
                ):
                    if item.is_narrative:
                        name = f"narrative_{item.goal.pk}"
                        form.add_error(
                            name, _("Please write the results of this section.")
                        )
                    else:
                        name = item.anchor.replace("indicator-", "value_")
                        form.add_error(name, _("Please enter this number (0 if none)."))
            else:
                form.add_error(None, " ".join(exc.messages))
            messages.warning(
                request,
                _("Your draft was saved but not submitted: %(reason)s")
                % {"reason": " ".join(exc.messages)},
            )
            context = self.form_context(form)
            # The draft is on the server: the browser's copy may go.
            context["saved"] = True
            return self.render_to_response(context, status=200)
        messages.success(request, _("Report submitted to the Culture-Social office."))
        stored = {v.indicator_id: v.value for v in report.values.all()}
        if report_warnings(self.indicators, stored):
            messages.warning(
                request,
                _(
                    "Some numbers are far beyond the commune target; the office "
                    "will check them with you."
                ),
            )
        return redirect(report.get_absolute_url() + "?saved=1")

    def form_context(self, form):
        report = self.get_report()
        if form.is_bound:
            checklist = report_checklist(
                report,
                goals=self.goals,
                indicators=self.indicators,
                narratives=form.typed_narratives(),
                values=form.typed_values(),
            )
        else:
            checklist = report_checklist(
                report,
                goals=self.goals,
                indicators=self.indicators,
                narratives={s.goal_id: s.narrative for s in report.sections.all()},
                values={v.indicator_id: v.value for v in report.values.all()},
            )
        # Stored numbers far beyond the target: flagged next to the field and
        # above the submit button, never refused (campaigns.plausibility).
        warnings = report_warnings(
            self.indicators, {v.indicator_id: v.value for v in report.values.all()}
        )
        for indicator in self.indicators:
            indicator.far_warning = warnings.get(indicator.pk)
        attachments = list(report.attachments.all())
        deadline = report_deadline(report.period, report.unit_id)
        return self.get_context_data(
            form=form,
            report=report,
            period=report.period,
            checklist=checklist,
            attachments=attachments,
            attachment_form=AttachmentForm(goals=self.goals),
            late=submission_is_late(report, deadline=deadline),
            deadline=deadline,
            max_upload_mb=settings.UPLOAD_MAX_BYTES // (1024 * 1024),
            accept=ACCEPT_ATTRIBUTE,
            far_warnings=[
                (i, warnings[i.pk]) for i in self.indicators if i.pk in warnings
            ],
            # The browser keeps a copy of the form until the server has saved it
            # (static/js/campaigns_report_form.js); "saved" tells it to let go.
            saved=self.request.method == "GET" and self.request.GET.get("saved") == "1",
        )


class AttachmentUploadView(ReportObjectMixin, View):
    """Receive one evidence file (JavaScript upload with progress, or a plain form)."""

    permission_required = "campaigns.write_report"
    http_method_names = ["post"]

    def post(self, request, pk):
        report = self.get_report()
        goals = list(Goal.objects.filter(campaign_id=report.period.campaign_id))
        form = AttachmentForm(request.POST, request.FILES, goals=goals)
        wants_json = request.headers.get("x-requested-with") == "XMLHttpRequest"
        errors = []
        attachment = None
        if form.is_valid():
            try:
                attachment = report_attachment_add(
                    report=report,
                    actor=request.user,
                    file=form.cleaned_data["file"],
                    goal=form.goal_obj(),
                )
            except ValidationError as exc:
                errors = exc.messages
        else:
            errors = [
                message
                for field_errors in form.errors.values()
                for message in field_errors
            ]
        if wants_json:
            if errors:
                return JsonResponse({"ok": False, "errors": errors}, status=400)
            return JsonResponse(
                {
                    "ok": True,
                    "id": attachment.pk,
                    "name": attachment.original_name,
                    "size": attachment.size,
                    "url": attachment.get_absolute_url(),
                    "goal": attachment.goal.code if attachment.goal else "",
                    "delete_url": reverse(
                        "campaigns:attachment_delete", args=[report.pk, attachment.pk]
                    ),
                }
            )
        if errors:
            for message in errors:
                messages.error(request, message)
        else:
            messages.success(
                request, _("Attached “%(name)s”.") % {"name": attachment.original_name}
            )
        return redirect(
            reverse("campaigns:report_edit", args=[report.pk]) + "#attachments"
        )


class AttachmentDownloadView(ReportObjectMixin, View):
    """Serve an evidence file only to those who may see the report."""

    def get(self, request, pk, attachment_pk):
        report = self.get_report()
        attachment = get_object_or_404(
            ReportAttachment, pk=attachment_pk, report=report
        )
        return serve_protected(attachment.file, attachment.original_name)


class AttachmentDeleteView(ReportObjectMixin, View):
    """Remove one evidence file from an editable report."""

    permission_required = "campaigns.write_report"
    http_method_names = ["post"]

    def post(self, request, pk, attachment_pk):
        report = self.get_report()
        attachment = get_object_or_404(
            ReportAttachment, pk=attachment_pk, report=report
        )
        try:
            report_attachment_remove(attachment=attachment, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Removed “%(name)s”.") % {"name": attachment.original_name}
            )
        return redirect(
            reverse("campaigns:report_edit", args=[report.pk]) + "#attachments"
        )


# Each action's page gate (who may act on the report at all); the service then
# asks the action's own permission, state included, and says why it refuses.
REPORT_ACTIONS = {
    "submit": "campaigns.write_report",
    "withdraw": "campaigns.write_report",
    "open": "campaigns.review_reports",
    "return": "campaigns.review_reports",
    "accept": "campaigns.review_reports",
    "reopen": "campaigns.review_reports",
}
REASON_MESSAGES = {
    "return": (
        _lazy("Comment for the unit"),
        _lazy("Please write what the unit should correct."),
    ),
    "reopen": (
        _lazy("Reason (recorded in the history)"),
        _lazy("Please give the reason for reopening this report."),
    ),
}


class ReportActionView(ReportObjectMixin, View):
    """One click on a report: submit, withdraw, open for review, return (with a
    comment), accept, reopen."""

    http_method_names = ["post"]

    def get_permission_required(self):
        action = self.kwargs["action"]
        if action not in REPORT_ACTIONS:
            raise Http404
        return ("campaigns.read_report", REPORT_ACTIONS[action])

    def post(self, request, pk, action):
        report = self.get_report()
        default = report.get_absolute_url()
        try:
            if action == "submit":
                report_submit(report=report, actor=request.user)
                done = _("Report submitted to the Culture-Social office.")
            elif action == "withdraw":
                report_withdraw(report=report, actor=request.user)
                done = _(
                    "The report is withdrawn: change it and submit it again "
                    "before the due date."
                )
                default = reverse("campaigns:report_edit", args=[report.pk])
            elif action == "open":
                report_mark_opened(report=report, actor=request.user)
                done = _(
                    "Opened the report of %(unit)s for review: the unit can no "
                    "longer withdraw it."
                ) % {"unit": report.unit.name}
            elif action == "accept":
                report_accept(report=report, actor=request.user)
                done = _("Accepted the report of %(unit)s.") % {
                    "unit": report.unit.name
                }
            else:
                label, required = REASON_MESSAGES[action]
                form = ReasonForm(request.POST, label=label, required_message=required)
                if not form.is_valid():
                    raise ValidationError(
                        [m for errors in form.errors.values() for m in errors]
                    )
                service = report_return if action == "return" else report_reopen
                service(
                    report=report,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
                done = (
                    _("Returned the report of %(unit)s with your comment.")
                    if action == "return"
                    else _("Reopened the report of %(unit)s.")
                ) % {"unit": report.unit.name}
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
        return redirect(_safe_next(request, default))


class PeriodMixin(ScopedPermissionMixin):
    """Load the period named in the URL once; check the permission on it."""

    permission_required = "campaigns.view_board"

    def get_period(self):
        if not hasattr(self, "_period"):
            self._period = get_object_or_404(
                ReportingPeriod.objects.select_related("campaign"), pk=self.kwargs["pk"]
            )
        return self._period

    def get_permission_object(self):
        return self.get_period()


class BoardView(PeriodMixin, TemplateView):
    """The office's live board for one period: every unit, its state, days late."""

    template_name = "campaigns/board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.get_period()
        now = timezone.now()
        form = BoardFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        all_rows = board_rows(period, now=now, kind=filters.get("kind") or None)
        state = filters.get("state") or None
        rows = [row for row in all_rows if not state or row.state == state]
        counts = board_counts(all_rows)
        context.update(
            period=period,
            campaign=period.campaign,
            periods=periods_of(period.campaign),
            rows=rows,
            counts=[
                (value, label, counts[value]) for value, label in BoardState.choices
            ],
            total=len(all_rows),
            filter_form=form,
            overdue=report_deadline(period).is_past(now),
            here=self.request.get_full_path(),
        )
        return context


class RemindView(PeriodMixin, View):
    """E-mail the units of the period that have not submitted."""

    permission_required = "campaigns.remind_units"
    http_method_names = ["post"]

    def post(self, request, pk):
        period = self.get_period()
        # Links in the e-mails use PORTAL_BASE_URL, the address units know.
        reminded = report_reminders_send(period=period, actor=request.user)
        sent = sum(1 for _unit, emails in reminded if emails)
        without = [unit.name for unit, emails in reminded if not emails]
        messages.success(
            request,
            _("Reminders sent to %(sent)s of %(total)s units that have not submitted.")
            % {"sent": sent, "total": len(reminded)},
        )
        if without:
            messages.warning(
                request,
                _("No e-mail address for: %(units)s.") % {"units": ", ".join(without)},
            )
        return redirect(_safe_next(request, period.get_absolute_url()))


class AggregateMixin(PeriodMixin):
    """The period's reports added up (accepted only with ``?accepted=1``)."""

    def get_aggregate(self):
        period = self.get_period()
        accepted_only = self.request.GET.get("accepted") == "1"
        expected = len(board_rows(period))
        return aggregate_period(period, accepted_only=accepted_only, expected=expected)


class AggregateView(AggregateMixin, TemplateView):
    """The aggregated report for the chairman, per goal a–h."""

    template_name = "campaigns/aggregate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aggregate = self.get_aggregate()
        query = self.request.GET.urlencode()
        context.update(
            aggregate=aggregate,
            period=aggregate.period,
            periods=periods_of(aggregate.period.campaign),
            query=f"?{query}" if query else "",
        )
        return context


class AggregateExcelView(AggregateMixin, View):
    """The aggregated report as an Excel workbook."""

    def get(self, request, pk):
        aggregate = self.get_aggregate()
        workbook = aggregate_workbook(aggregate)
        return xlsx_response(workbook, f"bao-cao-tong-hop-{aggregate.period.pk}.xlsx")


class AggregatePdfView(AggregateMixin, View):
    """The aggregated report as a printable PDF."""

    def get(self, request, pk):
        aggregate = self.get_aggregate()
        return pdf_response(
            aggregate_pdf(aggregate, request=request),
            f"bao-cao-tong-hop-{aggregate.period.pk}.pdf",
        )


class DashboardView(ScopedPermissionMixin, TemplateView):
    """Pictures of progress: submissions per period, indicators per goal, hamlets compared."""

    permission_required = "campaigns.view_dashboard"
    template_name = "campaigns/dashboard.html"

    def get_campaign(self):
        if not hasattr(self, "_campaign"):
            self._campaign = get_object_or_404(Campaign, pk=self.kwargs["pk"])
        return self._campaign

    def get_permission_object(self):
        return self.get_campaign()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.get_campaign()
        periods = periods_of(campaign)
        period_id = self.request.GET.get("period", "")
        period = next(
            (p for p in periods if str(p.pk) == period_id), None
        ) or current_period(campaign, periods=periods)
        data = dashboard_data(
            campaign,
            periods=periods,
            period=period,
            indicator_code=self.request.GET.get("indicator", ""),
        )
        chart_data = {
            "submission": [
                {
                    key: row[key]
                    for key in ("accepted", "submitted", "returned", "draft")
                }
                | {"not_started": row["not_started"], "period": row["period"].name}
                for row in data["submission"]
            ],
            "progress": [
                {
                    "label": f"{row['indicator'].goal.code}) {row['indicator'].name[:30]}",
                    "percent": row["percent"],
                }
                for row in data["progress"]
            ],
            "hamlets": [
                {
                    "unit": row["unit"].name,
                    "value": float(row["value"]) if row["value"] is not None else None,
                }
                for row in data["hamlets"]
            ],
        }
        context.update(
            campaign=campaign,
            periods=periods,
            period=period,
            data=data,
            chart_data=chart_data,
        )
        return context
