"""The campaigns app's section of the unit page: the unit's reports."""

from units.sections import register_unit_section

from .models import Report


def unit_reports_context(unit, request):
    reports = (
        Report.objects.filter(unit=unit)
        .select_related("period__campaign")
        .order_by("-period__campaign__year", "period__position", "pk")
    )
    return {"unit": unit, "reports": list(reports)}


def register():
    register_unit_section(
        "campaigns/_unit_section.html", context=unit_reports_context, position=10
    )
