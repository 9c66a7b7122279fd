"""Old path of the council's reads; they live in ``awards.council.selectors``."""

from .council.selectors import (
    RECUSAL_LABELS,
    RECUSAL_MESSAGES,
    AgendaLine,
    agenda_lines,
    agenda_of,
    attendance_of,
    ballot_tally,
    ballots_cast,
    meetings_of,
    my_ballots,
    nomination_recusal,
    open_meeting,
    opinions_of,
    present_ids,
    recusal_code,
    recusals_of,
)

__all__ = [
    "AgendaLine",
    "RECUSAL_LABELS",
    "RECUSAL_MESSAGES",
    "agenda_lines",
    "agenda_of",
    "attendance_of",
    "ballot_tally",
    "ballots_cast",
    "meetings_of",
    "my_ballots",
    "nomination_recusal",
    "open_meeting",
    "opinions_of",
    "present_ids",
    "recusal_code",
    "recusals_of",
]
