"""Reads about campaigns that pages share."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.versions import campaign_namespace

from .deadlines import Deadline, report_deadlines
from .enums import (
    REPORT_COUNTED_STATES,
    REPORT_EDITABLE_STATES,
    Aggregation,
    BoardState,
    CampaignStatus,
    ReportState,
)
from .models import (
    Campaign,
    Goal,
    Indicator,
    IndicatorValue,
    Report,
    ReportAttachment,
    ReportingPeriod,
    ReportSection,
)
from .plausibility import far_beyond_q

PERIOD_ORDER = ("position", "due_on", "pk")


def campaign_list():
    return Campaign.objects.all()


def current_campaign():
    """The campaign a visitor most likely wants: the newest active one, else the newest."""
    return (
        Campaign.objects.filter(status=CampaignStatus.ACTIVE)
        .order_by("-year", "-pk")
        .first()
        or Campaign.objects.order_by("-year", "-pk").first()
    )


def campaign_from_request(request, *, unknown_is_404=True):
    """The campaign a page is about: ``?campaign=<id>`` (or a posted ``campaign``),
    else the current one (``current_campaign``).

    An id that names no campaign answers 404; with ``unknown_is_404=False``
    the page shows the current campaign instead. Read once per request (the
    page cache's key and the view ask the same question).
    """
    pk = str(request.GET.get("campaign") or request.POST.get("campaign") or "")
    asked = getattr(request, "_campaigns_asked", None)
    if asked is None:
        asked = request._campaigns_asked = {}
    key = (pk, unknown_is_404)
    if key not in asked:
        asked[key] = _campaign_named(pk, unknown_is_404)
    return asked[key]


def _campaign_named(pk, unknown_is_404):
    if parse_id(pk) is not None:
        if unknown_is_404:
            return get_object_or_404(Campaign, pk=pk)
        campaign = Campaign.objects.filter(pk=pk).first()
        if campaign is not None:
            return campaign
    return current_campaign()


def campaign_pages_namespace(request):
    """The version namespace of the public pages of the request's campaign.

    The kept public boards (``core.pagecache.public_page``) are kept under it;
    the services that change what they show move it. None: no campaign.
    """
    campaign = campaign_from_request(request)
    return campaign_namespace(campaign.pk) if campaign is not None else None


def campaign_with_goals(pk):
    """One campaign with its goals and h's priority fields in two extra queries."""
    return Campaign.objects.prefetch_related(
        Prefetch("goals", queryset=Goal.objects.prefetch_related("priority_fields"))
    ).get(pk=pk)


# ---------------------------------------------------------------------------
# Unit reports
# ---------------------------------------------------------------------------


def periods_of(campaign):
    """The campaign's reporting periods in order."""
    return list(
        ReportingPeriod.objects.filter(campaign=campaign).order_by(*PERIOD_ORDER)
    )


def current_period(campaign, now=None, periods=None):
    """The period units are most likely working on: the latest one already open."""
    periods = periods if periods is not None else periods_of(campaign)
    if not periods:
        return None
    today = timezone.localdate(now or timezone.now())
    opened = [p for p in periods if p.opens_on <= today]
    return opened[-1] if opened else periods[0]


def indicators_for_kind(campaign_id, kind):
    """The indicators a unit of ``kind`` reports, with their goals, in goal order."""
    return [
        indicator
        for indicator in Indicator.objects.filter(campaign_id=campaign_id)
        .select_related("goal")
        .order_by("goal__position", "position", "pk")
        if indicator.applies_to(kind)
    ]


def indicator_values_for(*, campaign, indicator_ids=None, unit_ids=None):
    """Return {(unit_id, indicator_id): Decimal} from each unit's latest counted report.

    For each unit the report used is its most recent accepted report in
    ``campaign`` (latest period by position, then due date); when none is
    accepted, its most recent submitted report. Two queries whatever the size.
    """
    reports = Report.objects.filter(
        period__campaign=campaign, state__in=REPORT_COUNTED_STATES
    )
    if unit_ids is not None:
        reports = reports.filter(unit_id__in=list(unit_ids))
    chosen = {}
    rows = reports.order_by(
        "-period__position", "-period__due_on", "-period_id"
    ).values_list("pk", "unit_id", "state")
    fallback = {}
    for pk, unit_id, state in rows:
        if state == ReportState.ACCEPTED:
            chosen.setdefault(unit_id, pk)
        else:
            fallback.setdefault(unit_id, pk)
    for unit_id, pk in fallback.items():
        chosen.setdefault(unit_id, pk)
    if not chosen:
        return {}
    values = IndicatorValue.objects.filter(report_id__in=list(chosen.values()))
    if indicator_ids is not None:
        values = values.filter(indicator_id__in=list(indicator_ids))
    return {
        (unit_id, indicator_id): value
        for unit_id, indicator_id, value in values.values_list(
            "report__unit_id", "indicator_id", "value"
        )
    }


@dataclass
class ChecklistItem:
    """One thing still empty in a report."""

    goal: Goal
    label: str
    anchor: str
    is_narrative: bool


def report_checklist(
    report, *, goals=None, indicators=None, narratives=None, values=None
):
    """Return what is still empty: each goal's narrative and each indicator the unit reports.

    ``narratives`` ({goal_id: text}) and ``values`` ({indicator_id: value})
    may be passed to check typed but unsaved input; otherwise the stored
    content is read.
    """
    campaign_id = report.period.campaign_id
    if goals is None:
        goals = list(Goal.objects.filter(campaign_id=campaign_id).order_by("position"))
    if indicators is None:
        indicators = indicators_for_kind(campaign_id, report.unit.kind)
    if narratives is None:
        narratives = dict(report.sections.values_list("goal_id", "narrative"))
    if values is None:
        values = dict(report.values.values_list("indicator_id", "value"))
    by_goal = {}
    for indicator in indicators:
        by_goal.setdefault(indicator.goal_id, []).append(indicator)
    missing = []
    for goal in goals:
        if not (narratives.get(goal.pk) or "").strip():
            missing.append(
                ChecklistItem(
                    goal=goal,
                    label=_("Section %(code)s: results") % {"code": goal.code},
                    anchor=f"goal-{goal.code}",
                    is_narrative=True,
                )
            )
        for indicator in by_goal.get(goal.pk, []):
            if values.get(indicator.pk) in (None, ""):
                missing.append(
                    ChecklistItem(
                        goal=goal,
                        label=_("Section %(code)s: %(indicator)s")
                        % {"code": goal.code, "indicator": indicator.name},
                        anchor=f"indicator-{indicator.pk}",
                        is_narrative=False,
                    )
                )
    return missing


def report_for_page(pk):
    """One report with its unit, period, campaign, sections, values and attachments."""
    return (
        Report.objects.select_related("unit", "period__campaign", "reviewed_by")
        .prefetch_related(
            Prefetch("sections", queryset=ReportSection.objects.select_related("goal")),
            Prefetch("values", queryset=IndicatorValue.objects.all()),
            Prefetch(
                "attachments", queryset=ReportAttachment.objects.select_related("goal")
            ),
        )
        .get(pk=pk)
    )


def _count_of(model, field="report", where=None):
    rows = model.objects.filter(**{field: OuterRef("pk")})
    if where is not None:
        rows = rows.filter(where)
    return Coalesce(
        Subquery(rows.order_by().values(field).annotate(n=Count("pk")).values("n")[:1]),
        0,
    )


@dataclass
class BoardRow:
    """One unit on the office board for one period."""

    unit: object
    report: object
    state: str
    is_overdue: bool
    days_late: int
    days_left: int
    value_count: int = 0
    attachment_count: int = 0
    deadline: Deadline = None
    # Numbers far beyond the target (campaigns.plausibility): a mark for the office.
    far_count: int = 0

    @property
    def state_label(self):
        return BoardState(self.state).label

    @property
    def extension(self):
        """The office's extension in force for the unit, if any."""
        return self.deadline.extension if self.deadline else None


def board_state(report, deadline, now):
    """The board's state for a unit: not submitted and overdue are derived.

    ``deadline``: the unit's (``campaigns.deadlines``): a unit whose due date
    the office extended is overdue only after the extension.
    """
    overdue = deadline.is_past(now)
    if report is None:
        return BoardState.OVERDUE if overdue else BoardState.NOT_STARTED
    if report.state == ReportState.DRAFT and overdue and not report.reopened:
        return BoardState.OVERDUE
    return BoardState(report.state)


def board_rows(period, *, now=None, kind=None, state=None):
    """Every unit that must report in ``period`` with its report, in four queries."""
    from units.models import Unit

    now = now or timezone.now()
    units = Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
    if period.unit_kinds:
        units = units.filter(kind__in=period.unit_kinds)
    if kind:
        units = units.filter(kind=kind)
    reports = {
        report.unit_id: report
        for report in Report.objects.filter(period=period).annotate(
            value_count=_count_of(IndicatorValue),
            attachment_count=_count_of(ReportAttachment),
            far_count=_count_of(IndicatorValue, where=far_beyond_q()),
        )
    }
    deadlines = report_deadlines([period])
    rows = []
    for unit in units:
        report = reports.get(unit.pk)
        if report is not None:
            report.period = period
        deadline = deadlines.get(period, unit)
        still_due = report is None or report.state in REPORT_EDITABLE_STATES
        overdue = deadline.is_past(now)
        if report is not None and report.submitted_at is not None:
            late = deadline.days_late(report.submitted_at)
        elif overdue and still_due:
            late = deadline.days_late(now)
        else:
            late = 0
        row = BoardRow(
            unit=unit,
            report=report,
            state=board_state(report, deadline, now),
            is_overdue=overdue and still_due,
            days_late=late,
            days_left=deadline.days_left(now),
            value_count=getattr(report, "value_count", 0),
            attachment_count=getattr(report, "attachment_count", 0),
            deadline=deadline,
            far_count=getattr(report, "far_count", 0),
        )
        if state and row.state != state:
            continue
        rows.append(row)
    return rows


def board_counts(rows):
    """Return {BoardState value: count} for the board's summary badges."""
    counts = dict.fromkeys(BoardState.values, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


@dataclass
class ReportListRow:
    unit: object
    period: object
    report: object
    state: str
    deadline: Deadline

    @property
    def state_label(self):
        return BoardState(self.state).label

    @property
    def due_on(self):
        """The unit's day in force."""
        return self.deadline.day

    @property
    def extension(self):
        return self.deadline.extension


def report_rows_for_head(user, campaign, *, now=None, periods=None):
    """For a unit head: each headed unit × each period it reports in, in three queries."""
    from units.selectors import units_headed_by

    now = now or timezone.now()
    periods = periods if periods is not None else periods_of(campaign)
    units = list(units_headed_by(user).order_by("kind", "position", "name"))
    reports = {
        (r.unit_id, r.period_id): r
        for r in Report.objects.filter(
            period__campaign=campaign, unit__in=[u.pk for u in units]
        )
    }
    periods = list(periods)
    deadlines = report_deadlines(periods, units)
    rows = []
    for period in periods:
        for unit in units:
            if not period.applies_to(unit.kind):
                continue
            report = reports.get((unit.pk, period.pk))
            if report is not None:
                report.period = period
                report.unit = unit
            deadline = deadlines.get(period, unit)
            rows.append(
                ReportListRow(
                    unit=unit,
                    period=period,
                    report=report,
                    state=board_state(report, deadline, now),
                    deadline=deadline,
                )
            )
    return rows


@dataclass
class DueItem:
    """Something a unit head must still do, and by when (the home page's list)."""

    kind: str  # "report" or "dossier"
    label: str
    unit: object
    deadline: Deadline
    url: str
    now: object
    state_label: str = ""
    # A returned or reopened report may still be handed in after its deadline.
    late_allowed: bool = False

    @property
    def due_on(self):
        return self.deadline.day

    @property
    def extended(self):
        return self.deadline.extended

    @property
    def extension_reason(self):
        extension = self.deadline.extension
        return extension.reason if extension is not None else ""

    @property
    def overdue(self):
        return not self.late_allowed and self.deadline.is_past(self.now)

    @property
    def days_left(self):
        return self.deadline.days_left(self.now)


def report_due_items(user, campaign, *, now=None):
    """The reports of the user's units still to write or finish in the campaign's
    open periods, with their due dates (extensions included), soonest first."""
    from django.urls import reverse

    now = now or timezone.now()
    items = []
    for row in report_rows_for_head(user, campaign, now=now):
        if not row.period.is_open(now):
            continue
        if row.report is not None and row.report.state not in REPORT_EDITABLE_STATES:
            continue
        if row.report is not None:
            url = reverse("campaigns:report_edit", args=[row.report.pk])
        else:
            url = reverse("campaigns:report_list")
        items.append(
            DueItem(
                kind="report",
                label=row.period.name,
                unit=row.unit,
                deadline=row.deadline,
                url=url,
                now=now,
                state_label=str(row.state_label),
                late_allowed=row.report is not None
                and (row.report.reopened or row.report.state == ReportState.RETURNED),
            )
        )
    return sorted(items, key=lambda item: (item.due_on, item.unit.name))


def report_list(*, campaign, period=None, state=None, kind=None, search=""):
    """Reports of a campaign for readers (office, council, chairman), one query."""
    qs = Report.objects.filter(period__campaign=campaign).select_related(
        "unit", "period"
    )
    if period is not None:
        qs = qs.filter(period=period)
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(unit__kind=kind)
    if search:
        qs = qs.filter(unit__name__icontains=search)
    return qs.order_by("period__position", "unit__kind", "unit__position", "unit__name")


def dashboard_data(campaign, *, periods, period, indicator_code=""):
    """Numbers for the dashboard's three pictures, each also shown as a table."""
    from units.enums import UnitKind
    from units.models import Unit

    # 1. Submission progress per period.
    per_kind = dict(
        Unit.objects.filter(is_active=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    per_state = {}
    for period_id, state, n in (
        Report.objects.filter(period__campaign=campaign)
        .values_list("period_id", "state")
        .annotate(n=Count("pk"))
        .values_list("period_id", "state", "n")
    ):
        per_state.setdefault(period_id, {})[state] = n
    submission = []
    for p in periods:
        kinds = p.unit_kinds or list(UnitKind.values)
        expected = sum(per_kind.get(kind, 0) for kind in kinds)
        states = per_state.get(p.pk, {})
        started = sum(states.values())
        submission.append(
            {
                "period": p,
                "expected": expected,
                "accepted": states.get(ReportState.ACCEPTED, 0),
                "submitted": states.get(ReportState.SUBMITTED, 0),
                "returned": states.get(ReportState.RETURNED, 0),
                "draft": states.get(ReportState.DRAFT, 0),
                "not_started": max(expected - started, 0),
            }
        )

    # 2. Indicator progress per goal in the chosen period (submitted and accepted).
    indicators = list(
        Indicator.objects.filter(campaign=campaign)
        .select_related("goal")
        .order_by("goal__position", "position", "pk")
    )
    totals = {}
    if period is not None:
        totals = {
            row["indicator_id"]: row
            for row in IndicatorValue.objects.filter(
                report__period=period, report__state__in=REPORT_COUNTED_STATES
            )
            .values("indicator_id")
            .annotate(total=Sum("value"), average=Avg("value"), n=Count("pk"))
        }
    progress = []
    for indicator in indicators:
        row = totals.get(indicator.pk, {})
        if indicator.aggregation == Aggregation.AVERAGE:
            result = row.get("average")
        else:
            result = row.get("total")
        if result is not None:
            result = Decimal(result).quantize(Decimal("0.01"))
        percent = None
        if result is not None and indicator.target:
            percent = float((result * 100 / indicator.target).quantize(Decimal("0.1")))
        progress.append(
            {
                "indicator": indicator,
                "result": result,
                "units": row.get("n", 0),
                "percent": percent,
            }
        )

    # 3. Hamlets compared on one indicator.
    hamlet_indicators = [i for i in indicators if i.applies_to(UnitKind.HAMLET)]
    chosen = next((i for i in hamlet_indicators if i.code == indicator_code), None)
    chosen = chosen or (hamlet_indicators[0] if hamlet_indicators else None)
    hamlets = []
    if chosen is not None and period is not None:
        values = dict(
            IndicatorValue.objects.filter(
                indicator=chosen,
                report__period=period,
                report__state__in=REPORT_COUNTED_STATES,
            ).values_list("report__unit_id", "value")
        )
        hamlets = [
            {"unit": unit, "value": values.get(unit.pk)}
            for unit in Unit.objects.filter(
                kind=UnitKind.HAMLET, is_active=True
            ).order_by("position", "name")
        ]
    return {
        "submission": submission,
        "progress": progress,
        "hamlet_indicators": hamlet_indicators,
        "chosen": chosen,
        "hamlets": hamlets,
    }
