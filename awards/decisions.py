"""After a decision is issued: its replacement, its digital signature, the base salary.

An issued decision is never edited. A mistake (a misspelt name, a wrong
signer) is corrected at its source and a new decision *replaces* the old one:
both are kept and linked both ways, the old one's pages and verification
page say it was replaced, and its certificates' codes answer so. The stored
decision PDF may be signed digitally (PAdES): the signed bytes are a new
stored document with their own SHA-256, the unsigned file is kept.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core import signing
from phongquang_portal.core.activity import log_action, required_reason
from phongquang_portal.core.permissions import SYSTEM, real_user, require_perm
from phongquang_portal.core.uploads import store_document
from phongquang_portal.core.versions import campaign_pages_changed

from .documents import (
    PDF,
    build_snapshot,
    document_filename,
    freeze_decision,
    store_rendered,
    stored_document,
)
from .enums import BASE_SALARY_MAX, BASE_SALARY_MIN, DecisionDocumentKind
from .enums import NominationState as S
from .models import AwardCertificate, BaseSalary, Decision, DecisionDocument, Nomination
from .services import (
    _decision_number,
    base_salary_on,
    decision_order,
    ensure_households_named,
    signer_info,
)


def _locked_decision(decision):
    return (
        Decision.objects.select_for_update(of=("self",))
        .select_related("campaign", "award_kind__prize_basis")
        .get(pk=decision.pk)
    )


@transaction.atomic
def decision_replace(*, decision, signed_on, actor, reason, number=None, signer=None):
    """Issue a new decision for the same awardees that replaces ``decision``.

    The awardees keep their golden-book numbers; names, categories and prize
    money are read again (the base salary in force on the new date), each
    certificate gets a new code, and the documents are frozen anew. The old
    decision stays as it was, marked as replaced.
    """
    require_perm(actor, "awards.replace_decision", decision)
    reason = required_reason(
        reason, _("Say what the new decision corrects in the old one.")
    )
    old = _locked_decision(decision)
    if old.is_replaced:
        raise ValidationError(
            _("Decision %(number)s has already been replaced by decision %(new)s.")
            % {"number": old.full_number, "new": old.replacement.full_number},
            code="already_replaced",
        )
    if signed_on is None:
        raise ValidationError(_("Enter the signing date."), code="signed_on")
    if signed_on < old.signed_on:
        raise ValidationError(
            _("The new decision cannot be dated before the one it replaces (%(date)s).")
            % {"date": old.signed_on.strftime("%d/%m/%Y")},
            code="replacement_date",
        )
    nominations = decision_order(
        Nomination.objects.select_for_update(of=("self",))
        .filter(decision=old, state=S.DECIDED)
        .select_related(
            "campaign",
            "award_kind",
            "nominee_unit__parent",
            "nominee_person__unit",
            "nominee_household__hamlet",
        )
    )
    if not nominations:
        raise ValidationError(
            _("Decision %(number)s awards no one any more: nothing to replace.")
            % {"number": old.full_number},
            code="nothing_to_replace",
        )
    ensure_households_named(nominations)
    base_salary = base_salary_on(signed_on)
    signer = signer_info(signer)
    kind = old.award_kind
    new = Decision.objects.create(
        campaign=old.campaign,
        award_kind=kind,
        number=_decision_number(number, signed_on.year),
        signed_on=signed_on,
        signer_name=signer["name"],
        signer_id=signer["user"],
        issued_by=real_user(actor),
        replaces=old,
        replacement_reason=reason,
    )
    for position, nomination in enumerate(nominations, start=1):
        nomination.decision = new
        nomination.decision_position = position
        nomination.prize_amount = kind.prize_amount(
            nomination.nominee_type, base_salary=base_salary.amount
        )
        nomination.save(
            update_fields=[
                "decision",
                "decision_position",
                "prize_amount",
                "updated_at",
            ]
        )
        log_action(
            nomination,
            "awards.nomination.redecided",
            actor=actor,
            reason=reason,
            data={"from": old.full_number, "to": new.full_number},
        )
    documents = freeze_decision(
        decision=new,
        kind=kind,
        nominations=nominations,
        base_salary=base_salary,
        signer=signer,
        actor=actor,
    )
    log_action(
        old,
        "awards.decision.replaced",
        actor=actor,
        reason=reason,
        data={"replaced_by": new.pk, "number": new.full_number},
    )
    log_action(
        new,
        "awards.decision.issued",
        actor=actor,
        reason=reason,
        data={
            "replaces": old.pk,
            "nominations": [n.pk for n in nominations],
            "base_salary": base_salary.amount,
            "signer": signer["name"],
            "documents": {doc.kind: doc.sha256 for doc in documents},
        },
    )
    campaign_pages_changed(new.campaign_id)
    return new


@transaction.atomic
def decision_sign(*, decision, actor):
    """Sign the stored decision PDF (PAdES) with the commune's certificate.

    The signed bytes become a new stored document with their own SHA-256;
    the unsigned file stays as issued.
    """
    require_perm(actor, "awards.sign_decision", decision)
    locked = _locked_decision(decision)
    if not signing.signing_configured():
        raise ValidationError(
            _("No signing certificate is configured (SIGNING_P12_PATH)."),
            code="signing_not_configured",
        )
    if locked.is_replaced:
        raise ValidationError(
            _("Decision %(number)s was replaced: it is no longer signed.")
            % {"number": locked.full_number},
            code="replaced",
        )
    if stored_document(locked, DecisionDocumentKind.DECISION_SIGNED_PDF):
        raise ValidationError(
            _("Decision %(number)s is already signed.")
            % {"number": locked.full_number},
            code="already_signed",
        )
    unsigned = decision_documents_ensure(locked).get(DecisionDocumentKind.DECISION_PDF)
    try:
        signed = signing.sign_pdf(
            unsigned.read_bytes(),
            reason=f"Quyết định số {locked.full_number}",
            location=f"xã {settings.COMMUNE_NAME}",
        )
        report = signing.verify_pdf(signed)
    except Exception as exc:  # noqa: BLE001 - a bad key file is refused, never a 500
        raise ValidationError(
            _("The decision could not be signed: %(error)s") % {"error": exc},
            code="signing_failed",
        ) from exc
    document = store_document(
        DecisionDocument(
            decision=locked,
            kind=DecisionDocumentKind.DECISION_SIGNED_PDF,
            created_by=real_user(actor),
            signature=signature_data(report),
        ),
        signed,
        document_filename(DecisionDocumentKind.DECISION_SIGNED_PDF, locked.snapshot),
        PDF,
    )
    log_action(
        locked,
        "awards.decision.signed",
        actor=actor,
        data={
            "sha256": document.sha256,
            "unsigned_sha256": unsigned.sha256,
            "signer": report.signer,
        },
    )
    return document


def signature_data(report):
    """A SignatureReport as stored beside the signed file."""
    signed_at = report.signed_at
    return {
        "signed": report.signed,
        "intact": report.intact,
        "trusted": report.trusted,
        "signer": report.signer,
        "signed_at": signed_at.isoformat()
        if isinstance(signed_at, datetime.datetime)
        else "",
    }


def decision_documents_ensure(decision):
    """{kind: stored document} of ``decision``, freezing a decision issued before
    documents were kept (its figures read once, now, and kept from then on)."""
    documents = {d.kind: d for d in decision.documents.all()}
    if DecisionDocumentKind.DECISION_PDF in documents:
        return documents
    frozen, documents = _freeze_late(decision)
    decision.snapshot = frozen.snapshot
    return documents


@transaction.atomic
def _freeze_late(decision):
    decision = _locked_decision(decision)
    existing = {d.kind: d for d in decision.documents.all()}
    if DecisionDocumentKind.DECISION_PDF in existing:
        return decision, existing
    if not decision.snapshot:
        nominations = list(
            Nomination.objects.filter(decision=decision)
            .select_related(
                "campaign",
                "award_kind",
                "nominee_unit__parent",
                "nominee_person__unit",
                "nominee_household__hamlet",
            )
            .order_by("decision_position", "pk")
        )
        codes = {}
        for nomination in nominations:
            certificate, _created = AwardCertificate.objects.get_or_create(
                decision=decision,
                nomination=nomination,
                defaults={
                    "position": nomination.decision_position or 0,
                    "code": _code(),
                    "golden_book_number": nomination.golden_book_number,
                },
            )
            codes[nomination.pk] = certificate.code
        base = BaseSalary.in_force_on(decision.signed_on) or BaseSalary.objects.last()
        decision.snapshot = build_snapshot(
            decision=decision,
            kind=decision.award_kind,
            nominations=nominations,
            codes=codes,
            base_salary=base,
            signer={
                "user": decision.signer_id,
                "name": decision.signer_name,
                "role": "vice_chairman"
                if decision.signer_title == "PHÓ CHỦ TỊCH"
                else "chairman",
            },
        )
        decision.save(update_fields=["snapshot"])
        log_action(decision, "awards.decision.frozen", actor=SYSTEM)
    store_rendered(decision, decision.snapshot)
    return decision, {d.kind: d for d in decision.documents.all()}


def _code():
    from .documents import new_code

    return new_code()


@transaction.atomic
def base_salary_add(*, amount, effective_from, legal_document, actor, reason):
    """Record the base salary a new decree sets, from its effective date.

    Rows are never edited: decisions already issued keep the figures they
    were computed with, and a decision dated on or after ``effective_from``
    is computed from this row.
    """
    require_perm(actor, "awards.add_basesalary")
    reason = required_reason(reason, _("Say which decree sets this base salary."))
    if (
        isinstance(amount, bool)
        or not isinstance(amount, int)
        or not BASE_SALARY_MIN <= amount <= BASE_SALARY_MAX
    ):
        raise ValidationError(
            _("The base salary is a whole number of đồng from %(min)s to %(max)s.")
            % {
                "min": f"{BASE_SALARY_MIN:,}".replace(",", "."),
                "max": f"{BASE_SALARY_MAX:,}".replace(",", "."),
            },
            code="base_salary_range",
        )
    if not isinstance(effective_from, datetime.date):
        raise ValidationError(
            _("Enter the date the base salary is in force from."),
            code="base_salary_date",
        )
    if legal_document is None:
        raise ValidationError(
            _("Choose the decree that sets the base salary."),
            code="base_salary_decree",
        )
    if BaseSalary.objects.filter(effective_from=effective_from).exists():
        raise ValidationError(
            _("A base salary is already recorded from %(date)s.")
            % {"date": effective_from.strftime("%d/%m/%Y")},
            code="base_salary_date_taken",
        )
    row = BaseSalary.objects.create(
        amount=amount,
        effective_from=effective_from,
        legal_document=legal_document,
        created_by=real_user(actor),
    )
    log_action(
        row,
        "awards.base_salary.added",
        actor=actor,
        reason=reason,
        data={
            "amount": amount,
            "effective_from": effective_from.isoformat(),
            "legal_document": legal_document.citation,
        },
    )
    return row
