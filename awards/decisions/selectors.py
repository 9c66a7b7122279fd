"""Reads about decisions: a campaign's, a decision's awardees, its stored files and
the check of its digital signature."""

from ..nominations.selectors import nomination_queryset
from .models import Decision


def decision_awardees(decision):
    """The nominations a decision awards, in the decision's order."""
    return list(
        nomination_queryset()
        .filter(decision=decision)
        .order_by("decision_position", "pk")
    )


def decisions_for(campaign):
    return Decision.objects.filter(campaign=campaign).select_related("award_kind")


def stored_document(decision, kind):
    """The stored file of ``kind``, or None."""
    return next((d for d in decision.documents.all() if d.kind == kind), None)


def signature_report(document):
    """What the signature check finds in a signed stored PDF (cached by its SHA-256)."""
    from django.core.cache import cache

    from phongquang_portal.core.signing import verify_pdf

    key = f"awards.signature.{document.sha256}"
    report = cache.get(key)
    if report is None:
        try:
            report = verify_pdf(document.read_bytes())
        except Exception:  # noqa: BLE001 - an unreadable signature is reported, not a 500
            from phongquang_portal.core.signing import SignatureReport

            report = SignatureReport(signed=True, summary="unreadable")
        cache.set(key, report, 3600)
    return report
