"""The register's section of the unit page: the unit's exemplary models."""

from units.sections import register_unit_section

from .models import ExemplaryModel


def unit_models_context(unit, request):
    models = (
        ExemplaryModel.objects.filter(unit=unit)
        .select_related("campaign")
        .order_by("-campaign__year", "name")
    )
    return {"unit": unit, "models": list(models)}


def register():
    register_unit_section(
        "exemplars/_unit_section.html", context=unit_models_context, position=40
    )
