"""Reads about the council's meetings: attendance, recusals, ballots and tallies.

The tally is always computed from the ballots (never typed): open votes are
counted from each member's ballot, secret ones read from the running count.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q
from django.utils.translation import gettext_lazy

from units.enums import Role
from units.models import Membership
from units.selectors import member_ties, ties_of

from ..enums import BallotChoice, BallotMode, MeetingState
from ..nominations.models import Nomination
from ..nominations.selectors import nomination_queryset
from .models import (
    CouncilMeeting,
    MeetingAttendance,
    OpenBallot,
    SecretBallotReceipt,
    SecretTally,
    WrittenOpinion,
)

# Why a member does not vote on a nomination: to him, and about him (minutes).
RECUSAL_MESSAGES = {
    "nominee": gettext_lazy("You are the nominee: you do not vote on this nomination."),
    "heads_nominee": gettext_lazy(
        "You head the nominated unit: you do not vote on this nomination."
    ),
    "belongs_nominee": gettext_lazy(
        "Your personal record is in the nominated unit: you do not vote on this "
        "nomination."
    ),
    "heads_proposing": gettext_lazy(
        "You head the proposing unit: you do not vote on this nomination."
    ),
    "belongs_proposing": gettext_lazy(
        "Your personal record is in the proposing unit: you do not vote on this "
        "nomination."
    ),
}

RECUSAL_LABELS = {
    "nominee": gettext_lazy("is the nominee"),
    "heads_nominee": gettext_lazy("heads the nominated unit"),
    "belongs_nominee": gettext_lazy("belongs to the nominated unit"),
    "heads_proposing": gettext_lazy("heads the proposing unit"),
    "belongs_proposing": gettext_lazy("belongs to the proposing unit"),
}


def recusal_code(ties, nomination):
    """Why a member with ``ties`` (units.selectors.MemberTies) may not vote, or ""."""
    if nomination.nominee_person_id and nomination.nominee_person_id == ties.person_id:
        return "nominee"
    tie = ties.unit_ties(nomination.nominee_unit_id)
    if tie:
        return f"{tie}_nominee"
    tie = ties.unit_ties(nomination.proposing_unit_id)
    if tie:
        return f"{tie}_proposing"
    return ""


def nomination_recusal(member, nomination):
    """Why ``member`` does not vote on ``nomination`` (a code of RECUSAL_MESSAGES), or ""."""
    return recusal_code(member_ties(member), nomination)


def sitting_attendance(meeting):
    """The meeting's attendance rows of members on the council as it is.

    A member whose council role was revoked leaves the list and the quorum,
    even if he was marked present before; once the meeting is closed its
    attendance is the record of what happened and stays as it was.
    """
    rows = MeetingAttendance.objects.filter(meeting=meeting)
    if getattr(meeting, "state", None) == MeetingState.CLOSED:
        return rows
    on_council = Membership.objects.filter(
        user_id=OuterRef("member_id"), role=Role.COUNCIL
    )
    return rows.filter(Exists(on_council), member__is_active=True)


def attendance_of(meeting):
    """The meeting's attendance rows with their members, by name (one query)."""
    return list(
        sitting_attendance(meeting)
        .select_related("member")
        .order_by("member__last_name", "member__first_name", "member__username")
    )


def present_ids(meeting):
    """The members present who are on the council (the quorum counts them)."""
    return set(
        sitting_attendance(meeting)
        .filter(present=True)
        .values_list("member_id", flat=True)
    )


def council_counts(meeting):
    """(members present, council members) at ``meeting``, the council as it is."""
    rows = list(sitting_attendance(meeting).values_list("present", flat=True))
    return sum(rows), len(rows)


def missing_ballots(meeting, *, attendance=None):
    """[(nomination, [present members who may vote on it and have not])].

    Only the nominations some member present has not voted on. In a secret
    meeting the caller shows the numbers only, never the names.
    """
    attendance = attendance_of(meeting) if attendance is None else attendance
    present = [a.member for a in attendance if a.present]
    agenda = agenda_of(meeting)
    recused = recusals_of(meeting, agenda, attendance=attendance)
    model = (
        OpenBallot if meeting.ballot_mode == BallotMode.OPEN else SecretBallotReceipt
    )
    voted = set(
        model.objects.filter(meeting=meeting).values_list("nomination_id", "member_id")
    )
    result = []
    for nomination in agenda:
        out = {m.pk for m, _code in recused[nomination.pk]}
        waiting = [
            m for m in present if m.pk not in out and (nomination.pk, m.pk) not in voted
        ]
        if waiting:
            result.append((nomination, waiting))
    return result


def recusals_of(meeting, nominations, *, attendance=None):
    """{nomination pk: [(member, code)]}: present members who do not vote on it."""
    attendance = attendance_of(meeting) if attendance is None else attendance
    present = [a.member for a in attendance if a.present]
    ties = ties_of(present)
    result = {}
    for nomination in nominations:
        lines = []
        for member in present:
            code = recusal_code(ties[member.pk], nomination)
            if code:
                lines.append((member, code))
        result[nomination.pk] = lines
    return result


def _counts(meeting, nomination):
    """{choice: number} of the ballots cast on ``nomination`` at ``meeting``."""
    if meeting.ballot_mode == BallotMode.OPEN:
        rows = (
            OpenBallot.objects.filter(meeting=meeting, nomination=nomination)
            .values("choice")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {row["choice"]: row["n"] for row in rows}
        return {choice: counts.get(choice, 0) for choice in BallotChoice.values}
    tally = SecretTally.objects.filter(meeting=meeting, nomination=nomination).first()
    if tally is None:
        return dict.fromkeys(BallotChoice.values, 0)
    return {
        BallotChoice.FOR.value: tally.votes_for,
        BallotChoice.AGAINST.value: tally.votes_against,
        BallotChoice.ABSTAIN.value: tally.votes_abstain,
    }


def ballot_tally(nomination):
    """The tally of the council's ballots on ``nomination``, computed.

    Returns {"for", "against", "abstain", "present"}: the ballots of each
    kind, and the members present who may vote on it (present at its
    meeting, less those recused). Before a meeting, all zero. A nomination
    voted before member ballots (typed tallies) shows what was typed then.
    """
    # Read again: the meeting is set when its voting opens, maybe after the
    # caller loaded the nomination.
    nomination = Nomination.objects.select_related("meeting").get(pk=nomination.pk)
    meeting = nomination.meeting
    if meeting is None or meeting.typed_tallies:
        typed = nomination.votes_for is not None
        return {
            "for": nomination.votes_for or 0,
            "against": nomination.votes_against or 0,
            "abstain": nomination.votes_abstain or 0,
            "present": (nomination.members_present or 0) if typed else 0,
        }
    counts = _counts(meeting, nomination)
    recused = recusals_of(meeting, [nomination])[nomination.pk]
    present = len(present_ids(meeting)) - len(recused)
    return {
        "for": counts[BallotChoice.FOR],
        "against": counts[BallotChoice.AGAINST],
        "abstain": counts[BallotChoice.ABSTAIN],
        "present": present,
    }


def ballots_cast(meeting):
    """{nomination pk: number of members who have voted} at ``meeting`` (one query)."""
    model = (
        OpenBallot if meeting.ballot_mode == BallotMode.OPEN else SecretBallotReceipt
    )
    rows = (
        model.objects.filter(meeting=meeting)
        .values("nomination_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["nomination_id"]: row["n"] for row in rows}


def my_ballots(meeting, member):
    """{nomination pk: choice (open vote) or True (a secret ballot was cast)}."""
    if member is None or not member.is_authenticated:
        return {}
    if meeting.ballot_mode == BallotMode.OPEN:
        return dict(
            OpenBallot.objects.filter(meeting=meeting, member=member).values_list(
                "nomination_id", "choice"
            )
        )
    return dict.fromkeys(
        SecretBallotReceipt.objects.filter(meeting=meeting, member=member).values_list(
            "nomination_id", flat=True
        ),
        True,
    )


def agenda_of(meeting):
    """The nominations put to ``meeting``, collectives first, by award then dossier."""
    return list(
        nomination_queryset()
        .filter(meeting=meeting)
        .annotate(
            is_individual=ExpressionWrapper(
                Q(nominee_unit__isnull=True), output_field=BooleanField()
            )
        )
        .order_by("award_kind__position", "is_individual", "pk")
    )


def opinions_of(meeting):
    return list(
        WrittenOpinion.objects.filter(meeting=meeting)
        .select_related(
            "member",
            "nomination__nominee_unit",
            "nomination__nominee_person",
            "nomination__nominee_household",
            "nomination__award_kind",
        )
        .order_by("member__last_name", "member__first_name", "nomination_id")
    )


def meetings_of(campaign):
    return list(
        CouncilMeeting.objects.filter(campaign=campaign).order_by("-held_on", "-pk")
    )


def open_meeting(campaign):
    """The campaign's meeting whose ballots are open, or None."""
    return (
        CouncilMeeting.objects.filter(campaign=campaign, state=MeetingState.OPEN)
        .order_by("-held_on", "-pk")
        .first()
    )


@dataclass
class AgendaLine:
    """One nomination at one meeting, as the meeting page and the minutes show it."""

    nomination: Nomination
    tally: dict
    recusals: list
    cast: int
    mine: object = None  # the member's ballot (open: his choice; secret: True)
    my_recusal: str = ""
    may_vote: bool = False  # set by the page, from the permission

    @property
    def passed(self):
        return self.nomination.council_passed

    @property
    def my_recusal_message(self):
        return RECUSAL_MESSAGES.get(self.my_recusal, "")


def agenda_lines(meeting, member=None, *, attendance=None):
    """Every nomination of the meeting with its tally, recusals and ballots cast.

    The tally of a meeting still open is not shown (``tally`` is None) so
    the count does not sway who has yet to vote; who has voted is counted.
    """
    attendance = attendance_of(meeting) if attendance is None else attendance
    agenda = agenda_of(meeting)
    recusals = recusals_of(meeting, agenda, attendance=attendance)
    cast = ballots_cast(meeting)
    mine = my_ballots(meeting, member)
    ties = member_ties(member) if member is not None else None
    present = sum(1 for a in attendance if a.present)
    lines = []
    for nomination in agenda:
        tally = None
        if meeting.typed_tallies:
            tally = ballot_tally(nomination)
        elif meeting.state == MeetingState.CLOSED:
            counts = _counts(meeting, nomination)
            tally = {
                "for": counts[BallotChoice.FOR],
                "against": counts[BallotChoice.AGAINST],
                "abstain": counts[BallotChoice.ABSTAIN],
                "present": present - len(recusals[nomination.pk]),
            }
        lines.append(
            AgendaLine(
                nomination=nomination,
                tally=tally,
                recusals=recusals[nomination.pk],
                cast=cast.get(nomination.pk, 0),
                mine=mine.get(nomination.pk),
                my_recusal=recusal_code(ties, nomination) if ties else "",
            )
        )
    return lines
