"""The awards app's section of the unit page: nominations of the unit."""

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
