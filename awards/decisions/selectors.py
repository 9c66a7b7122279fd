"""Reads about decisions: a campaign's, a decision's awardees, its stored files and
the check of its digital signature."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from ..enums import DecisionDocumentKind, NominationState
from ..nominations.models import Nomination
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


@dataclass
class ChairmanDesk:
    """What waits for the chairman in a campaign (his admin's first page)."""

    to_approve: int = 0
    approved_waiting: int = 0
    to_sign: list = field(default_factory=list)


def chairman_desk(campaign, *, signing):
    """Count the dossiers the council passed and the issued decisions not yet signed.

    ``to_approve``: voted, waiting for his approval; ``approved_waiting``:
    approved, waiting for the office to draw up the decision he signs;
    ``to_sign``: issued decisions in force without a digitally signed copy
    (only when the commune's signing certificate is configured).
    """
    desk = ChairmanDesk()
    if campaign is None:
        return desk
    counts = Nomination.objects.filter(campaign=campaign).aggregate(
        voted=Count("pk", filter=Q(state=NominationState.VOTED)),
        approved=Count("pk", filter=Q(state=NominationState.APPROVED)),
    )
    desk.to_approve = counts["voted"]
    desk.approved_waiting = counts["approved"]
    if signing:
        desk.to_sign = list(
            decisions_for(campaign)
            .filter(replaced_by__isnull=True)
            .exclude(documents__kind=DecisionDocumentKind.DECISION_SIGNED_PDF)
            .order_by("signed_on", "pk")
        )
    return desk
