"""Who may see or do what with criteria, score sheets and rankings.

Roles decide who may act; the services decide when (the sheet's state).
"""

import rules

from units.rules import (
    is_council_member,
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    is_unit_head_of,
    reads_everything,
)


@rules.predicate
def sheet_is_published(user, sheet):
    """A locked sheet of a campaign whose ranking the office has published."""
    if sheet is None:
        return False
    from .enums import SheetState
    from .selectors import is_published

    return sheet.state == SheetState.LOCKED and is_published(sheet.campaign_id)


# Criteria and bands: built by the office, read by the council and the chairman.
for model in ("criteriongroup", "criterion", "band", "rankingpublication"):
    rules.add_perm(f"scoring.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"scoring.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"scoring.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"scoring.delete_{model}", is_office_staff | is_sysadmin)

# Score sheets: a unit head sees their own units' sheets (others' only once
# the ranking is published); the office, the council and the chairman read all.
rules.add_perm(
    "scoring.view_scoresheet",
    reads_everything
    | is_sysadmin
    | is_unit_head_of
    | (is_unit_head & sheet_is_published),
)
rules.add_perm("scoring.add_scoresheet", is_office_staff)
rules.add_perm("scoring.change_scoresheet", rules.always_deny)
rules.add_perm("scoring.delete_scoresheet", rules.always_deny)
rules.add_perm("scoring.self_assess_scoresheet", is_unit_head_of)
rules.add_perm("scoring.council_score_scoresheet", is_council_member)
rules.add_perm("scoring.finalise_scoresheet", is_office_staff)
rules.add_perm("scoring.view_evidence", reads_everything | is_unit_head_of)
for model in ("scoreentry", "councilscore"):
    rules.add_perm(f"scoring.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"scoring.add_{model}", rules.always_deny)
    rules.add_perm(f"scoring.change_{model}", rules.always_deny)
    rules.add_perm(f"scoring.delete_{model}", rules.always_deny)

# Ranking and exports: the office, the council and the chairman.
rules.add_perm("scoring.view_ranking", reads_everything)
rules.add_perm("scoring.manage_scoring", is_office_staff)
rules.add_perm("scoring.nominate_from_ranking", is_office_staff)
