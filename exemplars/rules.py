"""Who may see or do what with the register of exemplary models.

Units propose their own models; the Culture-Social office records, recognises
or declines them and records where they are spread. Recognised models (and
their photos) are public. Views, templates and services ask these
permissions through ``core.permissions.has_perm``; the state part comes from
the transition map (``state_allows``).
"""

import rules

from phongquang_portal.core.permissions import state_allows
from units.rules import (
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    is_unit_head_of,
    reads_everything,
)

from .enums import EXEMPLAR_TRANSITIONS, PUBLIC_STATES, UNIT_EDITABLE_STATES
from .enums import ExemplarStatus as X


@rules.predicate
def model_is_public(user, model):
    return model is not None and model.status in PUBLIC_STATES


@rules.predicate
def unit_may_still_edit(user, model):
    return model is not None and model.status in UNIT_EDITABLE_STATES


@rules.predicate
def evidence_is_public_photo(user, evidence):
    return (
        evidence is not None
        and evidence.is_photo
        and evidence.model.status in PUBLIC_STATES
    )


@rules.predicate
def heads_evidence_unit(user, evidence):
    return evidence is not None and is_unit_head_of(user, evidence.model)


reads_register = reads_everything | is_sysadmin


def _may_become(target):
    return state_allows(EXEMPLAR_TRANSITIONS, target, field="status")


# Pages.
rules.add_perm("exemplars.view_public", rules.always_allow)
rules.add_perm("exemplars.view_register", reads_register | is_unit_head)
rules.add_perm("exemplars.view_every_model", reads_register)
rules.add_perm("exemplars.export_register", reads_register)
# obj: an ExemplaryModel.
rules.add_perm("exemplars.view_model", reads_register | is_unit_head_of)
rules.add_perm("exemplars.add_model", is_unit_head | is_office_staff)
# obj: a Unit (whose model it is).
rules.add_perm("exemplars.propose_for_unit", is_unit_head_of | is_office_staff)
rules.add_perm("exemplars.record_for_any_unit", is_office_staff)
rules.add_perm(
    "exemplars.change_model",
    is_office_staff | (is_unit_head_of & unit_may_still_edit),
)
rules.add_perm("exemplars.recognise_model", is_office_staff & _may_become(X.RECOGNISED))
rules.add_perm("exemplars.decline_model", is_office_staff & _may_become(X.DECLINED))
rules.add_perm("exemplars.record_spread", is_office_staff & model_is_public)
# obj: an ExemplarEvidence. Photos of recognised models are public.
rules.add_perm(
    "exemplars.view_evidence",
    evidence_is_public_photo | reads_register | heads_evidence_unit,
)
rules.add_perm("exemplars.view_photo", evidence_is_public_photo)
