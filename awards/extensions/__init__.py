"""The dossier deadline extensions the office grants one unit for one award.

Their services and reads are importable from here."""

from .selectors import (
    dossier_deadline_for,
    dossier_due_items,
    dossier_extension_for,
    dossiers_open_for,
    extensions_of,
)
from .services import (
    MAX_EXTENSION_DAYS,
    dossier_extension_grant,
    dossier_extension_revoke,
)

__all__ = [
    "MAX_EXTENSION_DAYS",
    "dossier_deadline_for",
    "dossier_due_items",
    "dossier_extension_for",
    "dossier_extension_grant",
    "dossier_extension_revoke",
    "dossiers_open_for",
    "extensions_of",
]
