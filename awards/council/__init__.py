"""The council: its meetings, attendance, ballots, recusals, board and minutes.

The services that run a meeting are importable from here."""

from .services import (
    ballot_cast,
    council_meeting_record,
    council_pass_share,
    council_quorum,
    meeting_attendance_record,
    meeting_close,
    meeting_open,
    nomination_record_vote,
    quorum_needed,
    vote_passes,
    written_opinion_record,
)

__all__ = [
    "ballot_cast",
    "council_meeting_record",
    "council_pass_share",
    "council_quorum",
    "meeting_attendance_record",
    "meeting_close",
    "meeting_open",
    "nomination_record_vote",
    "quorum_needed",
    "vote_passes",
    "written_opinion_record",
]
