"""The scoring app's section of the unit page: the unit's score sheets."""

from units.sections import register_unit_section

from .models import ScoreSheet


def unit_sheets_context(unit, request):
    sheets = (
        ScoreSheet.objects.filter(unit=unit)
        .select_related("campaign", "unit")
        .order_by("-campaign__year")
    )
    return {"unit": unit, "sheets": list(sheets)}


def register():
    register_unit_section(
        "scoring/_unit_section.html", context=unit_sheets_context, position=20
    )
