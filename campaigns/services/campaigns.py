"""A campaign's life: opened, closed, reopened; its dates; its copy to the next year."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    ensure_transition,
    field_changes,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.permissions import require_perm

from ..enums import CAMPAIGN_REASON_REQUIRED, CAMPAIGN_TRANSITIONS, CampaignStatus
from ..models import Campaign, Goal, Indicator, PriorityField, ReportingPeriod
from ..rules import campaign_status_perm
from ..signals import campaign_copied, campaign_rules_changing
from ..validators import check_campaign_dates
from .legal import citations_copy, review_collect, year_shifted_name
from .plan import shift_year

# The dates campaign_dates_change may move.
CAMPAIGN_DATE_FIELDS = ("starts_on", "ends_on", "dossier_deadline")


def lock_campaign(campaign):
    """Lock the campaign's row and refresh ``campaign`` from it."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).values_list("pk").get()
    campaign.refresh_from_db()
    return campaign


def _rules_changing(campaign, new_values):
    """Ask the listening apps (awards...) whether the change may go ahead."""
    changes = {
        name: (getattr(campaign, name), value)
        for name, value in new_values.items()
        if getattr(campaign, name) != value
    }
    if changes:
        campaign_rules_changing.send(
            sender=Campaign, campaign=campaign, changes=changes
        )
    return changes


@transaction.atomic
def campaign_set_status(*, campaign, status, actor, reason=""):
    """Open a prepared campaign, close it, or reopen a closed one (with a reason)."""
    require_perm(actor, "campaigns.set_campaign_status", campaign)
    lock_campaign(campaign)
    target = CampaignStatus(status)
    ensure_transition(campaign, target, CAMPAIGN_TRANSITIONS, state_field="status")
    require_perm(actor, campaign_status_perm(campaign, target), campaign)
    if (campaign.status, target) in CAMPAIGN_REASON_REQUIRED:
        reason = required_reason(
            reason, _("Please give the reason for reopening this campaign.")
        )
    else:
        reason = (reason or "").strip()
    if target == CampaignStatus.ACTIVE:
        # A campaign is opened only with dates that fit its year.
        check_campaign_dates(
            year=campaign.year,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            dossier_deadline=campaign.dossier_deadline,
        )
    _rules_changing(campaign, {"status": target})
    transition(
        campaign,
        target,
        actor=actor,
        action="campaigns.campaign.status",
        transitions=CAMPAIGN_TRANSITIONS,
        reason=reason,
        state_field="status",
    )
    return campaign


@transaction.atomic
def campaign_dates_change(
    *,
    campaign,
    actor,
    reason,
    starts_on=None,
    ends_on=None,
    dossier_deadline=None,
):
    """Move the campaign's start, end or dossier deadline, saying why.

    The dates must fit the campaign's year; the apps listening to
    ``campaign_rules_changing`` may refuse (awards locks the deadline once a
    nomination for a deadline-bound award is submitted). The log keeps the
    old and the new dates.
    """
    require_perm(actor, "campaigns.change_campaign_rules", campaign)
    reason = required_reason(
        reason, _("Please give the reason for changing the campaign's dates.")
    )
    lock_campaign(campaign)
    given = {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "dossier_deadline": dossier_deadline,
    }
    new_values = {name: value for name, value in given.items() if value is not None}
    merged = {name: getattr(campaign, name) for name in CAMPAIGN_DATE_FIELDS}
    merged.update(new_values)
    check_campaign_dates(year=campaign.year, **merged)
    logged = field_changes(campaign, new_values)
    if not logged:
        raise ValidationError(
            _("These are already the campaign's dates."), code="no_change"
        )
    _rules_changing(campaign, new_values)
    for name in logged:
        setattr(campaign, name, new_values[name])
    campaign.save(update_fields=[*logged, "updated_at"])
    log_action(
        campaign,
        "campaigns.campaign.dates_changed",
        actor=actor,
        reason=reason,
        data={"changes": logged},
    )
    return campaign


@transaction.atomic
def campaign_copy(
    *, source, year, starts_on, ends_on, dossier_deadline, actor, name=None
):
    """Copy ``source`` into a new campaign for ``year`` with its goals and what hangs off it.

    The copy is prepared (draft): the office checks it, then opens it. It
    cites the same legal documents (a law keeps its year); its own plan's
    number and date are left blank for the office to record. Texts that name
    the source's year are copied as they are and listed for the office to
    review (``review_collect``): each app lists its own from its
    ``campaign_copied`` receiver.
    """
    require_perm(actor, "campaigns.copy_campaign", source)
    name = name or source.name
    check_campaign_dates(
        year=year,
        starts_on=starts_on,
        ends_on=ends_on,
        dossier_deadline=dossier_deadline,
    )
    if Campaign.objects.filter(name=name, year=year).exists():
        raise ValidationError(
            _("A campaign “%(name)s” already exists for %(year)s.")
            % {"name": name, "year": year},
            code="duplicate",
        )
    target = Campaign.objects.create(
        name=name,
        year=year,
        plan_number="",
        plan_date=None,
        theme=source.theme,
        preamble=source.preamble,
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
    citations_copy(source=source, target=target)
    reporting_plan_copy(source=source, target=target, goal_map=goal_map)
    _review_own_texts(source=source, target=target)
    campaign_copied.send(
        sender=Campaign, source=source, target=target, goal_map=goal_map
    )
    log_action(
        target,
        "campaigns.campaign.copied",
        actor=actor,
        data={"source": source.pk, "source_year": source.year},
    )
    return target


def _fields(model, names):
    return [(name, model._meta.get_field(name).verbose_name) for name in names]


CAMPAIGN_TEXT_FIELDS = (
    "name",
    "theme",
    "preamble",
    "purpose",
    "requirements",
    "participants_collective",
    "participants_individual",
)


def _review_own_texts(*, source, target):
    """List the copy's campaign texts, goals, fields, periods and indicators that
    name the source's year, for the office."""
    entries = [(target, _fields(Campaign, CAMPAIGN_TEXT_FIELDS))]
    goals = list(target.goals.prefetch_related("priority_fields"))
    for goal in goals:
        entries.append((goal, _fields(Goal, ("title", "text"))))
        for field in goal.priority_fields.all():
            entries.append((field, _fields(PriorityField, ("name", "text"))))
    for period in target.periods.all():
        entries.append((period, _fields(ReportingPeriod, ("name",))))
    for indicator in target.indicators.all():
        entries.append((indicator, _fields(Indicator, ("name", "help_text"))))
    review_collect(campaign=target, source_year=source.year, entries=entries)


def reporting_plan_copy(*, source, target, goal_map):
    """Copy periods (dates one year on per year of difference) and indicators."""
    years = target.year - source.year
    for period in source.periods.all():
        ReportingPeriod.objects.create(
            campaign=target,
            name=year_shifted_name(
                period.name,
                day=period.due_on,
                source_year=source.year,
                years=years,
            ),
            position=period.position,
            opens_on=shift_year(period.opens_on, years),
            due_on=shift_year(period.due_on, years),
            unit_kinds=list(period.unit_kinds),
        )
    fields = {
        (field.goal_id, field.name): field
        for field in PriorityField.objects.filter(goal__campaign=target)
    }
    Indicator.objects.bulk_create(
        Indicator(
            campaign=target,
            goal=goal_map[indicator.goal_id],
            code=indicator.code,
            name=indicator.name,
            unit_of_measure=indicator.unit_of_measure,
            value_type=indicator.value_type,
            min_value=indicator.min_value,
            max_value=indicator.max_value,
            target=indicator.target,
            aggregation=indicator.aggregation,
            unit_kinds=list(indicator.unit_kinds),
            help_text=indicator.help_text,
            position=indicator.position,
            priority_field=fields.get(
                (
                    goal_map[indicator.goal_id].pk,
                    indicator.priority_field.name if indicator.priority_field else "",
                )
            ),
        )
        for indicator in source.indicators.select_related("priority_field")
        if indicator.goal_id in goal_map
    )
