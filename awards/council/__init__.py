"""The council: its meetings, attendance, ballots, recusals, board and minutes.

The services that run a meeting live in ``awards.council.services``; the ones
other code calls most are importable from here.
"""

from .services import (
    ballot_cast,
    meeting_attendance_record,
    meeting_close,
    meeting_open,
)

__all__ = ["ballot_cast", "meeting_attendance_record", "meeting_close", "meeting_open"]
