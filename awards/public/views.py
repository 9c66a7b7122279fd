"""Public pages, no login needed: the honor board and a certificate's verification."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request, campaign_pages_namespace
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pagecache import public_page

from ..decisions.models import AwardCertificate
from ..decisions.selectors import signature_report
from ..enums import DecisionDocumentKind
from . import selectors


@require_safe
@permission_required("awards.verify_certificate")
def verify_certificate(request, code):
    """Public: what a certificate's QR code leads to (decision, awardee, award only)."""
    certificate = (
        AwardCertificate.objects.select_related("decision__replaced_by")
        .filter(code=code)
        .first()
    )
    if certificate is None:
        return render(request, "awards/verify.html", {"found": False}, status=404)
    decision = certificate.decision
    entry = next(
        (
            a
            for a in decision.snapshot.get("awardees", [])
            if a.get("verify_code") == code
        ),
        None,
    )
    signed = decision.documents.filter(
        kind=DecisionDocumentKind.DECISION_SIGNED_PDF
    ).first()
    return render(
        request,
        "awards/verify.html",
        {
            "found": True,
            "decision": decision,
            "award": decision.snapshot.get("award", {}).get("name", ""),
            "awardee": entry or {},
            "signed_on": decision.signed_on,
            "replacement": decision.replacement,
            "signature": signature_report(signed) if signed else None,
        },
    )


@require_safe
@permission_required("awards.view_honor_board")
@public_page("awards-honor-board", namespace=campaign_pages_namespace)
def honor_board(request):
    """Public: the decided awards of a campaign (công khai), no login needed."""
    campaign = campaign_from_request(request)
    awards = selectors.honor_board(campaign) if campaign else []
    return render(
        request,
        "awards/honor_board.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "awards": awards,
        },
    )
