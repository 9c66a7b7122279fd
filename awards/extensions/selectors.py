"""Until when a unit's dossiers for an award are received: the campaign's dossier
deadline, or the extension the office granted the unit; and the extensions in force.

``ensure_deadline`` asks ``dossier_deadline_for``: a deadline-bound dossier
is received until the end of the campaign's dossier deadline, or of the
unit's extension for that award when the office granted one.

The rule for returned dossiers: a dossier the office returns for supplement
follows the same deadline as a new one. Returned before the deadline and
resubmitted after it, it is accepted only under an extension the office
grants to the unit for the award (dated, with a reason, in the log); the
dossier's page says so, and the office's return notice suggests it.
"""

from django.utils import timezone

from campaigns.models import end_of_day

from ..common.selectors import proposing_units_for
from ..kinds.models import AwardKind
from .models import DossierExtension


def dossier_extension_for(nomination):
    """The extension in force for the nomination's proposing unit and award, if any."""
    return DossierExtension.objects.filter(
        award_kind_id=nomination.award_kind_id,
        unit_id=nomination.proposing_unit_id,
        revoked_at__isnull=True,
    ).first()


def dossier_deadline_for(nomination, extension=False):
    """The aware instant from which the nomination's dossier is refused.

    ``extension``: the unit's DossierExtension when the caller has it (None:
    none); left out, it is read.
    """
    campaign = nomination.campaign
    deadline = campaign.dossier_deadline_ends_at
    if extension is False:
        extension = dossier_extension_for(nomination)
    if extension is not None and extension.until > campaign.dossier_deadline:
        return end_of_day(extension.until)
    return deadline


def dossiers_open_for(nomination, now=None):
    """True while this unit's dossier for this award is still received."""
    if not nomination.award_kind.deadline_bound:
        return True
    return (now or timezone.now()) < dossier_deadline_for(nomination)


def extensions_of(campaign):
    """The campaign's extensions, in force first, with their unit and award."""
    return (
        DossierExtension.objects.filter(award_kind__campaign=campaign)
        .select_related("award_kind", "unit", "granted_by")
        .order_by("revoked_at", "until", "unit__name")
    )


def dossier_due_items(user, campaign, *, now=None):
    """The dossier deadlines a unit head still works towards, extensions included.

    One item per deadline-bound award of the campaign for the units he heads
    that propose (a hamlet, not its team): the campaign's deadline, or the
    unit's extension.
    """
    from django.urls import reverse

    from campaigns.selectors import DueItem
    from units.selectors import units_headed_by

    now = now or timezone.now()
    today = timezone.localdate(now)
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
    extensions = {
        (e.award_kind_id, e.unit_id): e
        for e in DossierExtension.objects.filter(
            award_kind__in=kinds, unit__in=units, revoked_at__isnull=True
        )
    }
    items = []
    for unit in units:
        for kind in kinds:
            extension = extensions.get((kind.pk, unit.pk))
            due_on = campaign.dossier_deadline
            if extension is not None and extension.until > due_on:
                due_on = extension.until
            if now >= end_of_day(due_on) and extension is None:
                continue  # past and not extended: nothing left to do
            items.append(
                DueItem(
                    kind="dossier",
                    label=kind.name,
                    unit=unit,
                    due_on=due_on,
                    url=reverse("awards:list") + f"?campaign={campaign.pk}",
                    extended=extension is not None,
                    extension_reason=extension.reason if extension else "",
                    overdue=now >= end_of_day(due_on),
                    days_left=max((due_on - today).days, 0),
                )
            )
    return items
