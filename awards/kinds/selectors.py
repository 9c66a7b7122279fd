"""What the quotas have used: one count for the chairman's approval and every panel."""

from dataclasses import dataclass

from django.db.models import Count, Q

from ..enums import QUOTA_STATES, AwardKindCode, Category
from ..nominations.models import Nomination
from .models import AwardKind


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
