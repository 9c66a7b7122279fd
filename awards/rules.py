"""Who may see or do what with nominations and awards: pages, actions, the admin.

Views (``permission_required``), templates (``{% has_perm %}``), the admin
(``PortalModelAdmin``) and the services (``require_perm``) all ask these
permissions. The state part of "may do X now" comes from the workflow's
transition map (``state_allows``), so a button, a page and a service agree.
Approving is the chairman's or a vice-chairman's (``is_leader``), never a
superuser's as such: a superuser is a system administrator.
"""

import rules

from phongquang_portal.core.permissions import state_allows
from units.rules import (
    is_council_chair,
    is_council_member,
    is_leader,
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    is_unit_head_of,
    nobody,
    reads_everything,
)
from units.selectors import roles_for

from .enums import (
    EDITABLE_STATES,
    MEETING_TRANSITIONS,
    NOMINATION_TRANSITIONS,
    SUBMITTED_STATES,
    BallotMode,
    MeetingState,
)
from .enums import NominationState as S


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
def award_kind_used(user, award_kind):
    """A dossier of this award kind has left draft: its rules are fixed."""
    if award_kind is None:
        return False
    return award_kind.nominations.filter(state__in=SUBMITTED_STATES).exists()


@rules.predicate
def award_kind_has_nominations(user, award_kind):
    return award_kind is not None and award_kind.nominations.exists()


@rules.predicate
def meeting_has_votes(user, meeting):
    """The meeting's voting has opened (or nominations are put to it): its
    attendance is fixed and it stays on record."""
    return meeting is not None and (
        meeting.state != MeetingState.PREPARING or meeting.nominations.exists()
    )


@rules.predicate
def meeting_is_preparing(user, meeting):
    return meeting is not None and meeting.state == MeetingState.PREPARING


@rules.predicate
def meeting_is_closed(user, meeting):
    return meeting is not None and meeting.state == MeetingState.CLOSED


def _meeting_of(nomination):
    if nomination is None or not nomination.meeting_id:
        return None
    cache = getattr(nomination, "_meeting_cache", None)
    if cache is None:
        cache = nomination.meeting
        nomination._meeting_cache = cache
    return cache


@rules.predicate
def put_to_open_meeting(user, nomination):
    """The nomination is on the agenda of a meeting whose voting is open."""
    meeting = _meeting_of(nomination)
    return meeting is not None and meeting.state == MeetingState.OPEN


def _present_ids(meeting):
    """The members present at ``meeting``, read once per meeting object."""
    if not hasattr(meeting, "_present_ids"):
        from .council.selectors import present_ids

        meeting._present_ids = present_ids(meeting)
    return meeting._present_ids


def _receipts(meeting, user):
    """The nominations ``user`` has cast a secret ballot on at ``meeting`` (cached)."""
    cache = meeting.__dict__.setdefault("_receipts", {})
    if user.pk not in cache:
        cache[user.pk] = set(
            meeting.ballot_receipts.filter(member=user).values_list(
                "nomination_id", flat=True
            )
        )
    return cache[user.pk]


@rules.predicate
def present_at_its_meeting(user, nomination):
    meeting = _meeting_of(nomination)
    return meeting is not None and user.pk in _present_ids(meeting)


@rules.predicate
def recused_from_nomination(user, nomination):
    """The member is the nominee, or heads or belongs to the nominated or proposing unit."""
    if nomination is None:
        return False
    from .council.selectors import nomination_recusal

    return bool(nomination_recusal(user, nomination))


@rules.predicate
def cast_secret_ballot(user, nomination):
    """The member has cast his secret ballot on the nomination (one only)."""
    meeting = _meeting_of(nomination)
    return (
        meeting is not None
        and meeting.ballot_mode == BallotMode.SECRET
        and nomination.pk in _receipts(meeting, user)
    )


@rules.predicate
def absent_from_meeting(user, meeting):
    return (
        meeting is not None
        and user.pk not in _present_ids(meeting)
        and _sitting(meeting).filter(member=user).exists()
    )


def _sitting(meeting):
    """The attendance of members on the council as it is (issue 17)."""
    from .council.selectors import sitting_attendance

    return sitting_attendance(meeting)


reads_nominations = reads_everything | is_sysadmin

# --- Pages --------------------------------------------------------------------

rules.add_perm("awards.view_nomination_list", reads_nominations | is_unit_head)
rules.add_perm("awards.view_every_nomination", reads_nominations)
rules.add_perm("awards.view_checking_queue", is_office_staff)
rules.add_perm("awards.view_council_board", reads_nominations)
rules.add_perm("awards.view_decision_list", reads_nominations)
rules.add_perm("awards.view_honor_board", rules.always_allow)

# --- Dossiers -----------------------------------------------------------------
# Unit heads work on their own units' dossiers only; the office receives and
# checks them (and may propose ad-hoc awards itself, for any unit).

rules.add_perm("awards.view_nomination", reads_nominations | heads_proposing_unit)
rules.add_perm("awards.add_nomination", is_unit_head | is_office_staff)
rules.add_perm("awards.propose_for_any_unit", is_office_staff)
# obj: a Unit.
rules.add_perm("awards.propose_for_unit", is_office_staff | is_unit_head_of)
rules.add_perm(
    "awards.change_nomination",
    is_editable & (heads_proposing_unit | is_office_staff),
)
rules.add_perm("awards.delete_nomination", nobody)
rules.add_perm(
    "awards.submit_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.SUBMITTED)
    & (heads_proposing_unit | is_office_staff),
)
rules.add_perm(
    "awards.check_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.CHECKED) & is_office_staff,
)
rules.add_perm(
    "awards.return_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.RETURNED) & is_office_staff,
)
rules.add_perm("awards.nominate_from_ranking", is_office_staff)
# The office extends the dossier deadline for one unit and award (obj: the kind).
rules.add_perm("awards.extend_dossier_deadline", is_office_staff)
rules.add_perm("awards.view_extensions", is_office_staff)

# --- Council ------------------------------------------------------------------

# Meetings are recorded, opened and closed by the council's chair or the
# office; each member present casts his own ballots (never on a nomination he
# is tied to; one secret ballot only); an absent member sends his opinion.
runs_meetings = is_office_staff | is_council_chair
rules.add_perm("awards.record_votes", is_council_member)
rules.add_perm(
    "awards.vote_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.VOTED)
    & is_council_member
    & put_to_open_meeting
    & present_at_its_meeting
    & ~recused_from_nomination
    & ~cast_secret_ballot,
)
rules.add_perm("awards.view_meeting", reads_nominations)
rules.add_perm("awards.view_meeting_minutes", reads_nominations & meeting_is_closed)
rules.add_perm("awards.add_councilmeeting", runs_meetings)
rules.add_perm("awards.record_attendance", runs_meetings & meeting_is_preparing)
rules.add_perm(
    "awards.open_meeting",
    runs_meetings & state_allows(MEETING_TRANSITIONS, MeetingState.OPEN),
)
rules.add_perm(
    "awards.close_meeting",
    runs_meetings & state_allows(MEETING_TRANSITIONS, MeetingState.CLOSED),
)
rules.add_perm("awards.count_votes", runs_meetings)
rules.add_perm(
    "awards.send_written_opinion",
    ~meeting_is_closed & ((is_council_member & absent_from_meeting) | runs_meetings),
)
rules.add_perm("awards.record_opinion_for_member", runs_meetings)
rules.add_perm("awards.view_councilmeeting", is_office_staff | is_sysadmin)
rules.add_perm("awards.change_councilmeeting", is_office_staff)
rules.add_perm("awards.delete_councilmeeting", is_office_staff & ~meeting_has_votes)
rules.add_perm("awards.change_attendance", is_office_staff)
rules.add_perm("awards.change_meeting_attendance", is_office_staff & ~meeting_has_votes)
for _model in ("meetingattendance", "writtenopinion"):
    rules.add_perm(f"awards.view_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"awards.add_{_model}", nobody)
    rules.add_perm(f"awards.change_{_model}", nobody)
    rules.add_perm(f"awards.delete_{_model}", nobody)

# --- The chairman's decisions ---------------------------------------------------

rules.add_perm("awards.decide_nominations", is_leader)
rules.add_perm(
    "awards.approve_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.APPROVED) & is_leader,
)
rules.add_perm(
    "awards.reject_nomination",
    state_allows(NOMINATION_TRANSITIONS, S.REJECTED) & is_leader,
)
# Admin scope: who sees dossiers still with the units, the office or the council.
rules.add_perm("awards.view_dossiers_in_progress", is_office_staff | is_sysadmin)

# --- Decisions ------------------------------------------------------------------


@rules.predicate
def decision_not_replaced(user, decision):
    return decision is not None and not decision.is_replaced


rules.add_perm("awards.view_decision", reads_nominations)
rules.add_perm("awards.add_decision", is_office_staff)
rules.add_perm("awards.change_decision", nobody)
rules.add_perm("awards.delete_decision", nobody)
# A mistake is corrected by a new decision replacing the old one, never by editing.
rules.add_perm("awards.replace_decision", is_office_staff & decision_not_replaced)
# The stored PDF is signed digitally by the office (the commune's certificate) or
# the chairman and vice-chairmen.
rules.add_perm("awards.sign_decision", (is_office_staff | is_leader))
# The public verification page of a certificate (/xac-minh/<code>/).
rules.add_perm("awards.verify_certificate", rules.always_allow)
# Issued files, certificate codes: read in the admin, written by the services.
for _model in ("decisiondocument", "awardcertificate"):
    rules.add_perm(f"awards.view_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"awards.add_{_model}", nobody)
    rules.add_perm(f"awards.change_{_model}", nobody)
    rules.add_perm(f"awards.delete_{_model}", nobody)

# --- The base salary (a table with effective dates) ---------------------------------

rules.add_perm("awards.view_basesalary", is_office_staff | is_leader | is_sysadmin)
rules.add_perm("awards.add_basesalary", is_office_staff)
rules.add_perm("awards.change_basesalary", nobody)
rules.add_perm("awards.delete_basesalary", nobody)

# --- Award kinds (the plan's rules) ----------------------------------------------

rules.add_perm("awards.view_awardkind", is_office_staff | is_sysadmin)
rules.add_perm("awards.add_awardkind", is_office_staff)
rules.add_perm("awards.change_awardkind", is_office_staff)
rules.add_perm("awards.delete_awardkind", is_office_staff & ~award_kind_has_nominations)
rules.add_perm("awards.manage_award_rules", is_office_staff)
rules.add_perm("awards.change_award_rules", is_office_staff & ~award_kind_used)

# The "awards" section of the admin index.
rules.add_perm("awards", is_office_staff | is_leader | is_sysadmin)
