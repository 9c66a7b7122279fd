"""Who may see or do what with criteria, score sheets and rankings, and when.

Every page, button, admin screen and service of the scoring app asks one of
these permissions (``core.permissions.has_perm``). The state part of "may do
it now" comes from the sheet's transition map (``state_allows``), or from
the lock of a criterion once a unit has submitted a sheet holding it, and of
the bands once the ranking is published.
"""

import rules

from phongquang_portal.core.permissions import state_allows
from units.rules import (
    is_council_member,
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    is_unit_head_of,
    nobody,
    reads_everything,
)

from .enums import (
    COUNCIL_STATES,
    RANKED_STATES,
    SELF_EDITABLE_STATES,
    SHEET_TRANSITIONS,
    SheetState,
)


def _campaign_id(obj):
    """The campaign an object belongs to (or the campaign itself)."""
    if obj is None:
        return None
    if obj._meta.model_name == "campaign":
        return obj.pk
    return getattr(obj, "campaign_id", None)


@rules.predicate
def sheet_is_published(user, sheet):
    """A locked sheet of a campaign whose ranking the office has published."""
    if sheet is None:
        return False
    from .selectors import is_published

    return sheet.state == SheetState.LOCKED and is_published(sheet.campaign_id)


@rules.predicate
def sheet_is_draft(user, sheet):
    return sheet is not None and sheet.state in SELF_EDITABLE_STATES


@rules.predicate
def sheet_is_open_to_council(user, sheet):
    return sheet is not None and sheet.state in COUNCIL_STATES


@rules.predicate
def sheet_marking_over(user, sheet):
    """The office has finalised the sheet: the council's marking is over."""
    return sheet is not None and sheet.state in RANKED_STATES


@rules.predicate
def sheet_is_reviewed(user, sheet):
    return sheet is not None and sheet.state == SheetState.REVIEWED


@rules.predicate
def recused_from_sheet(user, sheet):
    """The member heads the sheet's unit or his personal record is in it."""
    if sheet is None:
        return False
    from .selectors import sheet_recusal

    return bool(sheet_recusal(user, sheet))


@rules.predicate
def submitted_marks(user, sheet):
    """The council member has submitted his marks on the sheet (they are final)."""
    if sheet is None:
        return False
    from .selectors import submitted_member_ids

    return user.pk in submitted_member_ids(sheet)


@rules.predicate
def criterion_in_use(user, criterion):
    """A unit has submitted a sheet holding this criterion: it is locked."""
    if criterion is None or criterion.pk is None:
        return False
    from .selectors import criterion_in_use as in_use

    return in_use(criterion)


@rules.predicate
def criteria_set_fixed(user, obj):
    """A unit of the object's campaign has submitted its sheet: no criterion comes or goes."""
    campaign_id = _campaign_id(obj)
    if campaign_id is None:
        return False
    from .selectors import criteria_fixed

    return criteria_fixed(campaign_id)


@rules.predicate
def ranking_is_published(user, obj):
    """The ranking of the object's campaign is on the honor board."""
    campaign_id = _campaign_id(obj)
    if campaign_id is None:
        return False
    from .selectors import is_published

    return is_published(campaign_id)


S = SheetState
readers = reads_everything | is_sysadmin

# The admin index shows the Scoring section to those who read it.
rules.add_perm("scoring", readers)

# Criteria, groups and bands: built by the office, read by the council, the
# chairman and the system administrator. A criterion's points, kind, units and
# automatic scoring change only through ``services.criterion_change`` (with a
# reason) and only until a unit submits a sheet holding it; bands only through
# ``services.band_change`` and only until the ranking is published.
for model in ("criteriongroup", "criterion", "band", "rankingpublication"):
    rules.add_perm(f"scoring.view_{model}", readers)
rules.add_perm("scoring.add_criteriongroup", is_office_staff)
rules.add_perm("scoring.change_criteriongroup", is_office_staff)
rules.add_perm("scoring.delete_criteriongroup", is_office_staff & ~criteria_set_fixed)
rules.add_perm("scoring.add_criterion", is_office_staff)
rules.add_perm("scoring.change_criterion", is_office_staff)
rules.add_perm("scoring.delete_criterion", is_office_staff & ~criteria_set_fixed)
rules.add_perm("scoring.amend_criterion", is_office_staff & ~criterion_in_use)
rules.add_perm("scoring.add_band", is_office_staff)
rules.add_perm("scoring.change_band", is_office_staff)
rules.add_perm("scoring.delete_band", is_office_staff & ~ranking_is_published)
rules.add_perm("scoring.amend_band", is_office_staff & ~ranking_is_published)
# Publication happens on the ranking page (logged), never in the admin.
rules.add_perm("scoring.add_rankingpublication", nobody)
rules.add_perm("scoring.change_rankingpublication", nobody)
rules.add_perm("scoring.delete_rankingpublication", nobody)

# Pages of a campaign.
rules.add_perm("scoring.view_honor_board", rules.always_allow)
rules.add_perm("scoring.view_criteria", readers | is_unit_head)
rules.add_perm("scoring.list_sheets", readers | is_unit_head)
rules.add_perm("scoring.view_all_sheets", readers)
rules.add_perm("scoring.import_criteria", is_office_staff)
rules.add_perm("scoring.open_sheets", is_office_staff)

# Score sheets: a unit head sees their own units' sheets (others' only once
# the ranking is published); the office, the council and the chairman read all.
rules.add_perm(
    "scoring.view_scoresheet",
    readers | is_unit_head_of | (is_unit_head & sheet_is_published),
)
rules.add_perm("scoring.view_evidence", reads_everything | is_unit_head_of)
rules.add_perm("scoring.self_assess_scoresheet", is_unit_head_of & sheet_is_draft)
rules.add_perm(
    "scoring.submit_scoresheet",
    is_unit_head_of & sheet_is_draft & state_allows(SHEET_TRANSITIONS, S.SELF_ASSESSED),
)
# Blind marking: a member marks a sheet (not one he is tied to), then submits
# his marks; until then only he sees them, and he sees the council's mean only
# once he has submitted, or once marking is over. The office sees every mark.
may_mark = (
    is_council_member
    & sheet_is_open_to_council
    & ~recused_from_sheet
    & ~submitted_marks
)
rules.add_perm("scoring.mark_sheets", is_council_member)
rules.add_perm("scoring.council_score_scoresheet", may_mark)
rules.add_perm("scoring.submit_council_marks", may_mark)
rules.add_perm("scoring.view_council_marks", is_office_staff)
rules.add_perm(
    "scoring.view_council_mean",
    is_office_staff
    | ~is_council_member
    | submitted_marks
    | recused_from_sheet
    | sheet_marking_over,
)
rules.add_perm(
    "scoring.finalise_scoresheet",
    is_office_staff & state_allows(SHEET_TRANSITIONS, S.REVIEWED),
)
rules.add_perm(
    "scoring.return_scoresheet",
    is_office_staff & state_allows(SHEET_TRANSITIONS, S.DRAFT),
)
rules.add_perm(
    "scoring.reopen_scoresheet",
    is_office_staff
    & sheet_is_reviewed
    & state_allows(SHEET_TRANSITIONS, S.SELF_ASSESSED),
)
rules.add_perm(
    "scoring.lock_scoresheet",
    is_office_staff & state_allows(SHEET_TRANSITIONS, S.LOCKED),
)
# Sheets are opened and moved only by the services (the portal's pages).
rules.add_perm("scoring.add_scoresheet", nobody)
rules.add_perm("scoring.change_scoresheet", nobody)
rules.add_perm("scoring.delete_scoresheet", nobody)
for model in ("scoreentry", "councilscore"):
    rules.add_perm(f"scoring.view_{model}", readers)
    rules.add_perm(f"scoring.add_{model}", nobody)
    rules.add_perm(f"scoring.change_{model}", nobody)
    rules.add_perm(f"scoring.delete_{model}", nobody)

# The ranking, its export and the honor board's publication.
rules.add_perm("scoring.view_ranking", reads_everything)
rules.add_perm("scoring.manage_ranking", is_office_staff)
rules.add_perm("scoring.publish_ranking", is_office_staff & ~ranking_is_published)
rules.add_perm("scoring.withdraw_ranking", is_office_staff & ranking_is_published)
