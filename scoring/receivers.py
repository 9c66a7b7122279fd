"""Criteria follow their campaign: loaded with the 2025 plan, copied with the campaign."""

from django.dispatch import receiver

from campaigns.signals import campaign_copied, plan_loaded

from . import criteria_2025
from .models import Band, Criterion, CriterionGroup


@receiver(plan_loaded, dispatch_uid="scoring.load_criteria")
def load_criteria(sender, campaign, **kwargs):
    """Seed the 2025 criteria set and bands; rows the office edited are left alone."""
    goals = {goal.code: goal for goal in campaign.goals.all()}
    groups = {}
    for position, (code, goal_code, title) in enumerate(criteria_2025.GROUPS, start=1):
        if goal_code not in goals:
            continue
        groups[code], _created = CriterionGroup.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={"goal": goals[goal_code], "title": title, "position": position},
        )
    indicators = dict(campaign.indicators.values_list("code", "pk"))
    for position, row in enumerate(criteria_2025.CRITERIA, start=1):
        group_code, code, title, max_points, kind, unit_kinds, evidence = row
        if group_code not in groups:
            continue
        indicator_code, target = criteria_2025.AUTOMATIC.get(code, (None, None))
        indicator_id = indicators.get(indicator_code)
        Criterion.objects.get_or_create(
            campaign=campaign,
            code=code,
            defaults={
                "group": groups[group_code],
                "title": title,
                "max_points": max_points,
                "kind": kind,
                "unit_kinds": list(unit_kinds),
                "evidence_required": evidence,
                "position": position,
                "indicator_id": indicator_id,
                "target": target if indicator_id else None,
            },
        )
    if not campaign.scoring_bands.exists():
        Band.objects.bulk_create(
            Band(campaign=campaign, label=label, min_total=min_total)
            for label, min_total in criteria_2025.BANDS
        )


def _indicator_map(source, target):
    """{source indicator pk: target indicator pk}, matched by code."""
    by_code = dict(target.indicators.values_list("code", "pk"))
    return {
        pk: by_code[code]
        for pk, code in source.indicators.values_list("pk", "code")
        if code in by_code
    }


@receiver(campaign_copied, dispatch_uid="scoring.copy_criteria")
def copy_criteria(sender, source, target, goal_map, **kwargs):
    """Copy groups, criteria and bands of ``source`` to ``target``, remapping goals."""
    group_map = {}
    for group in source.criterion_groups.all():
        new_goal = goal_map.get(group.goal_id)
        if new_goal is None:
            continue
        group_map[group.pk] = CriterionGroup.objects.create(
            campaign=target,
            goal=new_goal,
            code=group.code,
            title=group.title,
            position=group.position,
        )
    indicator_map = _indicator_map(source, target)
    new_criteria = []
    for criterion in source.criteria.all():
        if criterion.group_id not in group_map:
            continue
        copy = Criterion(
            campaign=target,
            group=group_map[criterion.group_id],
            code=criterion.code,
            title=criterion.title,
            description=criterion.description,
            kind=criterion.kind,
            max_points=criterion.max_points,
            unit_kinds=list(criterion.unit_kinds),
            evidence_required=criterion.evidence_required,
            position=criterion.position,
            target=criterion.target,
            auto_mode=criterion.auto_mode,
            indicator_id=indicator_map.get(criterion.indicator_id),
        )
        new_criteria.append(copy)
    Criterion.objects.bulk_create(new_criteria)
    Band.objects.bulk_create(
        Band(campaign=target, label=band.label, min_total=band.min_total)
        for band in source.scoring_bands.all()
    )
