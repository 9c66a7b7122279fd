"""The decisions' pages: issue, read, replace, sign, and the files kept as issued."""

import decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.confirm import ConfirmStep, confirm_step, is_confirmed
from phongquang_portal.core.counters import counter_peek
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.pdf import pdf_response
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import serve_stored

from ..common.views import error_text
from ..enums import DecisionDocumentKind, NominationState
from ..nominations.selectors import nomination_queryset, quota_panel
from . import exports, selectors, services
from .documents import document_filename, snapshot_rows
from .forms import BlankOffsetForm, DecisionForm, DecisionReplaceForm
from .models import Decision

S = NominationState


def _decision(request, pk, **kwargs):
    return get_object_or_404(
        Decision.objects.select_related("campaign", "award_kind"), pk=pk
    )


@permission_required("awards.view_decision_list")
def decision_list(request):
    """The office issues decisions; everyone who reads everything sees them."""
    campaign = campaign_from_request(request)
    if campaign is None:
        raise Http404
    form = DecisionForm(
        request.POST or None,
        campaign=campaign,
        next_number=counter_peek(
            services.decision_counter_key(timezone.localdate().year)
        ),
    )
    if request.method == "POST":
        if not has_perm(request.user, "awards.add_decision"):
            raise Http404
        if form.is_valid() and not is_confirmed(request):
            return _issue_step(request, campaign, form)
        if form.is_valid():
            try:
                decision = services.decision_issue(
                    campaign=campaign, actor=request.user, **form.issue_arguments()
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Decision %(number)s is issued.")
                    % {"number": decision.full_number},
                )
                return redirect(decision)
    approved = list(
        nomination_queryset()
        .filter(campaign=campaign, state=S.APPROVED)
        .order_by("award_kind__position", "pk")
    )
    return render(
        request,
        "awards/decision_list.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "decisions": list(selectors.decisions_for(campaign)),
            "approved": approved,
            "form": form,
            "quota": quota_panel(campaign),
        },
    )


def _issue_step(request, campaign, form):
    """Show what the decision will award before it is numbered and frozen."""
    data = form.cleaned_data
    kind = data["award_kind"]
    count = (
        nomination_queryset()
        .filter(campaign=campaign, award_kind=kind, state=S.APPROVED)
        .count()
    )
    return confirm_step(
        request,
        ConfirmStep(
            title=_("Issue the decision?"),
            lines=[
                _(
                    "%(award)s: %(count)s approved nominations, signed on %(date)s, "
                    "number %(number)s."
                )
                % {
                    "award": kind.name,
                    "count": count,
                    "date": data["signed_on"].strftime("%d/%m/%Y"),
                    "number": data["number"] or _("the next of the year"),
                },
                _(
                    "Once issued, the decision's number, list and documents are kept "
                    "as issued and no longer change; a correction takes a replacing "
                    "decision."
                ),
            ],
            action=request.get_full_path(),
            back=request.get_full_path(),
            button=_("Issue the decision"),
            fields=[
                (name, value)
                for name, value in request.POST.items()
                if name not in ("csrfmiddlewaretoken", "confirmed")
            ],
        ),
    )


def _decision_page(request, decision, *, replace_form=None, status=200):
    from phongquang_portal.core.signing import signing_configured

    documents = services.decision_documents_ensure(decision)
    snapshot = decision.snapshot
    rows = snapshot_rows(snapshot)
    signed = documents.get(DecisionDocumentKind.DECISION_SIGNED_PDF)
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "snapshot": snapshot,
            "rows": rows,
            "total": sum(r.prize_amount for r in rows),
            "documents": [
                documents[kind]
                for kind in DecisionDocumentKind.values
                if kind in documents
            ],
            "signed": signed,
            "signature": selectors.signature_report(signed) if signed else None,
            "signing_configured": signing_configured(),
            "replacement": decision.replacement,
            "offset_form": BlankOffsetForm(),
            "replace_form": replace_form
            or DecisionReplaceForm(
                decision=decision,
                initial={"signed_on": timezone.localdate()},
            ),
        },
        status=status,
    )


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_detail(request, pk, decision):
    return _decision_page(request, decision)


@require_POST
@permission_required("awards.replace_decision", _decision, obj_arg="decision")
def decision_replace(request, pk, decision):
    """A new decision replacing this one (the mistake corrected at its source)."""
    form = DecisionReplaceForm(request.POST, decision=decision)
    if form.is_valid():
        data = form.cleaned_data
        try:
            new = services.decision_replace(
                decision=decision,
                number=data["number"],
                signed_on=data["signed_on"],
                signer=data["signer"],
                reason=data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Decision %(new)s is issued; it replaces decision %(old)s.")
                % {"new": new.full_number, "old": decision.full_number},
            )
            return redirect(new)
    return _decision_page(request, decision, replace_form=form, status=200)


@require_POST
@permission_required("awards.sign_decision", _decision, obj_arg="decision")
def decision_sign(request, pk, decision):
    try:
        services.decision_sign(decision=decision, actor=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("Decision %(number)s is signed digitally.")
            % {"number": decision.full_number},
        )
    return redirect(decision)


def _serve(decision, kind):
    document = services.decision_documents_ensure(decision).get(kind)
    if document is None:
        raise Http404
    return serve_stored(document, document_filename(kind, decision.snapshot))


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_pdf(request, pk, decision):
    """The decision's PDF as issued: the stored bytes, whatever changed since."""
    return _serve(decision, DecisionDocumentKind.DECISION_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_signed_pdf(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.DECISION_SIGNED_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def certificates_pdf(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.CERTIFICATES_PDF)


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def certificates_blank_pdf(request, pk, decision):
    """The certificates for pre-printed blanks: the stored file, or with a printer's
    offsets (dx/dy mm) rendered again from the decision's frozen figures."""
    form = BlankOffsetForm(request.GET or None)
    dx = dy = decimal.Decimal(0)
    if form.is_valid():
        dx = form.cleaned_data.get("dx") or 0
        dy = form.cleaned_data.get("dy") or 0
    if not dx and not dy:
        return _serve(decision, DecisionDocumentKind.CERTIFICATES_BLANK_PDF)
    return pdf_response(
        exports.certificates_blank_pdf(decision, dx_mm=float(dx), dy_mm=float(dy)),
        f"giay-khen-in-phoi-{decision.number}-{decision.year}-lech.pdf",
    )


@require_safe
@permission_required("awards.view_decision", _decision, obj_arg="decision")
def decision_xlsx(request, pk, decision):
    return _serve(decision, DecisionDocumentKind.DECISION_XLSX)
