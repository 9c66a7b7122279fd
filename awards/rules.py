"""Who may see or change nominations; views, the admin and services all ask these."""

import rules

from units.rules import (
    is_chairman,
    is_council_member,
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    reads_everything,
)
from units.selectors import roles_for

from .enums import EDITABLE_STATES


@rules.predicate
def heads_proposing_unit(user, nomination):
    """The user heads the unit that proposes the nomination."""
    if nomination is None:
        return False
    return roles_for(user).heads(nomination.proposing_unit_id)


@rules.predicate
def is_editable(user, nomination):
    return nomination is not None and nomination.state in EDITABLE_STATES


@rules.predicate
def is_superuser(user):
    return user.is_superuser


rules.add_perm("awards.view_awardkind", reads_everything | is_sysadmin)
rules.add_perm("awards.add_awardkind", is_office_staff | is_sysadmin)
rules.add_perm("awards.change_awardkind", is_office_staff | is_sysadmin)
rules.add_perm("awards.delete_awardkind", is_sysadmin)

# Nominations. Unit heads work on their own units' dossiers only; the office
# receives and checks them (and may propose ad-hoc awards itself).
rules.add_perm(
    "awards.view_nomination", reads_everything | heads_proposing_unit | is_sysadmin
)
rules.add_perm("awards.add_nomination", is_unit_head | is_office_staff)
rules.add_perm(
    "awards.change_nomination",
    is_editable & (heads_proposing_unit | is_office_staff),
)
rules.add_perm("awards.delete_nomination", is_superuser)
rules.add_perm("awards.submit_nomination", heads_proposing_unit | is_office_staff)
rules.add_perm("awards.check_nomination", is_office_staff)
rules.add_perm("awards.vote_nomination", is_council_member | is_superuser)
rules.add_perm("awards.approve_nomination", is_chairman)

rules.add_perm("awards.view_decision", reads_everything | is_sysadmin)
rules.add_perm("awards.add_decision", is_office_staff)
rules.add_perm("awards.change_decision", rules.always_deny)
rules.add_perm("awards.delete_decision", rules.always_deny)

rules.add_perm("awards.view_councilmeeting", reads_everything | is_sysadmin)
rules.add_perm("awards.add_councilmeeting", is_office_staff | is_council_member)
rules.add_perm("awards.change_councilmeeting", is_office_staff)
rules.add_perm("awards.delete_councilmeeting", is_sysadmin)

# The "awards" section of the admin index.
rules.add_perm("awards", reads_everything | is_sysadmin)
