"""The council's board: checked-or-later dossiers in the council's order, with the
ties counted and why each row stands above the next."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy

from units.models import Household, Person

from ..enums import NominationState
from ..nominations.models import Nomination
from ..nominations.selectors import attach_scores, attach_warnings, nomination_queryset

S = NominationState

BOARD_PAGE_SIZE = 50

BOARD_STATES = (S.CHECKED, S.VOTED, S.APPROVED, S.REJECTED, S.DECIDED)


# The nominee's total in whole cents (scoring's exact ranking total).
SCORE_FIELD = BigIntegerField()


def _scoring_selectors():
    """The scoring app's selectors, or None where scoring is not installed."""
    try:
        from scoring import selectors as scoring_selectors
    except ImportError:
        return None
    return scoring_selectors


def score_expression(campaign, maxima):
    """The nominee unit's total from scoring, as a subquery (NULL when unscored).

    The same queryset scoring ranks with, narrowed to one unit, so the
    board's order agrees with the scores it shows.
    """
    scoring = _scoring_selectors()
    if scoring is None:
        return Value(None, output_field=SCORE_FIELD)
    totals = (
        scoring.unit_total_queryset(campaign=campaign, maxima=maxima)
        .filter(unit_id=OuterRef("nominee_unit_id"))
        .order_by()
        .values("total_cents")[:1]
    )
    return Subquery(totals, output_field=SCORE_FIELD)


def _kind_maxima(campaign):
    scoring = _scoring_selectors()
    return scoring.kind_maxima(campaign) if scoring else None


# Decree 152/2025 Art. 4: among collectives and individuals with the same
# achievements, women, and collectives with at least 70 % women, come first.
WOMEN_SHARE_PERCENT = 70


def household_head_sex_known():
    """Whether households record their head's sex (``Household.head_sex``)."""
    return any(f.name == "head_sex" for f in Household._meta.get_fields())


def women_first_expression():
    """1 for a woman, a household headed by a woman, or a collective whose
    people are at least 70 % women; else 0 (unknown counts as not)."""
    from units.enums import Sex

    people = (
        Person.objects.filter(unit_id=OuterRef("nominee_unit_id"))
        .order_by()
        .values("unit_id")
    )
    total = Subquery(
        people.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()
    )
    women = Subquery(
        people.filter(sex=Sex.FEMALE).annotate(n=Count("pk")).values("n")[:1],
        output_field=IntegerField(),
    )
    cases = [
        When(nominee_person__sex=Sex.FEMALE, then=Value(1)),
        When(
            Q(nominee_unit__isnull=False)
            & Q(unit_people__gt=0)
            & Q(unit_women_x100__gte=F("unit_people") * WOMEN_SHARE_PERCENT),
            then=Value(1),
        ),
    ]
    if household_head_sex_known():
        cases.append(When(nominee_household__head_sex=Sex.FEMALE, then=Value(1)))
    return {
        "unit_people": Coalesce(total, Value(0)),
        "unit_women_x100": Coalesce(women, Value(0)) * Value(100),
    }, Case(*cases, default=Value(0), output_field=IntegerField())


# The board's order, as the chairman's batch approval takes it.
BOARD_ORDER = (
    "is_individual",
    F("votes").desc(),
    F("board_score").desc(nulls_last=True),
    F("women_first").desc(),
    F("submitted_at").asc(nulls_last=True),
    "pk",
)


def council_board_queryset(campaign, *, kind=None, maxima=None):
    """Checked-or-later nominations in the council's order; ties counted.

    Collectives come first, then individuals (households count as
    individuals). Within each: more votes for first; then the higher score
    (scoring's exact total); then, by Decree 152/2025 Art. 4, a woman, a
    household headed by a woman, or a collective with at least 70 % women
    among its people; then the dossier submitted earlier; then the lower
    dossier number. The order and the tie count are computed by the database
    over the whole set, so a page of it is ranked exactly as the full list.
    ``tie_count`` is the number of nominations of the same award and
    category with the same votes and score (the rule above then orders them).
    """
    if maxima is None:
        maxima = _kind_maxima(campaign)
    qs = nomination_queryset().filter(campaign=campaign, state__in=BOARD_STATES)
    if kind is not None:
        qs = qs.filter(award_kind=kind)
    women_parts, women_first = women_first_expression()
    qs = (
        qs.annotate(
            board_score=score_expression(campaign, maxima),
            is_individual=ExpressionWrapper(
                Q(nominee_unit__isnull=True), output_field=BooleanField()
            ),
            votes=Coalesce("votes_for", 0),
            **women_parts,
        )
        .annotate(women_first=women_first)
        .annotate(
            tie_count=Window(
                Count("pk"),
                partition_by=[
                    F("award_kind_id"),
                    F("is_individual"),
                    F("votes_for"),
                    F("board_score"),
                ],
            ),
        )
    )
    return qs.order_by(*BOARD_ORDER)


# Why a row of the board stands above the next one of its category.
ABOVE_REASONS = {
    "votes": gettext_lazy("more votes for"),
    "score": gettext_lazy("higher score"),
    "women": gettext_lazy(
        "equal votes and score: a woman, or a collective with at least 70% "
        "women, comes first (Decree 152/2025, Art. 4)"
    ),
    "submitted": gettext_lazy("equal votes and score: the dossier submitted earlier"),
    "number": gettext_lazy("equal in every respect: the lower dossier number"),
}

BOARD_KEYS = (
    "pk",
    "tie_count",
    "is_individual",
    "votes",
    "board_score",
    "women_first",
    "submitted_at",
)


def above_reason(row, following):
    """The code of ABOVE_REASONS saying why ``row`` precedes ``following``, or ""."""
    if following is None or row["is_individual"] != following["is_individual"]:
        return ""
    if row["votes"] != following["votes"]:
        return "votes"
    if row["board_score"] != following["board_score"]:
        return "score"
    if row["women_first"] != following["women_first"]:
        return "women"
    if row["submitted_at"] != following["submitted_at"]:
        return "submitted"
    return "number"


def board_rows(nominations, scores=None):
    """Score, rank, warnings and the tie flag for one page of the board.

    ``scores``: {campaign id: {unit id: UnitScore}} already read, if any.
    """
    nominations = attach_warnings(attach_scores(list(nominations), scores))
    for n in nominations:
        n.tied = n.votes_for is not None and n.tie_count > 1
    return nominations


def _with_reasons(nominations, keys, following):
    """Set ``.above_reason`` (code) and ``.above_label`` on each row of a page."""
    rows = [*keys, following]
    for index, nomination in enumerate(nominations):
        code = above_reason(rows[index], rows[index + 1])
        nomination.above_reason = code
        nomination.above_label = ABOVE_REASONS.get(code, "")
        nomination.women_first = bool(rows[index]["women_first"])
    return nominations


def council_board_page(campaign, *, kind=None, number=1, per_page=None, total=None):
    """One page of the board, ranked over the whole set (a fixed number of queries).

    The database ranks narrow rows (id, tie count and the keys of the order)
    and the page's nominations are then read with their relations: sorting
    the full rows would carry every column of every nomination through the
    window. ``total``: the number of nominations on the board when already
    counted. Each row says why it stands above the next (the row after the
    page is read too, for the last one).
    """
    maxima = _kind_maxima(campaign)
    ranked = council_board_queryset(campaign, kind=kind, maxima=maxima).values(
        *BOARD_KEYS
    )
    size = per_page or BOARD_PAGE_SIZE
    paginator = Paginator(ranked, size)
    if total is not None:
        paginator.count = total  # cached_property: saves counting again
    page = paginator.get_page(number)
    start = (page.number - 1) * size
    keys = list(ranked[start : start + size + 1])
    following = keys[size] if len(keys) > size else None
    keys = keys[:size]
    by_pk = nomination_queryset().in_bulk([row["pk"] for row in keys])
    nominations = []
    for row in keys:
        nomination = by_pk[row["pk"]]
        nomination.tie_count = row["tie_count"]
        nominations.append(nomination)
    scoring = _scoring_selectors()
    scores = {}
    if scoring is not None and nominations:
        scores[campaign.pk] = {
            score.unit_id: score
            for score in scoring.ranking_rows(campaign=campaign, maxima=maxima)
        }
    page.object_list = _with_reasons(board_rows(nominations, scores), keys, following)
    return page


def in_board_order(nominations):
    """``nominations`` in the council board's order (per campaign, then the rest).

    The chairman's batch approval takes them in this order, so the quota goes
    to the council's first choices, never to whoever has the lower id.
    """
    nominations = list(nominations)
    by_campaign = defaultdict(list)
    for nomination in nominations:
        by_campaign[nomination.campaign_id].append(nomination)
    ordered = []
    for campaign_id in sorted(by_campaign):
        group = by_campaign[campaign_id]
        campaign = group[0].campaign
        ranks = {
            pk: index
            for index, pk in enumerate(
                council_board_queryset(campaign)
                .filter(pk__in=[n.pk for n in group])
                .values_list("pk", flat=True)
            )
        }
        ordered.extend(
            sorted(group, key=lambda n: (n.pk not in ranks, ranks.get(n.pk, 0), n.pk))
        )
    return ordered


def board_counts(campaign):
    """{award kind id: number of nominations on the board} (one query)."""
    return dict(
        Nomination.objects.filter(campaign=campaign, state__in=BOARD_STATES)
        .values("award_kind_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("award_kind_id", "n")
    )


def council_board(campaign, *, kind=None):
    """The whole board as a list, in order, each row saying why it is above the next."""
    qs = council_board_queryset(campaign, kind=kind)
    keys = list(qs.values(*BOARD_KEYS))
    nominations = board_rows(qs)
    return _with_reasons(nominations, keys, None)
