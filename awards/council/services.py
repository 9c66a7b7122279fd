"""The council's meetings, member by member: attendance, ballots, opinions, closing.

A meeting is recorded with the council's members (its attendance is a row per
member, present or not) and whether it votes by secret ballot or openly. The
chair or the office opens it once the members present make a quorum: the
nominations the office has checked are put to it. Each member present casts
one ballot per nomination ("for", "against", "abstain"), except on a
nomination he is tied to (recusal). Secret: the running count and a receipt
that the member has voted are kept, never who voted how, and a second ballot
is refused. Open: the member's choice is kept and a second ballot replaces
the first. Closing the meeting moves each nomination to "voted" with the
tally computed from the ballots (``nomination_record_vote``); after that
nothing changes. An absent member may send a written opinion, kept apart
from the ballots. The services check the actor's permission, lock the
meeting's row and write the activity log.
"""

import fractions

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import ensure_transition, log_action, transition
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import has_perm, real_user, require_perm
from phongquang_portal.core.validators import has_control_characters
from units.selectors import council_chair, council_members

from ..common.services import sync_fields
from ..enums import (
    MEETING_TRANSITIONS,
    NOMINATION_TRANSITIONS,
    OPINION_MAX_CHARS,
    BallotChoice,
    BallotMode,
    MeetingState,
    NominationState,
)
from ..nominations.models import Nomination
from .models import (
    CouncilMeeting,
    MeetingAttendance,
    OpenBallot,
    SecretBallotReceipt,
    SecretTally,
    WrittenOpinion,
)
from .selectors import (
    RECUSAL_MESSAGES,
    ballot_tally,
    council_counts,
    missing_ballots,
    nomination_recusal,
    present_ids,
    sitting_attendance,
)

S = NominationState


def council_quorum():
    """The share of council members that must be present (default 2/3)."""
    return fractions.Fraction(str(getattr(settings, "COUNCIL_QUORUM", "2/3")))


def council_pass_share():
    """A nomination passes with more than this share of the members voting (1/2)."""
    return fractions.Fraction(str(getattr(settings, "COUNCIL_PASS_SHARE", "1/2")))


def quorum_needed(members_total):
    """The smallest number of members present that makes a quorum."""
    needed = members_total * council_quorum()
    return int(needed) if needed.denominator == 1 else int(needed) + 1


def vote_passes(votes_for, members_present):
    """More than half (configurable) of the members present who may vote voted for."""
    return votes_for > members_present * council_pass_share()


def _ensure_quorum(members_present, members_total):
    if members_present < quorum_needed(members_total):
        raise ValidationError(
            _(
                "No quorum: %(present)s of %(total)s council members are present; "
                "at least %(needed)s are needed."
            )
            % {
                "present": members_present,
                "total": members_total,
                "needed": quorum_needed(members_total),
            },
            code="quorum",
        )


def _count_the_council(meeting):
    """Store who is present and the council's size, the council as it is today."""
    meeting.members_present, meeting.members_total = council_counts(meeting)
    meeting.save(update_fields=["members_present", "members_total"])


def _ensure_called_day(meeting):
    """The voting opens on the day the meeting was called for, never before."""
    today = timezone.localdate()
    if today < meeting.held_on:
        raise ValidationError(
            _(
                "The meeting is called for %(date)s: its voting cannot open before "
                "that day (today is %(today)s)."
            )
            % {
                "date": meeting.held_on.strftime("%d/%m/%Y"),
                "today": today.strftime("%d/%m/%Y"),
            },
            code="before_meeting_day",
        )


def _lock_meeting(meeting):
    return CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)


def _member_ids(members):
    return {getattr(m, "pk", m) for m in members or ()}


def _names(user_ids):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=user_ids)
    return sorted(user_display_name(u) for u in users)


@transaction.atomic
def council_meeting_record(
    *,
    campaign,
    held_on,
    actor,
    notes="",
    ballot_mode=BallotMode.SECRET,
    present=(),
    secretary=None,
):
    """Record a council meeting with every council member's attendance.

    Every member of the council today gets an attendance row (``present``:
    those already known to be there); the number of members is the council's
    size, for the quorum. The chair or the office opens the voting later,
    once enough members are present.
    """
    require_perm(actor, "awards.add_councilmeeting")
    if ballot_mode not in BallotMode.values:
        raise ValidationError(_("Choose how the meeting votes."), code="ballot_mode")
    if held_on is None:
        raise ValidationError(_("Enter the meeting date."), code="held_on")
    if has_control_characters(notes or ""):
        raise ValidationError(
            _(
                "The text contains invisible control characters (often pasted from "
                "another program). Please retype or paste it as plain text."
            ),
            code="control_characters",
        )
    members = council_members()
    if not members:
        raise ValidationError(
            _("The council has no members yet: the system administrator grants them."),
            code="no_council",
        )
    present_ids_ = _member_ids(present)
    unknown = present_ids_ - {m.pk for m in members}
    if unknown:
        raise ValidationError(
            _("Only council members can be present at its meeting."),
            code="not_a_member",
        )
    meeting = CouncilMeeting.objects.create(
        campaign=campaign,
        held_on=held_on,
        members_total=len(members),
        members_present=len(present_ids_),
        notes=notes or "",
        ballot_mode=ballot_mode,
        recorded_by=real_user(actor),
        secretary=real_user(secretary) or real_user(actor),
    )
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=meeting, member=m, present=m.pk in present_ids_)
        for m in members
    )
    log_action(
        meeting,
        "awards.council.meeting_recorded",
        actor=actor,
        to_state=meeting.state,
        data={
            "present": len(present_ids_),
            "total": len(members),
            "ballots": ballot_mode,
        },
    )
    return meeting


@transaction.atomic
def meeting_attendance_record(*, meeting, present, actor, reason=""):
    """Say which council members are present, before the voting opens.

    ``present``: the members (or their ids) present; every other member of
    the meeting is absent. The change (who came, who left) is logged.
    """
    locked = _lock_meeting(meeting)
    require_perm(actor, "awards.view_meeting", locked)
    if locked.state != MeetingState.PREPARING:
        raise ValidationError(
            _("The voting has opened: the attendance no longer changes."),
            code="attendance_locked",
        )
    require_perm(actor, "awards.record_attendance", locked)
    wanted = _member_ids(present)
    rows = list(sitting_attendance(locked))
    if wanted - {row.member_id for row in rows}:
        raise ValidationError(
            _("Only council members can be present at its meeting."),
            code="not_a_member",
        )
    came = [
        row.member_id for row in rows if row.member_id in wanted and not row.present
    ]
    left = [
        row.member_id for row in rows if row.present and row.member_id not in wanted
    ]
    if not came and not left:
        return sync_fields(meeting, locked)
    for row in rows:
        row.present = row.member_id in wanted
    MeetingAttendance.objects.bulk_update(rows, ["present"])
    old_present = locked.members_present
    _count_the_council(locked)
    log_action(
        locked,
        "awards.council.attendance_recorded",
        actor=actor,
        reason=(reason or "").strip(),
        data={
            "present": _names(came),
            "absent": _names(left),
            "changes": {
                "members_present": {
                    "label": str(
                        CouncilMeeting._meta.get_field("members_present").verbose_name
                    ),
                    "old": str(old_present),
                    "new": str(locked.members_present),
                }
            },
        },
    )
    return sync_fields(meeting, locked)


@transaction.atomic
def meeting_open(*, meeting, actor):
    """Open the voting: the quorum is checked and the checked nominations are put to it.

    The meeting is chaired by the council's chair when he is present.
    """
    locked = _lock_meeting(meeting)
    require_perm(actor, "awards.view_meeting", locked)
    ensure_transition(locked, MeetingState.OPEN, MEETING_TRANSITIONS)
    require_perm(actor, "awards.open_meeting", locked)
    _ensure_called_day(locked)
    # A member whose council role was revoked no longer counts (issue 17).
    _count_the_council(locked)
    _ensure_quorum(locked.members_present, locked.members_total)
    agenda = Nomination.objects.select_for_update(of=("self",)).filter(
        campaign_id=locked.campaign_id, state=S.CHECKED, meeting__isnull=True
    )
    put = list(agenda.values_list("pk", flat=True))
    if not put and not locked.nominations.exists():
        raise ValidationError(
            _("No checked dossier is waiting for the council."),
            code="nothing_to_vote",
        )
    Nomination.objects.filter(pk__in=put).update(meeting=locked)
    chair = council_chair()
    present = present_ids(locked)
    locked.chair = chair if chair is not None and chair.pk in present else None
    locked.opened_at = timezone.now()
    transition(
        locked,
        MeetingState.OPEN,
        actor=actor,
        action="awards.council.meeting_opened",
        transitions=MEETING_TRANSITIONS,
        extra_fields=("chair", "opened_at"),
        data={"nominations": put, "present": locked.members_present},
    )
    return sync_fields(meeting, locked)


def ballots_missing_count(meeting):
    """How many ballots the members present still owe, dossier by dossier."""
    return sum(len(waiting) for _n, waiting in missing_ballots(meeting))


@transaction.atomic
def meeting_close(*, meeting, actor, reason=""):
    """Close the voting: each nomination put to it is voted with its computed tally.

    When members present have not voted on every dossier, the chair confirms
    by saying why (``reason``): it goes into the activity log and the minutes.
    Members whose council role was revoked leave the attendance for good.
    After closing nothing changes: no ballot, no opinion, no attendance.
    """
    locked = _lock_meeting(meeting)
    require_perm(actor, "awards.view_meeting", locked)
    ensure_transition(locked, MeetingState.CLOSED, MEETING_TRANSITIONS)
    require_perm(actor, "awards.close_meeting", locked)
    reason = (reason or "").strip()
    missing = ballots_missing_count(locked)
    if missing and not reason:
        raise ValidationError(
            _(
                "%(count)s ballots of members present are missing: confirm the "
                "closing and say why."
            )
            % {"count": missing},
            code="ballots_missing",
        )
    if has_control_characters(reason):
        raise ValidationError(
            _(
                "The text contains invisible control characters (often pasted from "
                "another program). Please retype or paste it as plain text."
            ),
            code="control_characters",
        )
    gone = MeetingAttendance.objects.filter(meeting=locked).exclude(
        pk__in=sitting_attendance(locked).values("pk")
    )
    left_council = _names(gone.values_list("member_id", flat=True))
    gone.delete()
    _count_the_council(locked)
    locked.closed_at = timezone.now()
    locked.close_reason = reason if missing else ""
    transition(
        locked,
        MeetingState.CLOSED,
        actor=actor,
        action="awards.council.meeting_closed",
        transitions=MEETING_TRANSITIONS,
        reason=locked.close_reason,
        extra_fields=("closed_at", "close_reason"),
        data={"ballots_missing": missing, "left_council": left_council},
    )
    voted = []
    for nomination in Nomination.objects.filter(
        meeting=locked, state=S.CHECKED
    ).order_by("pk"):
        nomination_record_vote(nomination=nomination, actor=actor)
        voted.append(nomination.pk)
    log_action(
        locked,
        "awards.council.meeting_results",
        actor=actor,
        data={"voted": voted},
    )
    return sync_fields(meeting, locked)


@transaction.atomic
def nomination_record_vote(*, nomination, actor):
    """Checked → voted with the tally computed from the ballots of its closed meeting.

    Passed when more than half (``COUNCIL_PASS_SHARE``) of the members
    present who may vote on it (recused members do not) voted for. Nobody
    types a number: ``meeting_close`` runs this for each nomination.
    """
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("campaign", "award_kind")
        .get(pk=nomination.pk)
    )
    meeting = (
        CouncilMeeting.objects.filter(pk=locked.meeting_id).first()
        if locked.meeting_id
        else None
    )
    if meeting is None or meeting.state != MeetingState.CLOSED:
        raise ValidationError(
            _(
                "The council votes at a meeting: the tally is counted when the "
                "meeting is closed."
            ),
            code="meeting_not_closed",
        )
    require_perm(actor, "awards.view_meeting", meeting)
    ensure_transition(locked, S.VOTED, NOMINATION_TRANSITIONS)
    require_perm(actor, "awards.count_votes", meeting)
    tally = ballot_tally(locked)
    passed = vote_passes(tally["for"], tally["present"])
    locked.votes_for = tally["for"]
    locked.votes_against = tally["against"]
    locked.votes_abstain = tally["abstain"]
    locked.members_present = tally["present"]
    locked.council_passed = passed
    transition(
        locked,
        S.VOTED,
        actor=actor,
        action="awards.nomination.voted",
        transitions=NOMINATION_TRANSITIONS,
        extra_fields=(
            "votes_for",
            "votes_against",
            "votes_abstain",
            "members_present",
            "council_passed",
        ),
        data={**tally, "passed": passed, "meeting": meeting.pk},
    )
    return sync_fields(nomination, locked)


def _ensure_may_vote(meeting, nomination, member):
    """The refusals a member reads when he may not vote (each with its code)."""
    if not has_perm(member, "awards.record_votes"):
        require_perm(member, "awards.vote_nomination", nomination)
    if meeting is None:
        raise ValidationError(
            _("This nomination is not put to a council meeting."),
            code="not_on_agenda",
        )
    if meeting.state == MeetingState.CLOSED:
        raise ValidationError(
            _("The meeting is closed: its ballots no longer change."),
            code="meeting_closed",
        )
    if meeting.state != MeetingState.OPEN:
        raise ValidationError(
            _("The voting of this meeting has not opened yet."), code="meeting_not_open"
        )
    if nomination.state != S.CHECKED:
        raise ValidationError(
            _("This nomination is no longer put to the vote."), code="state"
        )
    if member.pk not in present_ids(meeting):
        raise ValidationError(
            _(
                "You are not recorded as present at this meeting: an absent member "
                "may send a written opinion instead."
            ),
            code="absent",
        )
    recusal = nomination_recusal(member, nomination)
    if recusal:
        raise ValidationError(RECUSAL_MESSAGES[recusal], code="recused")
    if (
        meeting.ballot_mode == BallotMode.SECRET
        and SecretBallotReceipt.objects.filter(
            meeting=meeting, nomination=nomination, member=member
        ).exists()
    ):
        raise ValidationError(
            _("You have already cast your secret ballot on this nomination."),
            code="already_voted",
        )


@transaction.atomic
def ballot_cast(*, nomination, member, choice):
    """One council member's ballot on one nomination: "for", "against" or "abstain".

    Secret ballot: the count goes up and a receipt records that the member
    has voted (not how); a second ballot is refused. Open vote: the member's
    choice is kept, and a second ballot before closing replaces the first.
    """
    if choice not in BallotChoice.values:
        raise ValidationError(_("Vote for, against or abstain."), code="ballot_choice")
    meeting_id = (
        Nomination.objects.filter(pk=nomination.pk)
        .values_list("meeting_id", flat=True)
        .first()
    )
    meeting = (
        CouncilMeeting.objects.select_for_update().filter(pk=meeting_id).first()
        if meeting_id
        else None
    )
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("proposing_unit")
        .get(pk=nomination.pk)
    )
    _ensure_may_vote(meeting, locked, member)
    require_perm(member, "awards.vote_nomination", locked)
    if meeting.ballot_mode == BallotMode.SECRET:
        _receipt, created = SecretBallotReceipt.objects.get_or_create(
            meeting=meeting, nomination=locked, member=member
        )
        if not created:
            raise ValidationError(
                _("You have already cast your secret ballot on this nomination."),
                code="already_voted",
            )
        tally, _new = SecretTally.objects.select_for_update().get_or_create(
            meeting=meeting, nomination=locked
        )
        field = {
            BallotChoice.FOR: "votes_for",
            BallotChoice.AGAINST: "votes_against",
            BallotChoice.ABSTAIN: "votes_abstain",
        }[BallotChoice(choice)]
        setattr(tally, field, getattr(tally, field) + 1)
        tally.save(update_fields=[field])
        # Neither who voted on which dossier nor how: the entry names the
        # meeting only, with no actor (an actor beside a dossier, or a count
        # of entries per member, would tell who voted on what).
        log_action(meeting, "awards.ballot.cast_secret", actor=None)
        return None
    ballot, created = OpenBallot.objects.update_or_create(
        meeting=meeting,
        nomination=locked,
        member=member,
        defaults={"choice": choice},
    )
    log_action(
        locked,
        "awards.ballot.cast_open" if created else "awards.ballot.replaced",
        actor=member,
        data={"meeting": meeting.pk, "choice": choice},
    )
    return ballot


@transaction.atomic
def written_opinion_record(*, meeting, member, text, actor, nomination=None):
    """An absent member's written opinion, sent by him or recorded by the office.

    Kept apart from the ballots (it is read into the minutes, never counted);
    a second opinion on the same nomination replaces the first, until the
    meeting closes.
    """
    locked = _lock_meeting(meeting)
    require_perm(actor, "awards.view_meeting", locked)
    if locked.state == MeetingState.CLOSED:
        raise ValidationError(
            _("The meeting is closed: its record no longer changes."),
            code="meeting_closed",
        )
    require_perm(actor, "awards.send_written_opinion", locked)
    if real_user(actor) is not None and actor.pk != member.pk:
        require_perm(actor, "awards.record_opinion_for_member", locked)
    attendance = MeetingAttendance.objects.filter(meeting=locked, member=member).first()
    if attendance is None:
        raise ValidationError(
            _("Only council members can send an opinion to its meeting."),
            code="not_a_member",
        )
    if attendance.present:
        raise ValidationError(
            _(
                "A member present votes at the meeting; written opinions are for absent members."
            ),
            code="member_present",
        )
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the opinion."), code="opinion_required")
    if len(text) > OPINION_MAX_CHARS or has_control_characters(text):
        raise ValidationError(
            _(
                "An opinion has at most %(max)s characters, without invisible "
                "control characters."
            )
            % {"max": OPINION_MAX_CHARS},
            code="opinion_invalid",
        )
    if nomination is not None and nomination.meeting_id not in (None, locked.pk):
        raise ValidationError(
            _("This nomination is put to another meeting."), code="not_on_agenda"
        )
    opinion, created = WrittenOpinion.objects.update_or_create(
        meeting=locked,
        member=member,
        nomination=nomination,
        defaults={"text": text, "recorded_by": real_user(actor)},
    )
    log_action(
        locked,
        "awards.council.opinion_recorded",
        actor=actor,
        data={
            "member": user_display_name(member),
            "nomination": nomination.pk if nomination else None,
            "replaced": not created,
        },
    )
    return opinion
