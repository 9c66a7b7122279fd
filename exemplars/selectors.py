"""Reads of the register that pages, exports, dossiers and the year-end summary share."""

from django.db.models import Count, Prefetch, Q

from .enums import PUBLIC_STATES
from .models import ExemplarEvidence, ExemplarSpread, ExemplaryModel


def _with_details(qs):
    return qs.select_related("unit", "campaign").prefetch_related(
        "goals",
        "priority_fields",
        "indicators",
        Prefetch("spreads", queryset=ExemplarSpread.objects.select_related("unit")),
        Prefetch(
            "evidence",
            queryset=ExemplarEvidence.objects.filter(is_photo=True),
            to_attr="photos",
        ),
    )


def public_models(campaign=None):
    """Recognised and spread models, with their photos, goals and spreading."""
    qs = ExemplaryModel.objects.filter(status__in=sorted(PUBLIC_STATES))
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return _with_details(qs).order_by("-recognised_on", "name", "pk")


def register(*, campaign=None, unit_ids=None, status=None):
    """The register: every model (or those of ``unit_ids``), with their details."""
    qs = ExemplaryModel.objects.all()
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    if status:
        qs = qs.filter(status=status)
    return _with_details(qs).order_by(
        "unit__kind", "unit__position", "unit__name", "name", "pk"
    )


def model_for_page(pk):
    return (
        ExemplaryModel.objects.select_related(
            "unit", "campaign", "recognised_by", "proposed_by"
        )
        .prefetch_related(
            "goals",
            "priority_fields",
            "indicators",
            Prefetch("spreads", queryset=ExemplarSpread.objects.select_related("unit")),
            Prefetch("evidence", queryset=ExemplarEvidence.objects.all()),
        )
        .get(pk=pk)
    )


def citable_models(unit_ids, campaign=None):
    """Recognised (or spread) models of the given units: what a dossier may cite."""
    qs = ExemplaryModel.objects.filter(
        unit_id__in=list(unit_ids), status__in=sorted(PUBLIC_STATES)
    )
    if campaign is not None:
        qs = qs.filter(campaign__year__lte=campaign.year)
    return qs.select_related("unit").order_by("-recognised_on", "name")


def models_summary(campaign, *, until=None):
    """Counts for the year-end summary: recognised and spread, per goal and field.

    ``until``: count recognitions and spreadings up to that day only.
    Returns {"recognised", "spread_models", "spreadings", "proposed",
    "by_goal": {goal_id: n}, "by_field": {field_id: n}, "models": [...]}.
    """
    recognised = ExemplaryModel.objects.filter(
        campaign=campaign, status__in=sorted(PUBLIC_STATES)
    )
    spreads = ExemplarSpread.objects.filter(model__campaign=campaign)
    if until is not None:
        recognised = recognised.filter(recognised_on__lte=until)
        spreads = spreads.filter(spread_on__lte=until)
    by_goal = dict(
        recognised.values_list("goals").annotate(n=Count("pk", distinct=True))
    )
    by_field = dict(
        recognised.filter(priority_fields__isnull=False)
        .values_list("priority_fields")
        .annotate(n=Count("pk", distinct=True))
    )
    spread_by_model = dict(
        spreads.values_list("model").annotate(n=Count("pk")).values_list("model", "n")
    )
    models = list(_with_details(recognised).order_by("recognised_on", "name", "pk"))
    for model in models:
        model.spread_count = spread_by_model.get(model.pk, 0)
    return {
        "recognised": len(models),
        "spread_models": sum(1 for m in models if m.spread_count),
        "spreadings": sum(spread_by_model.values()),
        "proposed": ExemplaryModel.objects.filter(campaign=campaign)
        .filter(~Q(status__in=sorted(PUBLIC_STATES)))
        .count(),
        "by_goal": by_goal,
        "by_field": by_field,
        "models": models,
    }
