"""Pages of the scoring app: thin views that read through selectors and write through services."""

import copy
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, FormView, ListView, TemplateView

from campaigns.models import Campaign
from campaigns.selectors import current_campaign
from phongquang_portal.core.activity import history_for
from phongquang_portal.core.confirm import ConfirmStep, confirm_step, is_confirmed
from phongquang_portal.core.excel import xlsx_response
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.mixins import (
    PermissionRequiredMixin,
    ScopedPermissionMixin,
    permission_required,
    refuse,
)
from phongquang_portal.core.pagecache import public_page
from phongquang_portal.core.pdf import pdf_response, render_pdf
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import serve_protected
from phongquang_portal.core.versions import campaign_namespace
from units.enums import UnitKind

from . import exports, imports, selectors, services
from .enums import RANKED_STATES, SheetState
from .forms import (
    CouncilScoreForm,
    CriteriaImportForm,
    FinaliseForm,
    PublishForm,
    SelfAssessmentForm,
)
from .models import ScoreEntry, ScoreSheet
from .ranking_actions import ranking_actions

RANKING_PAGE_SIZE = 50
# Who marked when is the office's to read: shown to others, with the mean, it
# would tell one member's marks.
COUNCIL_MARK_ACTIONS = (
    "scoring.sheet.council_scored",
    "scoring.sheet.council_marks_submitted",
)
GOAL_CODES = ["a", "b", "c", "d", "đ", "e", "g", "h"]


def _errors(request, exc):
    for message in exc.messages:
        messages.error(request, message)


def _add_errors(form, exc):
    for message in exc.messages:
        form.add_error(None, message)


def _reason_form(data=None):
    return ReasonForm(
        data,
        label=_("Reason"),
        required_message=_("Give a reason."),
        auto_id="reason-%s",
    )


class CampaignMixin(ScopedPermissionMixin):
    """The campaign named in the URL, which the page's permission is asked about."""

    @cached_property
    def campaign(self):
        return get_object_or_404(Campaign, pk=self.kwargs["campaign_pk"])

    def get_permission_object(self):
        return self.campaign

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaign"] = self.campaign
        context["campaigns"] = Campaign.objects.order_by("-year", "-pk")
        return context


@permission_required("scoring.view_honor_board")
@require_safe
def index(request):
    """Send the visitor to the current campaign's score sheets (or the honor board)."""
    campaign = current_campaign()
    if campaign is None:
        raise Http404
    if not has_perm(request.user, "scoring.list_sheets"):
        return redirect("scoring:honor_board_latest")
    return redirect("scoring:sheets", campaign_pk=campaign.pk)


# ---------------------------------------------------------------- criteria


class CriteriaView(CampaignMixin, TemplateView):
    """The campaign's criteria tree, with maxima per kind and the bands."""

    permission_required = "scoring.view_criteria"
    template_name = "scoring/criteria.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tree = selectors.criteria_tree(self.campaign)
        criteria = [c for group in tree for c in group.criteria.all()]
        maxima = selectors.max_points_by_kind(criteria)
        context.update(
            tree=tree,
            maxima=[(label, maxima[value]) for value, label in UnitKind.choices],
            bands=selectors.bands_for(self.campaign),
            criteria_count=len(criteria),
            criteria_fixed=selectors.criteria_fixed(self.campaign),
        )
        return context


class CriteriaTemplateView(CampaignMixin, View):
    permission_required = "scoring.import_criteria"

    def get(self, request, *args, **kwargs):
        workbook = imports.criteria_template(self.campaign)
        return xlsx_response(workbook, f"mau-tieu-chi-{self.campaign.year}.xlsx")


class CriteriaImportView(CampaignMixin, FormView):
    permission_required = "scoring.import_criteria"
    template_name = "scoring/criteria_import.html"
    form_class = CriteriaImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["criteria_fixed"] = selectors.criteria_fixed(self.campaign)
        return context

    def form_valid(self, form):
        try:
            result = imports.criteria_import(
                campaign=self.campaign,
                uploaded=form.cleaned_data["file"],
                actor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Imported %(groups)s groups and %(criteria)s criteria (%(created)s new, "
                "%(updated)s updated)."
            )
            % result,
        )
        return redirect("scoring:criteria", campaign_pk=self.campaign.pk)


# ---------------------------------------------------------------- sheets


class SheetListView(CampaignMixin, ListView):
    """Score sheets: all of them for the office, council and chairman; one's own for units."""

    permission_required = "scoring.list_sheets"
    template_name = "scoring/sheet_list.html"
    context_object_name = "sheets"
    paginate_by = 50

    def get_queryset(self):
        state = self.request.GET.get("state", "")
        kind = self.request.GET.get("kind", "")
        return selectors.sheet_list(
            campaign=self.campaign,
            unit_ids=selectors.visible_unit_ids(self.request.user),
            state=state if state in SheetState.values else None,
            kind=kind if kind in UnitKind.values else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        may_filter = has_perm(user, "scoring.view_all_sheets")
        context.update(
            states=SheetState.choices,
            kinds=UnitKind.choices,
            state=self.request.GET.get("state", ""),
            kind=self.request.GET.get("kind", ""),
            may_filter=may_filter,
            may_open=has_perm(user, "scoring.open_sheets", self.campaign),
        )
        if may_filter:
            counts = selectors.state_counts(self.campaign)
            context["state_counts"] = [
                (value, label, counts.get(value, 0))
                for value, label in SheetState.choices
            ]
        return context


class SheetsOpenView(CampaignMixin, View):
    permission_required = "scoring.open_sheets"

    def post(self, request, *args, **kwargs):
        try:
            count = services.sheets_open(campaign=self.campaign, actor=request.user)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request, _("%(count)s score sheets opened.") % {"count": count}
            )
        return redirect("scoring:sheets", campaign_pk=self.campaign.pk)


class SheetObjectMixin(ScopedPermissionMixin):
    """Loads the sheet with everything its page shows; strangers get 404.

    ``open_state`` is the state in which the page's action is open. The unit
    head (or the office, or a council member) who comes when the sheet has
    moved on is sent back to the sheet and told why; anyone else, whatever
    the state, gets 404.
    """

    open_state = None
    wrong_state_message = ""

    def get_object(self, queryset=None):
        if not hasattr(self, "_sheet"):
            try:
                self._sheet = selectors.sheet_with_entries(self.kwargs["pk"])
            except ScoreSheet.DoesNotExist as exc:
                raise Http404 from exc
        return self._sheet

    def get_permission_object(self):
        return self.get_object()

    def get_open_state(self):
        return self.open_state

    def handle_no_permission(self):
        request = self.request
        sheet = self.get_object()
        state = self.get_open_state()
        if state is not None and sheet.state != state and request.user.is_authenticated:
            # Would the user be allowed if the sheet were still in that state?
            probe = copy.copy(sheet)
            probe.state = state
            if all(
                has_perm(request.user, perm, probe)
                for perm in self.get_permission_required()
            ):
                messages.error(request, self.wrong_state_message)
                return redirect(sheet.get_absolute_url())
        return refuse(request)


def _goal_chart(sheet, entries, field, maximum):
    """Points and maxima by goal a–h for one sheet's chart and table."""
    points = dict.fromkeys(GOAL_CODES, Decimal("0"))
    maxima = dict.fromkeys(GOAL_CODES, Decimal("0"))
    titles = {}
    for entry in entries:
        code = entry.criterion.group.goal.code
        titles.setdefault(code, entry.criterion.group.goal.title)
        value = getattr(entry, field) or Decimal("0")
        if entry.criterion.kind == "penalty":
            value = -value
        elif entry.criterion.kind == "standard":
            maxima[code] += entry.criterion.max_points
        points[code] += value
    rows = [
        {
            "code": code,
            "title": titles.get(code, ""),
            "points": points[code],
            "max": maxima[code],
            "share": selectors.normalise(points[code], maximum)
            if maximum
            else Decimal("0"),
        }
        for code in GOAL_CODES
        if code in titles
    ]
    chart = {
        "labels": [f"{row['code']})" for row in rows],
        "points": [float(row["points"]) for row in rows],
        "max": [float(row["max"]) for row in rows],
    }
    return rows, chart


class SheetDetailView(SheetObjectMixin, DetailView):
    """One sheet: criteria with the unit's, each council member's and the final points."""

    permission_required = "scoring.view_scoresheet"
    template_name = "scoring/sheet_detail.html"
    context_object_name = "sheet"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sheet = self.object
        entries = list(sheet.entries.all())
        margin = selectors.disagreement_margin()
        maximum = selectors.kind_maxima(sheet.campaign).get(sheet.unit.kind)
        view = selectors.council_view(sheet, self.request.user)
        rows = selectors.council_rows(sheet, entries, view, margin)
        context.update(
            council=view,
            members=view.named,
            roster=selectors.council_roster(sheet) if view.show_detail else [],
            own_marks=any(row["own"] for row in rows),
        )
        ranked = sheet.state in RANKED_STATES
        score = selectors.sheet_rank(sheet) if ranked else None
        field = "final_points" if ranked else "self_points"
        goal_rows, chart = _goal_chart(sheet, entries, field, maximum)
        context.update(
            rows=rows,
            margin=margin,
            disagreements=sum(1 for r in rows if r["council"]["disagree"])
            if view.show_detail
            else 0,
            self_totals=selectors.sheet_totals(
                sheet, entries, maximum, field="self_points"
            ),
            final_totals=selectors.sheet_totals(
                sheet, entries, maximum, field="final_points"
            ),
            score=score,
            goal_rows=goal_rows,
            chart=chart,
            chart_final=ranked,
            has_automatic=any(e.criterion.is_automatic for e in entries),
            reason_form=_reason_form(),
            history=list(
                history_for(sheet)
                if view.show_detail
                else history_for(sheet).exclude(action__in=COUNCIL_MARK_ACTIONS)
            )[:50],
        )
        return context


class SheetFormMixin(SheetObjectMixin):
    """A form over the sheet's entries, open only in some states (the permission says)."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["entries"] = list(self.get_object().entries.all())
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sheet"] = self.get_object()
        return context


class SelfAssessView(SheetFormMixin, FormView):
    """The unit head's self-assessment, one card per criterion (phone first)."""

    permission_required = "scoring.self_assess_scoresheet"
    template_name = "scoring/self_assess.html"
    form_class = SelfAssessmentForm
    open_state = SheetState.DRAFT

    @property
    def wrong_state_message(self):
        return _("The self-assessment can only be changed while the sheet is a draft.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sheet"] = self.get_object()
        return kwargs

    def form_valid(self, form):
        sheet = self.get_object()
        try:
            services.self_assessment_save(
                sheet=sheet,
                actor=self.request.user,
                rows=form.inputs(),
                summary=form.cleaned_data.get("summary", ""),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        if "submit" in self.request.POST:
            try:
                services.sheet_submit(sheet=sheet, actor=self.request.user)
            except ValidationError as exc:
                messages.warning(self.request, _("Saved, but not submitted yet."))
                _errors(self.request, exc)
                return redirect("scoring:self_assess", pk=sheet.pk)
            messages.success(
                self.request, _("Self-assessment submitted to the office.")
            )
            return redirect(sheet.get_absolute_url())
        messages.success(self.request, _("Self-assessment saved."))
        return redirect("scoring:self_assess", pk=sheet.pk)


def _submit_marks_step(request, sheet, *, saved=False):
    """Ask the member to confirm submitting his marks: they then count for good."""
    lines = [_("Your marks are saved as your draft.")] if saved else []
    lines.append(
        _(
            "Submit your marks on %(unit)s? They count from now on and no longer "
            "change; the other members and the office then read them."
        )
        % {"unit": sheet.unit.name}
    )
    return confirm_step(
        request,
        ConfirmStep(
            title=_("Submit your marks?"),
            lines=lines,
            action=reverse("scoring:sheet_action", args=[sheet.pk, "submit_marks"]),
            back=sheet.get_absolute_url(),
            button=_("Submit my marks"),
        ),
    )


class CouncilScoreView(SheetFormMixin, FormView):
    """One council member's points for each criterion."""

    permission_required = "scoring.council_score_scoresheet"
    template_name = "scoring/council_score.html"
    form_class = CouncilScoreForm
    open_state = SheetState.SELF_ASSESSED

    @property
    def wrong_state_message(self):
        return _(
            "Council members score a sheet once the unit has self-assessed it and before "
            "the office finalises it."
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["member"] = self.request.user
        return kwargs

    def handle_no_permission(self):
        """A member tied to the unit, or who has submitted, is told why, on the sheet."""
        user, sheet = self.request.user, self.get_object()
        if (
            has_perm(user, "scoring.mark_sheets")
            and has_perm(user, "scoring.view_scoresheet", sheet)
            and sheet.state == SheetState.SELF_ASSESSED
        ):
            recusal = selectors.sheet_recusal(user, sheet)
            if recusal:
                messages.error(self.request, selectors.RECUSAL_MESSAGES[recusal])
                return redirect(sheet.get_absolute_url())
            if user.pk in selectors.submitted_member_ids(sheet):
                messages.error(
                    self.request,
                    _(
                        "You have submitted your marks on this sheet: they no "
                        "longer change."
                    ),
                )
                return redirect(sheet.get_absolute_url())
        return super().handle_no_permission()

    def form_valid(self, form):
        sheet = self.get_object()
        try:
            services.council_score_save(
                sheet=sheet, member=self.request.user, rows=form.inputs()
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        if "submit" in self.request.POST and not is_confirmed(self.request):
            # Saved as his draft; submitting is confirmed on the next step.
            return _submit_marks_step(self.request, sheet, saved=True)
        if "submit" in self.request.POST:
            try:
                services.council_marks_submit(sheet=sheet, member=self.request.user)
            except ValidationError as exc:
                messages.warning(
                    self.request, _("Your marks are saved, but not submitted yet.")
                )
                _errors(self.request, exc)
                return redirect("scoring:council_score", pk=sheet.pk)
            messages.success(
                self.request,
                _("Your marks are submitted: they count, and no longer change."),
            )
            return redirect(sheet.get_absolute_url())
        messages.success(
            self.request,
            _(
                "Your marks are saved as your draft: only you see them until you "
                "submit them."
            ),
        )
        return redirect(sheet.get_absolute_url())


class FinaliseView(SheetFormMixin, FormView):
    """The office's final points, prefilled with the council's mean, and the reason."""

    permission_required = "scoring.finalise_scoresheet"
    template_name = "scoring/finalise.html"
    form_class = FinaliseForm
    open_state = SheetState.SELF_ASSESSED

    @property
    def wrong_state_message(self):
        return _("Only a self-assessed sheet can be finalised.")

    def summaries(self):
        margin = selectors.disagreement_margin()
        sheet = self.get_object()
        submitted = selectors.submitted_member_ids(sheet)
        return {
            e.pk: selectors.entry_council_summary(e, margin, submitted_ids=submitted)
            for e in sheet.entries.all()
        }

    @cached_property
    def roster(self):
        return selectors.council_roster(self.get_object())

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["summaries"] = self.summaries()
        kwargs["missing"] = [line.member for line in self.roster if line.missing]
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["margin"] = selectors.disagreement_margin()
        context["roster"] = self.roster
        context["missing"] = [line for line in self.roster if line.missing]
        context["submitted_ids"] = selectors.submitted_member_ids(self.get_object())
        return context

    def form_valid(self, form):
        sheet = self.get_object()
        try:
            services.sheet_finalise(
                sheet=sheet,
                actor=self.request.user,
                rows=form.inputs(),
                reason=form.cleaned_data["reason"],
                missing_reason=form.cleaned_data.get("missing_reason", ""),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The final score was recorded."))
        return redirect(sheet.get_absolute_url())


class SheetActionView(SheetObjectMixin, View):
    """Buttons on the sheet page: submit, fill from reports, return, reopen, lock."""

    # action → (permission, the state in which it is open)
    ACTIONS = {
        "submit": ("scoring.submit_scoresheet", SheetState.DRAFT),
        "fill": ("scoring.self_assess_scoresheet", SheetState.DRAFT),
        "submit_marks": ("scoring.submit_council_marks", SheetState.SELF_ASSESSED),
        "return": ("scoring.return_scoresheet", SheetState.SELF_ASSESSED),
        "reopen": ("scoring.reopen_scoresheet", SheetState.REVIEWED),
        "lock": ("scoring.lock_scoresheet", SheetState.REVIEWED),
    }

    def _action(self):
        action = self.kwargs["action"]
        if action not in self.ACTIONS:
            raise Http404
        return self.ACTIONS[action]

    def get_permission_required(self):
        return (self._action()[0],)

    def get_open_state(self):
        return self._action()[1]

    @property
    def wrong_state_message(self):
        return _("This sheet has moved on: the action is no longer open.")

    def post(self, request, *args, **kwargs):
        sheet = self.get_object()
        action = kwargs["action"]
        user = request.user
        try:
            if action == "submit":
                services.sheet_submit(sheet=sheet, actor=user)
                messages.success(request, _("Self-assessment submitted to the office."))
            elif action == "fill":
                count = services.automatic_points_fill(sheet=sheet, actor=user)
                messages.success(
                    request,
                    _("%(count)s criteria filled from the unit's reports.")
                    % {"count": count},
                )
            elif action == "submit_marks":
                if not is_confirmed(request):
                    return _submit_marks_step(request, sheet)
                services.council_marks_submit(sheet=sheet, member=user)
                messages.success(
                    request,
                    _("Your marks are submitted: they count, and no longer change."),
                )
            elif action == "lock":
                services.sheet_lock(sheet=sheet, actor=user)
                messages.success(request, _("The sheet is locked."))
            else:
                form = _reason_form(request.POST)
                if not form.is_valid():
                    raise ValidationError(
                        [m for errors in form.errors.values() for m in errors],
                        code="reason_required",
                    )
                reason = form.cleaned_data["reason"]
                if action == "return":
                    services.sheet_return(sheet=sheet, actor=user, reason=reason)
                    messages.success(request, _("The sheet went back to the unit."))
                else:
                    services.sheet_reopen(sheet=sheet, actor=user, reason=reason)
                    messages.success(request, _("The review is reopened."))
        except ValidationError as exc:
            _errors(request, exc)
        return redirect(sheet.get_absolute_url())


class SheetPdfView(SheetObjectMixin, View):
    """One unit's score sheet as a PDF for signing."""

    permission_required = "scoring.view_scoresheet"

    def get(self, request, *args, **kwargs):
        sheet = self.get_object()
        score = selectors.sheet_rank(sheet)
        context = exports.sheet_pdf_context(
            sheet,
            score,
            show_mean=has_perm(request.user, "scoring.view_council_mean", sheet),
        )
        pdf = render_pdf("scoring/pdf/sheet.html", context, request=request)
        return pdf_response(
            pdf, f"phieu-cham-diem-{sheet.campaign.year}-{sheet.unit_id}.pdf"
        )


class EvidenceView(ScopedPermissionMixin, View):
    """Download one evidence file, after checking who asks."""

    permission_required = "scoring.view_evidence"

    def get_permission_object(self):
        self.entry = get_object_or_404(
            ScoreEntry.objects.select_related("sheet", "criterion"),
            pk=self.kwargs["pk"],
        )
        return self.entry.sheet

    def get(self, request, *args, **kwargs):
        if not self.entry.evidence:
            raise Http404
        return serve_protected(self.entry.evidence, self.entry.evidence_name or None)


# ---------------------------------------------------------------- ranking


class RankingPage:
    """What Paginator needs: a cheap count and slices of the database ranking."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, item):
        return [selectors._as_unit_score(row) for row in self.queryset[item]]


class RankingView(CampaignMixin, TemplateView):
    """Ranking per kind of unit with bands, ties and the breakdown by goal a–h."""

    permission_required = "scoring.view_ranking"
    template_name = "scoring/ranking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.campaign
        kinds = selectors.ranked_kinds(campaign)
        kind = self.request.GET.get("kind") or (kinds[0][0] if kinds else "")
        if kind not in UnitKind.values:
            raise Http404
        maxima = selectors.kind_maxima(campaign)
        bands = selectors.bands_for(campaign)
        queryset = selectors.ranking_queryset(
            campaign=campaign, maxima=maxima, bands=bands, kind=kind
        )
        count = ScoreSheet.objects.filter(
            campaign=campaign, state__in=RANKED_STATES, unit__kind=kind
        ).count()
        paginator = Paginator(RankingPage(queryset, count), RANKING_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        scores = list(page.object_list)
        breakdown = selectors.goal_breakdown(sheet_ids=[s.sheet_id for s in scores])
        maximum = maxima.get(kind) or Decimal("0")
        rows = []
        for score in scores:
            goals = breakdown.get(score.sheet_id, {})
            rows.append(
                {
                    "score": score,
                    "goals": [goals.get(code) for code in GOAL_CODES],
                }
            )
        chart = {
            "labels": [s.unit_name for s in scores],
            "goals": GOAL_CODES,
            "series": [
                [
                    float(selectors.normalise(r["goals"][i] or 0, maximum))
                    if (r["goals"][i] or 0) >= 0
                    else -float(selectors.normalise(-(r["goals"][i]), maximum))
                    for r in rows
                ]
                for i in range(len(GOAL_CODES))
            ],
        }
        publication = selectors.publication_for(campaign)
        user = self.request.user
        may_manage = has_perm(user, "scoring.manage_ranking", campaign)
        context.update(
            kinds=kinds,
            kind=kind,
            kind_label=UnitKind(kind).label,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            rows=rows,
            goal_codes=GOAL_CODES,
            chart=chart,
            bands=bands,
            maximum=maximum,
            publication=publication,
            may_manage=may_manage,
            may_publish=has_perm(user, "scoring.publish_ranking", campaign),
            may_withdraw=has_perm(user, "scoring.withdraw_ranking", campaign),
            # What other apps offer on the ranking (awards: nominate the top).
            ranking_actions=ranking_actions(user, campaign) if kinds else [],
            publish_form=PublishForm(
                initial={"top_n": publication.top_n if publication else 3}
            ),
            reason_form=_reason_form(),
            reviewed_unlocked=ScoreSheet.objects.filter(
                campaign=campaign, state=SheetState.REVIEWED
            ).count()
            if may_manage
            else 0,
        )
        return context


class RankingExportView(CampaignMixin, View):
    permission_required = "scoring.view_ranking"

    def get(self, request, *args, **kwargs):
        workbook = exports.ranking_workbook(self.campaign)
        return xlsx_response(
            workbook, f"bang-tong-hop-ket-qua-cham-diem-{self.campaign.year}.xlsx"
        )


class RankingPublishView(CampaignMixin, View):
    """Lock all reviewed sheets, publish or withdraw the honor board."""

    permission_required = "scoring.manage_ranking"

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "lock_all":
                count = services.sheets_lock_reviewed(
                    campaign=self.campaign, actor=request.user
                )
                messages.success(
                    request, _("%(count)s sheets locked.") % {"count": count}
                )
            elif action == "publish":
                form = PublishForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(
                        [m for errors in form.errors.values() for m in errors],
                        code="top_n_invalid",
                    )
                services.ranking_publish(
                    campaign=self.campaign,
                    actor=request.user,
                    top_n=form.cleaned_data["top_n"],
                )
                messages.success(
                    request, _("The ranking is published on the honor board.")
                )
            elif action == "unpublish":
                form = _reason_form(request.POST)
                if not form.is_valid():
                    raise ValidationError(
                        [m for errors in form.errors.values() for m in errors],
                        code="reason_required",
                    )
                services.ranking_unpublish(
                    campaign=self.campaign,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("The ranking was withdrawn from the honor board.")
                )
            else:
                raise Http404
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("scoring:ranking", campaign_pk=self.campaign.pk)


# ---------------------------------------------------------------- honor board


def _board_namespace(request, campaign_pk=None, **kwargs):
    return campaign_namespace(campaign_pk) if campaign_pk else None


@permission_required("scoring.view_honor_board")
@require_safe
def honor_board_latest(request):
    publication = selectors.latest_publication()
    if publication is None:
        return HonorBoardView.as_view()(request, campaign_pk=None)
    return redirect("scoring:honor_board", campaign_pk=publication.campaign_id)


@method_decorator(
    public_page("scoring-honor-board", namespace=_board_namespace), name="get"
)
class HonorBoardView(PermissionRequiredMixin, TemplateView):
    """Public: the top ranks of each kind once the office has published them."""

    permission_required = "scoring.view_honor_board"
    template_name = "scoring/honor_board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign_pk = self.kwargs.get("campaign_pk")
        campaign = get_object_or_404(Campaign, pk=campaign_pk) if campaign_pk else None
        publication = selectors.publication_for(campaign) if campaign else None
        groups = []
        if publication and publication.is_published:
            scores = selectors.honor_board_rows(
                campaign=campaign, top_n=publication.top_n
            )
            for value, label in UnitKind.choices:
                kind_rows = [s for s in scores if s.kind == value]
                if kind_rows:
                    groups.append((label, kind_rows))
        context.update(campaign=campaign, publication=publication, groups=groups)
        return context
