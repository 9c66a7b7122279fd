"""Writes about campaigns: loading the plan, copying a campaign to a new year."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import log_action

from . import plan
from .enums import GOAL_POSITIONS, CampaignStatus
from .models import Campaign, Goal, PriorityField
from .signals import campaign_copied, plan_loaded


@transaction.atomic
def plan_load(*, actor=None):
    """Load the 2025 plan: campaign, goals a–h, h's priority fields. Idempotent.

    Existing rows are left as they are, so edits made by the office survive a
    second run.
    """
    data = dict(plan.CAMPAIGN_2025)
    campaign, created = Campaign.objects.get_or_create(
        name=data.pop("name"), year=data.pop("year"), defaults=data
    )
    for code, title, text in plan.GOALS:
        goal, _created = Goal.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={"position": GOAL_POSITIONS[code], "title": title, "text": text},
        )
        if code == "h":
            for position, (name, field_text) in enumerate(plan.PRIORITY_FIELDS, start=1):
                PriorityField.objects.get_or_create(
                    goal=goal, name=name, defaults={"position": position, "text": field_text}
                )
    if created:
        log_action(campaign, "campaigns.campaign.loaded", actor=actor)
    plan_loaded.send(sender=Campaign, campaign=campaign)
    return campaign


@transaction.atomic
def campaign_copy(
    *, source, year, starts_on, ends_on, dossier_deadline, actor=None, name=None
):
    """Copy ``source`` into a new campaign for ``year`` with its goals and what hangs off it."""
    name = name or source.name
    if Campaign.objects.filter(name=name, year=year).exists():
        raise ValidationError(
            _("A campaign “%(name)s” already exists for %(year)s.") % {"name": name, "year": year}
        )
    if ends_on < starts_on:
        raise ValidationError(_("The end date must not be before the start date."))
    target = Campaign.objects.create(
        name=name,
        year=year,
        plan_number="",
        plan_date=None,
        theme=source.theme,
        preamble=source.preamble.replace(str(source.year), str(year)),
        legal_bases=source.legal_bases.replace(str(source.year), str(year)),
        purpose=source.purpose,
        requirements=source.requirements,
        participants_collective=source.participants_collective,
        participants_individual=source.participants_individual,
        starts_on=starts_on,
        ends_on=ends_on,
        dossier_deadline=dossier_deadline,
        status=CampaignStatus.DRAFT,
        copied_from=source,
    )
    goal_map = {}
    for goal in source.goals.prefetch_related("priority_fields"):
        new_goal = Goal.objects.create(
            campaign=target,
            code=goal.code,
            position=goal.position,
            title=goal.title,
            text=goal.text,
        )
        goal_map[goal.pk] = new_goal
        PriorityField.objects.bulk_create(
            PriorityField(goal=new_goal, position=f.position, name=f.name, text=f.text)
            for f in goal.priority_fields.all()
        )
    campaign_copied.send(sender=Campaign, source=source, target=target, goal_map=goal_map)
    log_action(
        target,
        "campaigns.campaign.copied",
        actor=actor,
        data={"source": source.pk, "source_year": source.year},
    )
    return target


@transaction.atomic
def campaign_set_status(*, campaign, status, actor, reason=""):
    """Open, close or reopen a campaign and record it."""
    previous = campaign.status
    campaign.status = CampaignStatus(status)
    campaign.save(update_fields=["status", "updated_at"])
    log_action(
        campaign,
        "campaigns.campaign.status",
        actor=actor,
        from_state=previous,
        to_state=campaign.status,
        reason=reason,
    )
    return campaign
