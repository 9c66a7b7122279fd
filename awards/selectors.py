"""Reads about nominations that pages, the admin and exports share."""

from collections import Counter, defaultdict
from dataclasses import dataclass

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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.permissions import has_perm
from units.models import Household, Person, Unit
from units.selectors import roles_for

from .council_selectors import ballot_tally as ballot_tally
from .enums import QUOTA_STATES, AwardKindCode, Category, NominationState, NomineeType
from .models import AwardKind, Decision, Nomination

S = NominationState

NOMINATION_RELATED = (
    "campaign",
    "award_kind",
    "proposing_unit",
    "nominee_unit",
    "nominee_person__unit",
    "nominee_household__hamlet",
)


def nomination_queryset():
    return Nomination.objects.select_related(*NOMINATION_RELATED)


def nominations_visible_to(user):
    """All nominations for who reads everything; a head's own units' else."""
    qs = nomination_queryset()
    if has_perm(user, "awards.view_every_nomination"):
        return qs
    return qs.filter(proposing_unit_id__in=roles_for(user).headed_unit_ids)


def proposing_units_for(user):
    """The active units ``user`` may propose nominations for, in the register's order."""
    units = Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
    if has_perm(user, "awards.propose_for_any_unit"):
        return units
    return units.filter(pk__in=roles_for(user).headed_unit_ids)


def unit_scores_for(campaign):
    """Scores from the scoring app, or {} while it has none (or does not exist)."""
    if campaign is None:
        return {}
    try:
        from scoring.selectors import unit_scores
    except ImportError:
        return {}
    return unit_scores(campaign=campaign) or {}


def attach_scores(nominations, scores_by_campaign=None):
    """Set ``.score`` and ``.rank`` on each nomination of a collective from scoring."""
    cache = scores_by_campaign if scores_by_campaign is not None else {}
    for nomination in nominations:
        if nomination.campaign_id not in cache:
            cache[nomination.campaign_id] = unit_scores_for(nomination.campaign)
        score = (
            cache[nomination.campaign_id].get(nomination.nominee_unit_id)
            if nomination.nominee_unit_id
            else None
        )
        nomination.score = getattr(score, "total", None)
        nomination.rank = getattr(score, "rank", None)
    return nominations


def _key(row):
    if row["nominee_unit_id"]:
        return ("unit", row["nominee_unit_id"])
    if row["nominee_person_id"]:
        return ("person", row["nominee_person_id"])
    return ("household", row["nominee_household_id"])


def attach_warnings(nominations):
    """Set ``.warnings`` (eligibility) on each nomination, in one query.

    Warned: the nominee was already awarded the same kind in this campaign,
    and a collective or person who appears in more than one nomination.
    Only the nominations of the nominees given are read, so a page of 50
    costs the same whatever the size of the campaign.
    """
    nominations = list(nominations)
    if not nominations:
        return nominations
    campaign_ids = {n.campaign_id for n in nominations}
    ids = defaultdict(set)
    for n in nominations:
        nominee_type, pk = n.nominee_key
        ids[nominee_type].add(pk)
    same_nominee = Q(pk__in=[])
    for nominee_type, pks in ids.items():
        same_nominee |= Q(**{f"nominee_{nominee_type}_id__in": sorted(pks)})
    rows = list(
        Nomination.objects.filter(same_nominee, campaign_id__in=campaign_ids)
        .exclude(state=S.REJECTED)
        .values(
            "pk",
            "campaign_id",
            "award_kind_id",
            "state",
            "nominee_unit_id",
            "nominee_person_id",
            "nominee_household_id",
        )
        .order_by()
    )
    appearances = Counter((r["campaign_id"], _key(r)) for r in rows)
    awarded = defaultdict(set)
    for r in rows:
        if r["state"] in QUOTA_STATES:
            awarded[(r["campaign_id"], r["award_kind_id"], _key(r))].add(r["pk"])

    for n in nominations:
        key = n.nominee_key
        warnings = []
        others = awarded.get((n.campaign_id, n.award_kind_id, key), set()) - {n.pk}
        if others:
            warnings.append(_("Already awarded this award in this campaign."))
        if appearances[(n.campaign_id, key)] > 1:
            warnings.append(_("Nominated more than once in this campaign."))
        n.warnings = warnings
    return nominations


@dataclass
class QuotaLine:
    kind: AwardKind
    collective_used: int
    individual_used: int

    @property
    def collective_quota(self):
        return self.kind.quota_for(Category.COLLECTIVE)

    @property
    def individual_quota(self):
        return self.kind.quota_for(Category.INDIVIDUAL)

    @property
    def collective_full(self):
        q = self.collective_quota
        return q is not None and self.collective_used >= q

    @property
    def individual_full(self):
        q = self.individual_quota
        return q is not None and self.individual_used >= q


def quota_usage(*, campaign, kinds):
    """{award kind id: {"collective": n, "individual": n}}: approved and decided
    nominations per category (households count as individuals), in one query.

    The one count of what a quota has used: the chairman's approval checks
    it and every quota panel shows it.
    """
    kinds = list(kinds)
    usage = {k.pk: {Category.COLLECTIVE: 0, Category.INDIVIDUAL: 0} for k in kinds}
    if campaign is None or not kinds:
        return usage
    rows = (
        Nomination.objects.filter(
            campaign=campaign, award_kind__in=kinds, state__in=QUOTA_STATES
        )
        .values("award_kind_id")
        .annotate(
            collective=Count("pk", filter=Q(nominee_unit__isnull=False)),
            individual=Count("pk", filter=Q(nominee_unit__isnull=True)),
        )
        .order_by()
    )
    for row in rows:
        usage[row["award_kind_id"]] = {
            Category.COLLECTIVE: row["collective"],
            Category.INDIVIDUAL: row["individual"],
        }
    return usage


def quota_panel(campaign, kinds=None):
    """Approved+decided per category against the quota, for each kind with a quota.

    ``kinds``: the campaign's award kinds when the page has already read them.
    """
    if campaign is None:
        return []
    if kinds is None:
        kinds = AwardKind.objects.filter(campaign=campaign)
    kinds = [k for k in kinds if k.code != AwardKindCode.DOT_XUAT and k.has_quota]
    usage = quota_usage(campaign=campaign, kinds=kinds)
    return [
        QuotaLine(
            kind=k,
            collective_used=usage[k.pk][Category.COLLECTIVE],
            individual_used=usage[k.pk][Category.INDIVIDUAL],
        )
        for k in kinds
    ]


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


def nominee_scope_ids(unit):
    """The unit and its sub-units (a hamlet and its digital-tech team): whose
    collectives, people and households the unit may propose."""
    return {unit.pk, *Unit.objects.filter(parent=unit).values_list("pk", flat=True)}


NOMINEE_OWNER = {
    NomineeType.UNIT: lambda nominee: nominee.pk,
    NomineeType.PERSON: lambda nominee: nominee.unit_id,
    NomineeType.HOUSEHOLD: lambda nominee: nominee.hamlet_id,
}


def nominee_belongs_to(unit, nominee_type, nominee):
    """Whether ``nominee`` (of ``nominee_type``) is the proposing unit's own."""
    return NOMINEE_OWNER[nominee_type](nominee) in nominee_scope_ids(unit)


def nominee_choices_for_unit(unit):
    """What ``unit`` may propose, per nominee type: [(type, label, [(value, label)])].

    Values read "unit:12", "person:3", "household:40". Three short queries,
    limited to the unit and its sub-units: a hamlet head's phone shows a few
    dozen names, never the whole commune.
    """
    scope = nominee_scope_ids(unit)
    units = Unit.objects.filter(pk__in=scope, is_active=True).order_by(
        "parent_id", "name"
    )
    people = (
        Person.objects.filter(unit_id__in=scope)
        .select_related("unit")
        .order_by("unit__name", "full_name", "pk")
    )
    households = Household.objects.filter(hamlet_id__in=scope).order_by(
        "head_name", "pk"
    )
    several_units = len(scope) > 1
    return [
        (
            NomineeType.UNIT.value,
            NomineeType.UNIT.label,
            [(f"unit:{u.pk}", u.name) for u in units],
        ),
        (
            NomineeType.PERSON.value,
            NomineeType.PERSON.label,
            [
                (
                    f"person:{p.pk}",
                    " · ".join(
                        part
                        for part in (
                            p.full_name,
                            p.position,
                            p.unit.name if several_units else "",
                        )
                        if part
                    ),
                )
                for p in people
            ],
        ),
        (
            NomineeType.HOUSEHOLD.value,
            NomineeType.HOUSEHOLD.label,
            [
                (
                    f"household:{h.pk}",
                    f"{h.head_name} · {h.address}" if h.address else h.head_name,
                )
                for h in households
            ],
        ),
    ]


def decision_awardees(decision):
    """The nominations a decision awards, in the decision's order."""
    return list(
        nomination_queryset()
        .filter(decision=decision)
        .order_by("decision_position", "pk")
    )


def honor_board(campaign):
    """Decided awards of a campaign, for the public page."""
    return list(
        nomination_queryset()
        .filter(campaign=campaign, state=S.DECIDED)
        .select_related("decision")
        .order_by("award_kind__position", "decision__signed_on", "decision_position")
    )


def decisions_for(campaign):
    return Decision.objects.filter(campaign=campaign).select_related("award_kind")


def deadline_notice(campaign, kinds=None):
    """The deadline sentence shown before anyone types.

    ``kinds``: the campaign's award kinds when the page has already read them.
    """
    if campaign is None:
        return ""
    if kinds is None:
        kinds = campaign.award_kinds.all()
    kinds = [k.name for k in kinds if k.deadline_bound]
    params = {
        "kinds": ", ".join(kinds),
        "date": campaign.dossier_deadline.strftime("%d/%m/%Y"),
    }
    if campaign.dossiers_open(timezone.now()):
        return (
            _(
                "Dossiers for %(kinds)s are received until 23:59:59 on %(date)s "
                "(Vietnam time). Ad-hoc awards can be proposed at any time."
            )
            % params
        )
    return (
        _(
            "The deadline of %(date)s (23:59:59, Vietnam time) has passed: dossiers for "
            "%(kinds)s can no longer be submitted. Ad-hoc awards can still be proposed."
        )
        % params
    )
