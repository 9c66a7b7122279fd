"""Scoring panels for the home page and the unit page."""

from django import template
from django.db.models import Count

from units.selectors import roles_for

from ..enums import SheetState
from ..models import RankingPublication, ScoreSheet

register = template.Library()


@register.inclusion_tag("scoring/_home_panel.html", takes_context=True)
def scoring_home_panel(context):
    """What the signed-in user has to do in scoring, or the honor board for visitors."""
    user = context.get("user")
    campaign = context.get("campaign")
    roles = roles_for(user)
    published = (
        RankingPublication.objects.filter(published_at__isnull=False)
        .select_related("campaign")
        .order_by("-campaign__year")
        .first()
    )
    panel = {"campaign": campaign, "published": published, "reads_everything": False}
    if user is not None and user.is_authenticated and campaign is not None:
        panel["reads_everything"] = roles.reads_everything
        if roles.is_unit_head:
            panel["my_sheets"] = list(
                ScoreSheet.objects.filter(
                    campaign=campaign, unit_id__in=roles.headed_unit_ids
                ).select_related("unit")
            )
        if roles.reads_everything:
            counts = dict(
                ScoreSheet.objects.filter(campaign=campaign)
                .values_list("state")
                .annotate(n=Count("pk"))
                .values_list("state", "n")
            )
            panel["counts"] = [
                (label, counts.get(value, 0)) for value, label in SheetState.choices
            ]
    if not (panel.get("my_sheets") or panel.get("counts") or published):
        panel = None if not (user and user.is_authenticated and campaign) else panel
    return {"panel": panel, "user": user}


@register.inclusion_tag("scoring/_unit_panel.html", takes_context=True)
def scoring_unit_panel(context, unit):
    """A unit's score sheets (the unit page is already limited to its heads and readers)."""
    return {
        "sheets": list(
            ScoreSheet.objects.filter(unit=unit)
            .select_related("campaign", "unit")
            .order_by("-campaign__year")
        )
    }
