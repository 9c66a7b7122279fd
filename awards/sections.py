"""What awards adds to other apps' pages: the unit page's nominations, and the
ranking page's "nominate the top-ranked units"."""

from scoring.ranking_actions import register_ranking_action
from units.sections import register_unit_section

from .nominations.models import Nomination


def unit_nominations_context(unit, request):
    nominations = (
        Nomination.objects.filter(nominee_unit=unit)
        .select_related("award_kind", "campaign")
        .order_by("-campaign__year", "pk")
    )
    return {"unit": unit, "nominations": list(nominations)}


def register():
    register_unit_section(
        "awards/_unit_section.html", context=unit_nominations_context, position=30
    )
    register_ranking_action(
        "awards/_ranking_action.html", perm="awards.nominate_from_ranking"
    )
