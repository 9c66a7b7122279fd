"""The dossier deadline extensions the office grants one unit for one award.

Their services and reads are importable from here; the deadline they extend is
``campaigns.deadlines.dossier_deadline``."""

from .selectors import (
    dossier_due_items,
    dossiers_open_for,
    extensions_of,
    nomination_deadline,
)
from .services import (
    MAX_EXTENSION_DAYS,
    dossier_extension_grant,
    dossier_extension_revoke,
)

__all__ = [
    "MAX_EXTENSION_DAYS",
    "dossier_due_items",
    "dossier_extension_grant",
    "dossier_extension_revoke",
    "dossiers_open_for",
    "extensions_of",
    "nomination_deadline",
]
