"""Old path of the council's minutes; they live in ``awards.council.documents``."""

from .council.documents import (
    COUNCIL_NAME,
    MODE,
    RECUSAL_WHY,
    RESULT,
    MinutesRow,
    minutes_context,
    minutes_docx,
    minutes_layout,
    minutes_pdf,
    minutes_sentences,
)

__all__ = [
    "COUNCIL_NAME",
    "MODE",
    "MinutesRow",
    "RECUSAL_WHY",
    "RESULT",
    "minutes_context",
    "minutes_docx",
    "minutes_layout",
    "minutes_pdf",
    "minutes_sentences",
]
