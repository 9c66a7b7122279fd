"""An issued decision's documents as files, rendered from its frozen figures (frozen
now for a decision issued before documents were kept)."""

from .documents import (
    render_certificates_blank_pdf,
    render_certificates_pdf,
    render_decision_pdf,
    render_workbook,
    snapshot_context,
    snapshot_rows,
)
from .services import decision_documents_ensure


def _snapshot(decision):
    """The decision's frozen figures (frozen now for a decision issued before)."""
    if not decision.snapshot:
        decision_documents_ensure(decision)
        decision.refresh_from_db()
    return decision.snapshot


def awardee_rows(decision):
    """The awardees of ``decision`` in order, as every document prints them."""
    return snapshot_rows(_snapshot(decision))


def decision_context(decision, rows=None):
    return snapshot_context(_snapshot(decision), rows)


def decision_pdf(decision):
    return render_decision_pdf(_snapshot(decision))


def certificates_pdf(decision, rows=None):
    return render_certificates_pdf(_snapshot(decision), rows)


def certificates_blank_pdf(decision, *, dx_mm=0, dy_mm=0):
    """The blanks' text shifted by dx/dy (mm), rendered again from the frozen figures."""
    return render_certificates_blank_pdf(_snapshot(decision), dx_mm=dx_mm, dy_mm=dy_mm)


def decision_workbook(decision):
    return render_workbook(_snapshot(decision))
