"""Reads about the dossier deadline extensions: a nomination's deadline, the
campaign's extensions, and the dossier deadlines a unit head still works towards.

The deadline itself is ``campaigns.deadlines.dossier_deadline``: a
deadline-bound dossier is received until the end of the campaign's dossier
deadline, or of the unit's extension for that award when the office granted one.

The rule for returned dossiers: a dossier the office returns for supplement
follows the same deadline as a new one. Returned before the deadline and
resubmitted after it, it is accepted only under an extension the office
grants to the unit for the award (dated, with a reason, in the log); the
dossier's page says so, and the office's return notice suggests it.
"""

from django.utils import timezone

from campaigns.deadlines import dossier_deadline, dossier_deadlines

from ..common.selectors import proposing_units_for
from ..kinds.models import AwardKind
from .models import DossierExtension


def nomination_deadline(nomination):
    """Until when the nomination's dossier is received (its unit's extension included)."""
    return dossier_deadline(nomination.award_kind, nomination.proposing_unit_id)


def dossiers_open_for(nomination, now=None):
    """True while this unit's dossier for this award is still received."""
    return not nomination_deadline(nomination).is_past(now)


def extensions_of(campaign):
    """The campaign's extensions, in force first, with their unit and award."""
    return (
        DossierExtension.objects.filter(award_kind__campaign=campaign)
        .select_related("award_kind__campaign", "unit", "granted_by")
        .order_by("revoked_at", "until", "unit__name")
    )


def dossier_due_items(user, campaign, *, now=None):
    """The dossier deadlines a unit head still works towards, extensions included.

    One item per deadline-bound award of the campaign for the units he heads
    that propose (a hamlet, not its team): the campaign's deadline, or the
    unit's extension. A deadline past without an extension is left out:
    nothing is left to do.
    """
    from django.urls import reverse

    from campaigns.selectors import DueItem
    from units.selectors import units_headed_by

    now = now or timezone.now()
    headed = {unit.pk for unit in units_headed_by(user)}
    units = [
        u
        for u in proposing_units_for(user)
        if u.pk in headed and u.parent_id not in headed
    ]
    kinds = list(
        AwardKind.objects.filter(campaign=campaign, deadline_bound=True).order_by(
            "position"
        )
    )
    for kind in kinds:
        kind.campaign = campaign
    deadlines = dossier_deadlines(kinds, units)
    url = reverse("awards:list") + f"?campaign={campaign.pk}"
    items = []
    for unit in units:
        for kind in kinds:
            deadline = deadlines.get(kind, unit)
            if deadline.is_past(now) and not deadline.extended:
                continue
            items.append(
                DueItem(
                    kind="dossier",
                    label=kind.name,
                    unit=unit,
                    deadline=deadline,
                    url=url,
                    now=now,
                )
            )
    return items
