"""Criteria follow their campaign: loaded with the plan (``plan/<year>/scoring.toml``),
copied with the campaign."""

from decimal import Decimal

from django.dispatch import receiver

from campaigns.services import review_collect
from campaigns.signals import campaign_copied, plan_loaded
from phongquang_portal.core.plandata import plan_part

from .models import Band, Criterion, CriterionGroup


def _points(value):
    """A TOML number (5, 7.5) as the Decimal it stands for."""
    return Decimal(str(value))


def criteria_plan(year=2025):
    """The plan's criteria part (``plan/<year>/scoring.toml``), or None without one."""
    try:
        return plan_part("scoring", year=year)
    except FileNotFoundError:
        return None


@receiver(plan_loaded, dispatch_uid="scoring.load_criteria")
def load_criteria(sender, campaign, **kwargs):
    """Seed the plan's criteria set and bands; rows the office edited are left alone."""
    data = criteria_plan(campaign.year)
    if data is None:
        return
    goals = {goal.code: goal for goal in campaign.goals.all()}
    groups = {}
    for position, row in enumerate(data.get("groups", []), start=1):
        if row["goal"] not in goals:
            continue
        groups[row["code"]], _created = CriterionGroup.objects.get_or_create(
            campaign=campaign,
            code=row["code"],
            defaults={
                "goal": goals[row["goal"]],
                "title": row["title"],
                "position": position,
            },
        )
    indicators = dict(campaign.indicators.values_list("code", "pk"))
    for position, row in enumerate(data.get("criteria", []), start=1):
        if row["group"] not in groups:
            continue
        indicator_id = indicators.get(row.get("indicator"))
        target = row.get("target")
        Criterion.objects.get_or_create(
            campaign=campaign,
            code=row["code"],
            defaults={
                "group": groups[row["group"]],
                "title": row["title"],
                "description": row.get("description", ""),
                "max_points": _points(row["max_points"]),
                "kind": row.get("kind", "standard"),
                "unit_kinds": list(row.get("unit_kinds", [])),
                "evidence_required": row.get("evidence_required", False),
                "position": position,
                "indicator_id": indicator_id,
                "target": _points(target) if indicator_id and target else None,
                "auto_mode": row.get("auto_mode", "proportional"),
            },
        )
    if not campaign.scoring_bands.exists():
        Band.objects.bulk_create(
            Band(
                campaign=campaign,
                label=row["label"],
                min_total=_points(row["min_total"]),
            )
            for row in data.get("bands", [])
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
    _review_texts_naming_the_year(source, target)


def _labelled(model, names):
    return [(name, model._meta.get_field(name).verbose_name) for name in names]


def _review_texts_naming_the_year(source, target):
    """Criteria copied with "năm 2025" in them go to the copy's review list."""
    entries = [
        (group, _labelled(CriterionGroup, ("title",)))
        for group in target.criterion_groups.all()
    ]
    entries += [
        (criterion, _labelled(Criterion, ("title", "description")))
        for criterion in target.criteria.all()
    ]
    entries += [
        (band, _labelled(Band, ("label",))) for band in target.scoring_bands.all()
    ]
    review_collect(campaign=target, source_year=source.year, entries=entries)
