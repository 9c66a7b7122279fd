"""Exemplary models cited in a dossier's achievement report (báo cáo thành tích).

A dossier may cite the recognised models of its proposing unit and of the
unit's sub-units (a hamlet and its digital-tech team); the report prints them
in part II. The register itself lives in the exemplars app.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from exemplars.selectors import citable_models
from phongquang_portal.core.activity import log_action
from phongquang_portal.core.permissions import require_perm

from .selectors import nominee_scope_ids


def citable_models_for(unit, campaign):
    """The recognised models a dossier proposed by ``unit`` may cite."""
    if unit is None:
        return citable_models([], campaign)
    return citable_models(nominee_scope_ids(unit), campaign)


@transaction.atomic
def nomination_models_cite(*, nomination, models, actor):
    """Set the models the dossier cites; each must be the unit's and recognised."""
    require_perm(actor, "awards.change_nomination", nomination)
    models = list(models)
    allowed = set(
        citable_models_for(nomination.proposing_unit, nomination.campaign).values_list(
            "pk", flat=True
        )
    )
    if any(model.pk not in allowed for model in models):
        raise ValidationError(
            _("Cite only recognised models of the proposing unit."),
            code="model_not_citable",
        )
    before = set(nomination.cited_models.values_list("pk", flat=True))
    after = {model.pk for model in models}
    if before == after:
        return nomination
    nomination.cited_models.set(models)
    log_action(
        nomination,
        "awards.nomination.models_cited",
        actor=actor,
        data={"models": sorted(model.name for model in models)},
    )
    return nomination
