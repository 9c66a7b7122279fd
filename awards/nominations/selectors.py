"""Reads about dossiers that pages, the admin and exports share."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from campaigns.deadlines import dossier_deadline
from exemplars.selectors import citable_models
from phongquang_portal.core.permissions import has_perm
from units.models import Household, Person, Unit
from units.selectors import roles_for

from ..enums import QUOTA_STATES, AwardKindCode, Category, NominationState, NomineeType
from ..kinds.models import AwardKind
from .models import Nomination

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


def deadline_notice(campaign, kinds=None, *, deadline=None):
    """The deadline sentence shown before anyone types.

    ``kinds``: the campaign's award kinds when the page has already read them.
    ``deadline``: one dossier's (``nomination_deadline``) on its own pages: a
    unit the office gave an extension reads the day of its extension.
    """
    if campaign is None:
        return ""
    if deadline is not None and deadline.extended:
        return _(
            "The Culture-Social office extended the deadline for your unit to the "
            "end of %(date)s."
        ) % {"date": deadline.display}
    announced = dossier_deadline(campaign)
    if kinds is None:
        kinds = campaign.award_kinds.all()
    kinds = [k.name for k in kinds if k.deadline_bound]
    params = {"kinds": ", ".join(kinds), "date": announced.display}
    if not announced.is_past():
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


def citable_models_for(unit, campaign):
    """The recognised models a dossier proposed by ``unit`` may cite."""
    if unit is None:
        return citable_models([], campaign)
    return citable_models(nominee_scope_ids(unit), campaign)
