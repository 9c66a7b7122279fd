"""Decisions: issued and replaced through one pipeline, signed, kept as issued.

The services of an issued decision are importable from here, as before, and
so is ``base_salary_add`` (at home with the award kinds, ``awards.kinds``)."""

from ..kinds.services import base_salary_add
from .services import (
    decision_documents_ensure,
    decision_replace,
    decision_sign,
    signature_data,
)

__all__ = [
    "base_salary_add",
    "decision_documents_ensure",
    "decision_replace",
    "decision_sign",
    "signature_data",
]
