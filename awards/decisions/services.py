"""A decision's life, every write of it: issued, replaced, signed, frozen.

Issuing and replacing go through one pipeline (``_decision_pipeline``): the
awardees are checked (a household's head needs his sex recorded), the base
salary in force on the signing date and the signer are read, the number is
taken (typed and checked, or the year's next), the decision row is created,
each awardee gets its place, its prize money and (through the step the caller
gives) its state or its log, and the decision is frozen: its figures are kept
as a snapshot, each awardee gets a certificate with a verification code, and
the documents rendered from the snapshot (``awards.decisions.documents``) are
stored with their SHA-256. Issued means frozen.

An issued decision is never edited. A mistake (a misspelt name, a wrong
signer) is corrected at its source and a new decision *replaces* the old one:
both are kept and linked both ways, the old one's pages and verification
page say it was replaced, and its certificates' codes answer so. The stored
decision PDF may be signed digitally (PAdES): the signed bytes are a new
stored document with their own SHA-256, the unsigned file is kept."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core import signing
from phongquang_portal.core.activity import log_action, required_reason, transition
from phongquang_portal.core.counters import counter_next, counter_observe
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import SYSTEM, real_user, require_perm
from phongquang_portal.core.uploads import store_document
from phongquang_portal.core.versions import campaign_pages_changed
from units.enums import Role
from units.models import Membership

from ..enums import (
    DECISION_NUMBER_MAX,
    NOMINATION_TRANSITIONS,
    DecisionDocumentKind,
    NominationState,
    NomineeType,
)
from ..kinds.models import AwardKind, BaseSalary
from ..kinds.services import base_salary_on
from ..nominations.models import Nomination
from .documents import (
    KEPT_DOCUMENTS,
    PDF,
    build_snapshot,
    document_filename,
    render_documents,
    signer_lines,
)
from .models import AwardCertificate, Decision, DecisionDocument
from .selectors import stored_document

S = NominationState


def chairman_name():
    """The name printed under "CHỦ TỊCH": the chairman's account, else a setting."""
    membership = (
        Membership.objects.filter(role=Role.CHAIRMAN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is not None:
        return user_display_name(membership.user)
    return getattr(settings, "CHAIRMAN_NAME", "")


def decision_counter_key(year):
    return f"awards.decision.{year}"


def golden_book_counter_key(year):
    return f"awards.golden_book.{year}"


def _normalise_number(number):
    """The typed decision number without its "/QĐ-UBND" suffix; None if blank."""
    number = (number or "").strip()
    for suffix in ("/QĐ-UBND", "/QD-UBND"):
        if number.upper().endswith(suffix.upper()):
            number = number[: -len(suffix)].strip()
    return number or None


def _decision_number(number, year):
    """The number of a new decision of ``year``: the typed one checked, or the next."""
    key = decision_counter_key(year)
    typed = _normalise_number(number)
    if typed is None:
        while True:
            candidate = str(counter_next(key))
            if not Decision.objects.filter(year=year, number=candidate).exists():
                return candidate
    if not 1 <= (parse_id(typed) or 0) <= DECISION_NUMBER_MAX:
        raise ValidationError(
            _(
                "A decision number is a whole number from 1 to %(max)s "
                "(printed as …/QĐ-UBND)."
            )
            % {"max": DECISION_NUMBER_MAX},
            code="number_format",
        )
    typed = str(int(typed))
    if Decision.objects.filter(year=year, number=typed).exists():
        raise ValidationError(
            _("Decision number %(number)s/QĐ-UBND is already used in %(year)s.")
            % {"number": typed, "year": year},
            code="number_taken",
        )
    counter_observe(key, int(typed))
    return typed


def decision_signers():
    """The users who may sign a decision: the chairman and the vice-chairmen."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__role__in=SIGNER_ROLES, is_active=True)
        .distinct()
        .prefetch_related("memberships")
        .order_by("last_name", "first_name", "username")
    )


SIGNER_ROLES = (Role.CHAIRMAN, Role.VICE_CHAIRMAN)


def signer_info(signer=None):
    """{"user", "name", "role"} of the decision's signer (the chairman by default).

    A signer must hold the chairman's or a vice-chairman's role; a
    vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
    """
    if signer is None:
        membership = (
            Membership.objects.filter(role=Role.CHAIRMAN)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if membership is None:
            return {
                "user": None,
                "name": getattr(settings, "CHAIRMAN_NAME", ""),
                "role": Role.CHAIRMAN,
            }
        signer = membership.user
    roles = set(
        Membership.objects.filter(user=signer, role__in=SIGNER_ROLES).values_list(
            "role", flat=True
        )
    )
    if not roles:
        raise ValidationError(
            _("%(name)s holds neither the chairman's nor a vice-chairman's role.")
            % {"name": user_display_name(signer)},
            code="signer_role",
        )
    role = Role.CHAIRMAN if Role.CHAIRMAN in roles else Role.VICE_CHAIRMAN
    return {"user": signer.pk, "name": user_display_name(signer), "role": role}


def ensure_households_named(nominations):
    """The head of each awarded household must have his sex recorded.

    Documents name a household by its head ("Chủ hộ: <name>"); the sex is what
    the council's order reads (women first, Decree 152/2025 Art. 4), so a
    decided household cannot leave it unknown.
    """
    unnamed = [
        n.nominee_household.head_name
        for n in nominations
        if n.nominee_household_id and not n.nominee_household.head_sex
    ]
    if unnamed:
        raise ValidationError(
            _(
                "Record the sex of the head of household before issuing the decision "
                "(women come first, Decree 152/2025 Art. 4): %(names)s."
            )
            % {"names": ", ".join(unnamed)},
            code="household_sex",
        )


def ensure_plan_citable(campaign):
    """A decision cites the campaign's plan by its number and date: both recorded."""
    if not campaign.plan_known:
        raise ValidationError(
            _(
                "The decision cites the plan of “%(campaign)s”, which has no number "
                "and date yet. Record them on the campaign's admin page (“Plan number "
                "and date”) before issuing the decision."
            )
            % {"campaign": f"{campaign.name} {campaign.year}"},
            code="plan_not_recorded",
        )


def decision_order(nominations):
    """Collectives first, then people, then households, as decisions list them."""
    rank = {NomineeType.UNIT: 0, NomineeType.PERSON: 1, NomineeType.HOUSEHOLD: 2}
    return sorted(nominations, key=lambda n: (rank[n.nominee_type], n.pk))


# The relations every document of a decision reads about its awardees.
AWARDEE_RELATED = (
    "campaign",
    "award_kind",
    "nominee_unit__parent",
    "nominee_person__unit",
    "nominee_household__hamlet",
)


def _decision_pipeline(
    *,
    campaign,
    kind,
    nominations,
    number,
    signed_on,
    signer,
    actor,
    award,
    replaces=None,
    reason="",
):
    """Issue a decision awarding ``nominations``: the one way a decision comes to be.

    The awardees are put in the decision's order and checked, the base salary
    in force on ``signed_on`` and the signer are read, the number is taken,
    and the decision is created. Each awardee gets its place and its prize
    money, then ``award(nomination, decision)`` records the rest (its state,
    or its log) and saves it. The decision is then frozen (its figures, its
    certificates, its documents stored) and logged as issued, after the
    decision it ``replaces``, if any, is logged as replaced.
    """
    ensure_plan_citable(campaign)
    nominations = decision_order(nominations)
    ensure_households_named(nominations)
    base_salary = base_salary_on(signed_on)
    signer = signer_info(signer)
    decision = Decision.objects.create(
        campaign=campaign,
        award_kind=kind,
        number=_decision_number(number, signed_on.year),
        signed_on=signed_on,
        signer_name=signer["name"],
        signer_id=signer["user"],
        issued_by=real_user(actor),
        replaces=replaces,
        replacement_reason=reason,
    )
    for position, nomination in enumerate(nominations, start=1):
        nomination.decision = decision
        nomination.decision_position = position
        nomination.prize_amount = kind.prize_amount(
            nomination.nominee_type, base_salary=base_salary.amount
        )
        award(nomination, decision)
    freeze_decision(
        decision=decision,
        kind=kind,
        nominations=nominations,
        base_salary=base_salary,
        signer=signer,
    )
    if replaces is not None:
        log_action(
            replaces,
            "awards.decision.replaced",
            actor=actor,
            reason=reason,
            data={"replaced_by": decision.pk, "number": decision.full_number},
        )
    log_action(
        decision,
        "awards.decision.issued",
        actor=actor,
        reason=reason,
        data={
            **({"replaces": replaces.pk} if replaces is not None else {}),
            "nominations": [n.pk for n in nominations],
            "base_salary": base_salary.amount,
            "signer": signer["name"],
        },
    )
    # The documents are rendered from the frozen snapshot once the decision is
    # committed (and on first use, if that was cut off): see decision_documents_ensure.
    campaign_pages_changed(campaign.pk)  # the honor board shows the awardees
    transaction.on_commit(lambda: decision_documents_render(decision.pk))
    return decision


@transaction.atomic
def decision_issue(*, campaign, award_kind, number=None, signed_on, actor, signer=None):
    """Number, date and freeze the decision awarding every approved nomination of that kind.

    A blank ``number`` takes the next one of the signing year's counter; a
    typed one must be free that year, and the counter continues after it.
    ``signer``: the chairman (by default) or a vice-chairman. Each approved
    nomination moves to ``decided`` with its place in the list, its
    golden-book number (from the year's counter) and its prize money
    (computed from the base salary in force on ``signed_on`` and the award's
    multipliers, never typed). The documents are then rendered once from the
    decision's snapshot and stored: issued means frozen.
    """
    require_perm(actor, "awards.add_decision")
    kind = (
        AwardKind.objects.select_for_update(of=("self",))
        .select_related("prize_basis")
        .get(pk=award_kind.pk)
    )
    if kind.campaign_id != campaign.pk:
        raise ValidationError(
            _("This award does not belong to the campaign."), code="wrong_campaign"
        )
    if signed_on is None:
        raise ValidationError(_("Enter the signing date."), code="signed_on")
    approved = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(campaign=campaign, award_kind=kind, state=S.APPROVED)
        .select_related(*AWARDEE_RELATED)
        .order_by("pk")
    )
    if not approved:
        raise ValidationError(
            _("There is no approved nomination for “%(award)s” to decide on.")
            % {"award": kind.name},
            code="nothing_approved",
        )
    book_key = golden_book_counter_key(campaign.year)

    def decide(nomination, decision):
        nomination.golden_book_number = f"{campaign.year}/{counter_next(book_key):03d}"
        transition(
            nomination,
            S.DECIDED,
            actor=actor,
            action="awards.nomination.decided",
            transitions=NOMINATION_TRANSITIONS,
            extra_fields=(
                "decision",
                "decision_position",
                "golden_book_number",
                "prize_amount",
            ),
            data={"decision": decision.full_number, "signed_on": signed_on.isoformat()},
        )

    return _decision_pipeline(
        campaign=campaign,
        kind=kind,
        nominations=approved,
        number=number,
        signed_on=signed_on,
        signer=signer,
        actor=actor,
        award=decide,
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
    nominations = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(decision=old, state=S.DECIDED)
        .select_related(*AWARDEE_RELATED)
    )
    if not nominations:
        raise ValidationError(
            _("Decision %(number)s awards no one any more: nothing to replace.")
            % {"number": old.full_number},
            code="nothing_to_replace",
        )

    def redecide(nomination, new):
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

    return _decision_pipeline(
        campaign=old.campaign,
        kind=old.award_kind,
        nominations=nominations,
        number=number,
        signed_on=signed_on,
        signer=signer,
        actor=actor,
        award=redecide,
        replaces=old,
        reason=reason,
    )


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


def decision_documents_render(decision_pk):
    """Render and store the documents of a just-issued decision (after its commit).

    A failure here loses nothing: the snapshot is kept, and the documents are
    rendered on first use instead (``decision_documents_ensure``).
    """
    import logging

    decision = Decision.objects.filter(pk=decision_pk).first()
    if decision is None:
        return
    try:
        decision_documents_ensure(decision)
    except Exception:
        logging.getLogger(__name__).exception(
            "rendering the documents of decision %s failed; they will be rendered "
            "on first use",
            decision_pk,
        )


def decision_documents_ensure(decision):
    """{kind: stored document} of ``decision``, the four kept documents included.

    Documents are rendered once from the decision's frozen snapshot, the first
    time they are needed, and stored with their SHA-256; a decision issued
    before documents were kept is frozen first (its figures read once, now, and
    kept from then on).
    """
    documents = {d.kind: d for d in decision.documents.all()}
    if all(kind in documents for kind in KEPT_DOCUMENTS):
        return documents
    frozen, documents = _freeze_late(decision)
    decision.snapshot = frozen.snapshot
    return documents


@transaction.atomic
def _freeze_late(decision):
    decision = _locked_decision(decision)
    existing = {d.kind: d for d in decision.documents.all()}
    missing = [kind for kind in KEPT_DOCUMENTS if kind not in existing]
    if not missing:
        return decision, existing
    if not decision.snapshot:
        nominations = list(
            Nomination.objects.filter(decision=decision)
            .select_related(*AWARDEE_RELATED)
            .order_by("decision_position", "pk")
        )
        codes = {}
        for nomination in nominations:
            certificate, _created = AwardCertificate.objects.get_or_create(
                decision=decision,
                nomination=nomination,
                defaults={
                    "position": nomination.decision_position or 0,
                    "code": new_code(),
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
    stored = store_rendered(
        decision, decision.snapshot, actor=decision.issued_by, kinds=missing
    )
    log_action(
        decision,
        "awards.decision.documents_stored",
        actor=decision.issued_by or SYSTEM,
        data={"documents": {doc.kind: doc.sha256 for doc in stored}},
    )
    return decision, {d.kind: d for d in decision.documents.all()}


def new_code():
    """A random, unguessable verification code (URL-safe)."""
    while True:
        code = secrets.token_urlsafe(12)
        if not AwardCertificate.objects.filter(code=code).exists():
            return code


def store_rendered(decision, snapshot, *, actor=None, kinds=None):
    """Render the documents (``kinds``: all four) from ``snapshot``; store them."""
    from phongquang_portal.core.permissions import real_user
    from phongquang_portal.core.uploads import store_document

    stored = []
    for kind, content, content_type in render_documents(snapshot, kinds):
        document = DecisionDocument(
            decision=decision, kind=kind, created_by=real_user(actor)
        )
        stored.append(
            store_document(
                document, content, document_filename(kind, snapshot), content_type
            )
        )
    return stored


def freeze_decision(*, decision, kind, nominations, base_salary, signer):
    """Give each awardee a certificate code and keep the figures (the snapshot)."""
    codes = {}
    for nomination in nominations:
        certificate = AwardCertificate.objects.create(
            decision=decision,
            nomination=nomination,
            position=nomination.decision_position,
            code=new_code(),
            golden_book_number=nomination.golden_book_number,
        )
        codes[nomination.pk] = certificate.code
    decision.signer_authority, decision.signer_title = signer_lines(signer["role"])
    decision.snapshot = build_snapshot(
        decision=decision,
        kind=kind,
        nominations=nominations,
        codes=codes,
        base_salary=base_salary,
        signer=signer,
    )
    decision.save(update_fields=["snapshot", "signer_authority", "signer_title"])
