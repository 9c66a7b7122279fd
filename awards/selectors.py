"""Reads about nominations that pages, the admin and exports share."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from units.models import Household, Person, Unit
from units.selectors import roles_for

from .enums import QUOTA_STATES, AwardKindCode, Category, NominationState
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
    """All nominations for the office, council and chairman; a head's own units' else."""
    roles = roles_for(user)
    qs = nomination_queryset()
    if roles.reads_everything or roles.is_sysadmin:
        return qs
    return qs.filter(proposing_unit_id__in=roles.headed_unit_ids)


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
    """Set ``.warnings`` (eligibility) on each nomination, in one query per campaign.

    Warned: the nominee was already awarded the same kind in this campaign,
    and a collective or person who appears in more than one nomination.
    """
    nominations = list(nominations)
    campaign_ids = {n.campaign_id for n in nominations}
    rows = list(
        Nomination.objects.filter(campaign_id__in=campaign_ids)
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


def quota_panel(campaign):
    """Approved+decided per category against the quota, for each kind with a quota."""
    if campaign is None:
        return []
    kinds = [
        k
        for k in AwardKind.objects.filter(campaign=campaign).exclude(
            code=AwardKindCode.DOT_XUAT
        )
        if k.has_quota
    ]
    counts = {
        row["award_kind_id"]: row
        for row in Nomination.objects.filter(
            campaign=campaign, award_kind__in=kinds, state__in=QUOTA_STATES
        )
        .values("award_kind_id")
        .annotate(
            collective=Count("pk", filter=Q(nominee_unit__isnull=False)),
            individual=Count("pk", filter=Q(nominee_unit__isnull=True)),
        )
    }
    return [
        QuotaLine(
            kind=k,
            collective_used=counts.get(k.pk, {}).get("collective", 0),
            individual_used=counts.get(k.pk, {}).get("individual", 0),
        )
        for k in kinds
    ]


def council_board(campaign, *, kind=None):
    """Checked and voted nominations ranked by votes for, then score; ties flagged."""
    qs = nomination_queryset().filter(
        campaign=campaign,
        state__in=[S.CHECKED, S.VOTED, S.APPROVED, S.REJECTED, S.DECIDED],
    )
    if kind is not None:
        qs = qs.filter(award_kind=kind)
    nominations = attach_warnings(attach_scores(list(qs)))

    def sort_key(n):
        score = n.score if n.score is not None else float("-inf")
        return (n.category != Category.COLLECTIVE, -(n.votes_for or 0), -score, n.pk)

    nominations.sort(key=sort_key)
    groups = Counter(
        (n.award_kind_id, n.category, n.votes_for, n.score)
        for n in nominations
        if n.votes_for is not None
    )
    for n in nominations:
        n.tied = (
            n.votes_for is not None
            and groups[(n.award_kind_id, n.category, n.votes_for, n.score)] > 1
        )
    return nominations


def nominee_choices_for(user, unit_ids=None):
    """Units, people and households a user may nominate, as (group, [(value, label)])."""
    roles = roles_for(user)
    units = Unit.objects.filter(is_active=True)
    people = Person.objects.select_related("unit")
    households = Household.objects.select_related("hamlet")
    if not roles.is_office:
        scope = set(roles.headed_unit_ids)
        scope |= set(
            Unit.objects.filter(parent_id__in=scope).values_list("pk", flat=True)
        )
        units = units.filter(pk__in=scope)
        people = people.filter(unit_id__in=scope)
        households = households.filter(hamlet_id__in=scope)

    return [
        (_("Collectives"), [(f"unit:{u.pk}", u.name) for u in units.order_by("name")]),
        (
            _("Individuals"),
            [
                (
                    f"person:{p.pk}",
                    f"{p.full_name} ({p.unit.name})" if p.unit else p.full_name,
                )
                for p in people.order_by("unit__name", "full_name")
            ],
        ),
        (
            _("Households"),
            [
                (f"household:{h.pk}", f"{h.head_name} ({h.hamlet.name})")
                for h in households.order_by("hamlet__name", "head_name")
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


def deadline_notice(campaign):
    """The deadline sentence shown before anyone types."""
    if campaign is None:
        return ""
    kinds = [k.name for k in campaign.award_kinds.all() if k.deadline_bound]
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
