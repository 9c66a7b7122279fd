"""Reads that the scoring pages, the exports and the awards app share.

The ranking is computed by the database. When the office finalises a sheet,
one aggregate query stores the sheet's sums of final points by kind of
criterion (``services.final_sums_refresh``). The ranking query then
normalises those sums to 100 for the unit's kind, ranks the sheets inside
each kind with a window function and gives each its band, in one query that
reads one row per sheet. The number of queries does not grow with the
number of sheets or criteria.

Tie rule (stated on the ranking page): a higher total ranks first; on equal
totals, the higher points on standard criteria (without bonus) rank first,
then the fewer penalty points. Units still equal on all three share the rank
and are shown as tied.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    Prefetch,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least, Rank, Round
from django.utils.translation import gettext_lazy

from phongquang_portal.core.permissions import has_perm
from units.enums import UnitKind
from units.selectors import council_members, member_ties, roles_for, ties_of

from .enums import RANKED_STATES, SUBMITTED_STATES, CriterionKind, SheetState
from .models import (
    Band,
    CouncilMarksSubmission,
    CouncilScore,
    Criterion,
    CriterionGroup,
    RankingPublication,
    ScoreEntry,
    ScoreSheet,
)

ZERO = Decimal("0")
HUNDRED = Decimal("100")
CENT = Decimal("0.01")
POINTS_FIELD = DecimalField(max_digits=12, decimal_places=4)
CENTS_FIELD = BigIntegerField()


@dataclass(frozen=True)
class UnitScore:
    """One unit's final (reviewed) score in a campaign, its rank and band."""

    unit_id: int
    sheet_id: int
    unit_name: str
    kind: str
    state: str
    standard: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    rank: int
    tied: bool
    band: str

    @property
    def kind_label(self):
        return UnitKind(self.kind).label if self.kind in UnitKind.values else self.kind


def disagreement_margin():
    """Spread between council members beyond which a criterion is flagged."""
    return Decimal(str(getattr(settings, "SCORING_DISAGREEMENT_MARGIN", 2)))


def criteria_for(campaign):
    """The campaign's criteria with their groups and goals, in tree order."""
    return list(
        Criterion.objects.filter(campaign=campaign)
        .select_related("group__goal")
        .order_by("group__goal__position", "group__position", "position", "code")
    )


def criteria_tree(campaign):
    """Groups (with goal) and their criteria, in two queries."""
    return list(
        CriterionGroup.objects.filter(campaign=campaign)
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "criteria", queryset=Criterion.objects.order_by("position", "code")
            )
        )
        .order_by("goal__position", "position", "code")
    )


def max_points_by_kind(criteria):
    """{unit kind: sum of standard criteria's maximum points} — the 100 % of each kind."""
    totals = {}
    for kind in UnitKind.values:
        totals[kind] = sum(
            (
                c.max_points
                for c in criteria
                if c.kind == CriterionKind.STANDARD and c.applies_to(kind)
            ),
            ZERO,
        )
    return totals


def kind_maxima(campaign):
    """One query: {unit kind: maximum standard points} for ``campaign``."""
    rows = Criterion.objects.filter(
        campaign=campaign, kind=CriterionKind.STANDARD
    ).values_list("max_points", "unit_kinds")
    totals = dict.fromkeys(UnitKind.values, ZERO)
    for max_points, unit_kinds in rows:
        for kind in totals:
            if not unit_kinds or kind in unit_kinds:
                totals[kind] += max_points
    return totals


def bands_for(campaign):
    """The campaign's bands, highest first (one query)."""
    return list(Band.objects.filter(campaign=campaign).order_by("-min_total"))


def band_label(total, bands):
    """The label of the highest band whose lowest total ``total`` reaches."""
    for band in bands:
        if total >= band.min_total:
            return band.label
    return ""


def normalise(raw, maximum):
    """Points on the 0–100 scale of a unit kind, rounded to 0.01 (the page's rule)."""
    if not maximum:
        return ZERO
    value = (Decimal(raw) * HUNDRED / Decimal(maximum)).quantize(CENT, ROUND_HALF_UP)
    return min(max(value, ZERO), HUNDRED)


def cents(expression):
    """Points (two decimals) as whole cents, exactly, on every database.

    SQLite keeps decimals as binary floats (and whole ones as integers, which
    it then divides as integers: 62 × 100 / 105 gave 59); PostgreSQL keeps
    exact numerics. Rounded to whole cents, the same integers come out of
    both, and integer arithmetic on them is exact.
    """
    return Cast(
        Round(ExpressionWrapper(expression * Value(100), output_field=POINTS_FIELD), 0),
        output_field=CENTS_FIELD,
    )


def from_cents(value):
    """Whole cents (an int from the database) as Decimal points with two decimals."""
    return (Decimal(int(value or 0)) / HUNDRED).quantize(CENT)


def _totals_queryset(*, campaign, maxima):
    """The ranked sheets of ``campaign`` with their sums and total in whole cents.

    No window: a unit's total depends on its own sheet only, so this is what
    a per-unit subquery (the council board's score) should run.
    """
    qs = ScoreSheet.objects.filter(campaign=campaign, state__in=RANKED_STATES)
    divisor = Case(
        *[
            When(unit__kind=unit_kind, then=Value(int(maximum * HUNDRED)))
            for unit_kind, maximum in maxima.items()
            if maximum
        ],
        default=Value(None),
        output_field=CENTS_FIELD,
    )
    raw = F("standard_cents") + F("bonus_cents") - F("penalty_cents")
    # 0 ≤ raw ≤ maximum, then (raw × 10 000 × 2 + maximum) ÷ (2 × maximum):
    # integer division of non-negative numbers rounds half up.
    capped = Greatest(Least(raw, divisor), Value(0), output_field=CENTS_FIELD)
    total = ExpressionWrapper(
        (capped * Value(20_000) + divisor) / (divisor * Value(2)),
        output_field=CENTS_FIELD,
    )
    return qs.annotate(
        standard_cents=cents(F("final_standard")),
        bonus_cents=cents(F("final_bonus")),
        penalty_cents=cents(F("final_penalty")),
    ).annotate(total_cents=Coalesce(total, Value(0), output_field=CENTS_FIELD))


def unit_total_queryset(*, campaign, maxima):
    """``total_cents`` of each ranked sheet, as the ranking computes it (no ranks)."""
    return _totals_queryset(campaign=campaign, maxima=maxima)


def ranking_queryset(*, campaign, maxima, bands, kind=None):
    """Ranked sheets of ``campaign`` annotated with sums, total, rank, tie count and band.

    Everything is computed in one SQL query; ``maxima`` and ``bands`` come
    from :func:`kind_maxima` and :func:`bands_for`. Sums and totals are whole
    cents (``*_cents``): the total is ``raw × 100 / maximum`` rounded half up
    to the cent in integer arithmetic, capped to 0–100, so SQLite and
    PostgreSQL rank, band and show exactly the same numbers.
    """
    qs = _totals_queryset(campaign=campaign, maxima=maxima)
    if kind:
        # Ranks are per kind (the window's partition), so this filter keeps them.
        qs = qs.filter(unit__kind=kind)
    tie_key = [
        F("unit__kind"),
        F("total_cents"),
        F("standard_cents"),
        F("penalty_cents"),
    ]
    qs = (
        qs.annotate(
            rank=Window(
                Rank(),
                partition_by=[F("unit__kind")],
                order_by=[
                    F("total_cents").desc(),
                    F("standard_cents").desc(),
                    F("penalty_cents").asc(),
                ],
            ),
            tie_count=Window(Count("pk", distinct=False), partition_by=tie_key),
            band=Case(
                *[
                    When(
                        total_cents__gte=int(band.min_total * HUNDRED),
                        then=Value(band.label),
                    )
                    for band in bands
                ],
                default=Value(""),
                output_field=CharField(),
            ),
        )
        .values(
            "pk",
            "unit_id",
            "unit__name",
            "unit__kind",
            "state",
            "standard_cents",
            "bonus_cents",
            "penalty_cents",
            "total_cents",
            "rank",
            "tie_count",
            "band",
        )
        .order_by("unit__kind", "rank", "unit__name", "pk")
    )
    return qs


def _as_unit_score(row):
    return UnitScore(
        unit_id=row["unit_id"],
        sheet_id=row["pk"],
        unit_name=row["unit__name"],
        kind=row["unit__kind"],
        state=row["state"],
        standard=from_cents(row["standard_cents"]),
        bonus=from_cents(row["bonus_cents"]),
        penalty=from_cents(row["penalty_cents"]),
        total=from_cents(row["total_cents"]),
        rank=int(row["rank"]),
        tied=row["tie_count"] > 1,
        band=row["band"],
    )


def ranking_rows(*, campaign, kind=None, maxima=None, bands=None):
    """Return UnitScores, ranked per kind (three queries at most, whatever the size)."""
    maxima = kind_maxima(campaign) if maxima is None else maxima
    bands = bands_for(campaign) if bands is None else bands
    qs = ranking_queryset(campaign=campaign, maxima=maxima, bands=bands, kind=kind)
    return [_as_unit_score(row) for row in qs]


def unit_scores(*, campaign):
    """{unit id: UnitScore} of the reviewed and locked sheets (three queries)."""
    return {score.unit_id: score for score in ranking_rows(campaign=campaign)}


def ranked_kinds(campaign):
    """The unit kinds that have ranked sheets in ``campaign``, in UnitKind order."""
    present = set(
        ScoreSheet.objects.filter(campaign=campaign, state__in=RANKED_STATES)
        .values_list("unit__kind", flat=True)
        .distinct()
    )
    return [(value, label) for value, label in UnitKind.choices if value in present]


def goal_breakdown(*, sheet_ids, final=True):
    """{sheet id: {goal code: signed points}} for ``sheet_ids`` (one aggregate query).

    Summed in whole cents by the database (exact on SQLite too), returned as
    Decimals with two decimals; penalties count negative.
    """
    field = "final_points" if final else "self_points"
    points = cents(F(field))
    signed = Case(
        When(criterion__kind=CriterionKind.PENALTY, then=-points),
        default=points,
        output_field=CENTS_FIELD,
    )
    rows = (
        ScoreEntry.objects.filter(sheet_id__in=list(sheet_ids))
        .values("sheet_id", "criterion__group__goal__code")
        .annotate(points=Coalesce(Sum(signed), Value(0), output_field=CENTS_FIELD))
        .order_by()
    )
    result = defaultdict(dict)
    for row in rows:
        result[row["sheet_id"]][row["criterion__group__goal__code"]] = from_cents(
            row["points"]
        )
    return result


def goal_maxima_by_kind(criteria):
    """{unit kind: {goal code: maximum standard points}} from a criteria list."""
    result = {kind: defaultdict(lambda: ZERO) for kind in UnitKind.values}
    for c in criteria:
        if c.kind != CriterionKind.STANDARD:
            continue
        for kind in UnitKind.values:
            if c.applies_to(kind):
                result[kind][c.group.goal.code] += c.max_points
    return result


def publication_for(campaign):
    return RankingPublication.objects.filter(campaign=campaign).first()


def is_published(campaign):
    """Whether the ranking of ``campaign`` (a Campaign or its pk) is on the honor board."""
    return RankingPublication.objects.filter(
        campaign=campaign, published_at__isnull=False
    ).exists()


def criterion_in_use(criterion):
    """A unit has submitted a sheet holding ``criterion``: its points are locked."""
    return ScoreEntry.objects.filter(
        criterion=criterion, sheet__state__in=SUBMITTED_STATES
    ).exists()


def criteria_fixed(campaign):
    """A unit of ``campaign`` (a Campaign or its pk) has submitted its sheet.

    From then on no criterion is added to or removed from the campaign: every
    kind's 100 % (the sum of its maxima) must stay what the units were scored on.
    """
    return ScoreSheet.objects.filter(
        campaign=campaign, state__in=SUBMITTED_STATES
    ).exists()


def visible_unit_ids(user):
    """None when ``user`` reads every sheet, else the ids of the units he heads."""
    if has_perm(user, "scoring.view_all_sheets"):
        return None
    return roles_for(user).headed_unit_ids


def headed_sheets(user, campaign):
    """The sheets of ``campaign`` of the units ``user`` heads (for his home page)."""
    unit_ids = roles_for(user).headed_unit_ids
    if not unit_ids:
        return []
    return list(
        ScoreSheet.objects.filter(campaign=campaign, unit_id__in=unit_ids)
        .select_related("unit")
        .order_by("unit__kind", "unit__position", "unit__name")
    )


def state_counts(campaign):
    """{state: number of sheets} of ``campaign`` (one query)."""
    return dict(
        ScoreSheet.objects.filter(campaign=campaign)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )


def latest_publication():
    """The newest published ranking, or None."""
    return (
        RankingPublication.objects.filter(published_at__isnull=False)
        .select_related("campaign")
        .order_by("-campaign__year", "-published_at")
        .first()
    )


def sheet_list(*, campaign, unit_ids=None, state=None, kind=None):
    """Sheets of ``campaign`` with their unit, for lists."""
    qs = ScoreSheet.objects.filter(campaign=campaign).select_related("unit", "campaign")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(unit__kind=kind)
    return qs.order_by("unit__kind", "unit__position", "unit__name")


def sheet_with_entries(pk):
    """One sheet with its entries, criteria, goals, council marks and submissions.

    Five queries, whatever the number of criteria and members.
    """
    return (
        ScoreSheet.objects.select_related("unit", "campaign", "finalised_by")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ScoreEntry.objects.select_related("criterion__group__goal")
                .prefetch_related(
                    Prefetch(
                        "council_scores",
                        queryset=CouncilScore.objects.select_related("member").order_by(
                            "member__username"
                        ),
                    )
                )
                .order_by(
                    "criterion__group__goal__position",
                    "criterion__group__position",
                    "criterion__position",
                    "criterion__code",
                ),
            ),
            Prefetch(
                "council_submissions",
                queryset=CouncilMarksSubmission.objects.select_related("member"),
            ),
        )
        .get(pk=pk)
    )


def submitted_member_ids(sheet):
    """The ids of the council members who submitted their marks on ``sheet``."""
    cache = getattr(sheet, "_prefetched_objects_cache", {})
    if "council_submissions" in cache:
        return {s.member_id for s in sheet.council_submissions.all()}
    return set(
        CouncilMarksSubmission.objects.filter(sheet=sheet).values_list(
            "member_id", flat=True
        )
    )


def marks_summary(values, margin=None):
    """Count, mean, median, standard deviation, spread and disagreement of marks.

    ``values`` are Decimals. The standard deviation is the population's (of
    the marks given, not an estimate); mean, median and deviation are rounded
    half up to 0.01. The flag is raised when the spread exceeds ``margin``.
    """
    margin = disagreement_margin() if margin is None else margin
    values = sorted(Decimal(v) for v in values)
    if not values:
        return {
            "count": 0,
            "mean": None,
            "median": None,
            "sd": None,
            "spread": None,
            "disagree": False,
        }
    spread = (values[-1] - values[0]).quantize(CENT)
    return {
        "count": len(values),
        "mean": (sum(values) / len(values)).quantize(CENT, ROUND_HALF_UP),
        "median": Decimal(statistics.median(values)).quantize(CENT, ROUND_HALF_UP),
        "sd": Decimal(statistics.pstdev(values)).quantize(CENT, ROUND_HALF_UP),
        "spread": spread,
        "disagree": spread > margin,
    }


def entry_council_summary(entry, margin=None, *, submitted_ids=None):
    """Mean, median, deviation, spread and flag of the council's marks on one entry.

    Only submitted marks count (``submitted_ids``: the members who submitted
    on the entry's sheet; read from the sheet when not given): a member's
    draft is his own until he submits it.
    """
    if submitted_ids is None:
        submitted_ids = submitted_member_ids(entry.sheet)
    return marks_summary(
        [s.points for s in entry.council_scores.all() if s.member_id in submitted_ids],
        margin,
    )


# --- Recusal and blind marking ------------------------------------------------

RECUSAL_MESSAGES = {
    "heads": gettext_lazy("You head this unit: you do not mark its sheet."),
    "belongs": gettext_lazy(
        "Your personal record is in this unit: you do not mark its sheet."
    ),
}
RECUSAL_LABELS = {
    "heads": gettext_lazy("heads the unit"),
    "belongs": gettext_lazy("belongs to the unit (personal record)"),
}


def sheet_recusal(member, sheet):
    """Why ``member`` may not mark ``sheet`` ("heads", "belongs"), or ""."""
    return member_ties(member).unit_ties(sheet.unit_id)


@dataclass(frozen=True)
class RosterLine:
    """One council member on one sheet: submitted, recused (and why) or missing."""

    member: object
    submitted: bool
    recusal: str
    has_marks: bool

    @property
    def recusal_label(self):
        return RECUSAL_LABELS.get(self.recusal, "")

    @property
    def missing(self):
        return not self.submitted and not self.recusal


def council_roster(sheet):
    """Every council member's standing on ``sheet`` (a fixed number of queries)."""
    members = council_members()
    ties = ties_of(members)
    submitted = submitted_member_ids(sheet)
    if "entries" in getattr(sheet, "_prefetched_objects_cache", {}):
        marked = {
            s.member_id for e in sheet.entries.all() for s in e.council_scores.all()
        }
    else:
        marked = set(
            CouncilScore.objects.filter(entry__sheet=sheet).values_list(
                "member_id", flat=True
            )
        )
    return [
        RosterLine(
            member=member,
            submitted=member.pk in submitted,
            recusal=ties[member.pk].unit_ties(sheet.unit_id),
            has_marks=member.pk in marked,
        )
        for member in members
    ]


def missing_members(sheet):
    """The council members who neither submitted marks on ``sheet`` nor are recused."""
    return [line.member for line in council_roster(sheet) if line.missing]


@dataclass
class CouncilView:
    """What of the council's marks one user sees on one sheet (blind marking).

    - the office (``scoring.view_council_marks``): every member's submitted
      marks by name, a draft only as "marked, not submitted", with the mean, median, standard deviation,
      spread and the disagreement flag of the submitted marks;
    - a council member: his own marks; the council's mean (and spread) only
      once he has submitted his own, or once marking is over;
    - everyone else who reads the sheet (the unit, the chairman, other units
      once the ranking is published): the mean, never a member's name.
    """

    named: list  # members whose marks are shown by name (the office only)
    own: object = None  # the council member looking, if any
    submitted: bool = False  # … who has submitted his marks
    recusal: str = ""  # … why he may not mark this sheet
    show_mean: bool = False
    show_detail: bool = False  # median, deviation, spread, flag

    @property
    def recusal_message(self):
        return RECUSAL_MESSAGES.get(self.recusal, "")


def council_view(sheet, user):
    """The :class:`CouncilView` of ``user`` on a sheet read by ``sheet_with_entries``."""
    if has_perm(user, "scoring.view_council_marks", sheet):
        members = {
            s.member.pk: s.member
            for e in sheet.entries.all()
            for s in e.council_scores.all()
        }
        named = sorted(members.values(), key=lambda m: m.username)
        return CouncilView(named=named, show_mean=True, show_detail=True)
    own = user if has_perm(user, "scoring.mark_sheets") else None
    submitted = own is not None and own.pk in submitted_member_ids(sheet)
    return CouncilView(
        named=[],
        own=own,
        submitted=submitted,
        recusal=sheet_recusal(user, sheet) if own is not None else "",
        show_mean=has_perm(user, "scoring.view_council_mean", sheet),
    )


def council_rows(sheet, entries, view, margin=None):
    """Per entry: the marks ``view`` allows, the mean and the office's statistics."""
    margin = disagreement_margin() if margin is None else margin
    submitted = submitted_member_ids(sheet)
    rows = []
    for entry in entries:
        by_member = {s.member_id: s for s in entry.council_scores.all()}
        summary = marks_summary(
            [s.points for m, s in by_member.items() if m in submitted], margin
        )
        rows.append(
            {
                "entry": entry,
                "council": summary,
                # Blind marking (issue 17): a draft is shown as marked, never
                # its points, until the member submits.
                "member_scores": [
                    (
                        by_member.get(m.pk) if m.pk in submitted else None,
                        m.pk in submitted,
                        m.pk in by_member,
                    )
                    for m in view.named
                ],
                "own": by_member.get(view.own.pk) if view.own is not None else None,
            }
        )
    return rows


def sheet_totals(sheet, entries, maximum, *, field="final_points"):
    """Raw sums and normalised total of one sheet from its prefetched entries."""
    sums = {
        CriterionKind.STANDARD: ZERO,
        CriterionKind.BONUS: ZERO,
        CriterionKind.PENALTY: ZERO,
    }
    for entry in entries:
        value = getattr(entry, field)
        if value is not None:
            sums[entry.criterion.kind] += value
    raw = (
        sums[CriterionKind.STANDARD]
        + sums[CriterionKind.BONUS]
        - sums[CriterionKind.PENALTY]
    )
    return {
        "standard": sums[CriterionKind.STANDARD],
        "bonus": sums[CriterionKind.BONUS],
        "penalty": sums[CriterionKind.PENALTY],
        "raw": raw,
        "total": normalise(raw, maximum),
        "maximum": maximum,
    }


def sheet_rank(sheet):
    """The UnitScore of ``sheet`` when it is ranked, else None."""
    if sheet.state not in RANKED_STATES:
        return None
    for score in ranking_rows(campaign=sheet.campaign, kind=sheet.unit.kind):
        if score.sheet_id == sheet.pk:
            return score
    return None


def unit_sheets(unit):
    """A unit's sheets across campaigns, newest campaign first."""
    return (
        ScoreSheet.objects.filter(unit=unit)
        .select_related("campaign")
        .order_by("-campaign__year", "-campaign__pk")
    )


def honor_board_rows(*, campaign, top_n):
    """The locked sheets ranked within ``top_n`` of their kind (filtered in the database)."""
    qs = ranking_queryset(
        campaign=campaign, maxima=kind_maxima(campaign), bands=bands_for(campaign)
    ).filter(rank__lte=top_n, state=SheetState.LOCKED)
    return [_as_unit_score(row) for row in qs]
