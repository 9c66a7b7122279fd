"""Every write that matters for nominations and awards: one service per transition."""

import decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from phongquang_portal.core.activity import (
    ensure_transition,
    field_changes,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.counters import counter_next, counter_observe
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import has_perm, real_user, require_perm
from phongquang_portal.core.uploads import evidence_attach, evidence_remove
from phongquang_portal.core.versions import campaign_pages_changed
from units.enums import Role
from units.models import Membership, Unit

from .council import (
    ballot_cast,
    council_meeting_record,
    council_pass_share,
    council_quorum,
    meeting_attendance_record,
    meeting_close,
    meeting_open,
    nomination_record_vote,
    quorum_needed,
    vote_passes,
    written_opinion_record,
)
from .enums import (
    AWARD_RULE_FIELDS,
    DECISION_NUMBER_MAX,
    MULTIPLIER_MAX,
    NOMINATION_TRANSITIONS,
    QUOTA_MAX,
    SUBMITTED_STATES,
    AttachmentKind,
    AwardKindCode,
    Category,
    NominationState,
    NomineeType,
)
from .models import Attachment, AwardKind, Decision, Nomination
from .selectors import nominee_belongs_to, quota_usage

S = NominationState


def _ensure_may_propose_for(actor, unit):
    if not has_perm(actor, "awards.propose_for_unit", unit):
        raise ValidationError(
            _("You may only propose nominations for the units you head."),
            code="permission_denied",
        )


def _ensure_state_then_perm(nomination, target, actor, perm):
    """Refuse a move the workflow does not allow, then one the actor may not make.

    Whoever may not even see the dossier is told only that he may not act.
    """
    require_perm(actor, "awards.view_nomination", nomination)
    ensure_transition(nomination, target, NOMINATION_TRANSITIONS)
    require_perm(actor, perm, nomination)


def _locked(nomination):
    """Re-read ``nomination`` under a row lock (two people may act at once)."""
    locked = (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("campaign", "award_kind")
        .get(pk=nomination.pk)
    )
    return locked


def _sync(target, source):
    """Copy the fields a service changed back onto the caller's instance."""
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    return target


def proposing_unit_for(unit):
    """A digital-tech team is proposed by its hamlet; other units propose themselves."""
    return unit.parent if unit.parent_id else unit


def missing_documents(nomination):
    """Return the labels of the required documents the dossier does not hold yet."""
    present = set(nomination.attachments.values_list("kind", flat=True))
    labels = dict(AttachmentKind.choices)
    return [
        str(labels.get(code, code))
        for code in nomination.award_kind.required_documents or []
        if code not in present
    ]


def _ensure_complete(nomination):
    missing = missing_documents(nomination)
    if missing:
        raise ValidationError(
            _("The dossier is incomplete; still missing: %(documents)s.")
            % {"documents": ", ".join(missing)},
            code="incomplete",
        )
    if not nomination.achievements.strip():
        raise ValidationError(
            _("Describe the achievements (part II of the report) before submitting."),
            code="incomplete",
        )


def ensure_deadline(nomination, now=None):
    """Refuse a deadline-bound award once the dossier deadline has passed.

    The deadline is the campaign's, or the proposing unit's extension for the
    award (``awards.extensions``); a returned dossier follows the same rule.
    """
    from .extensions import dossier_deadline_for, dossier_extension_for

    kind = nomination.award_kind
    if not kind.deadline_bound:
        return
    extension = dossier_extension_for(nomination)
    deadline = dossier_deadline_for(nomination, extension)
    if (now or timezone.now()) < deadline:
        return
    day = nomination.campaign.dossier_deadline
    if extension is not None and extension.until > day:
        day = extension.until
    raise ValidationError(
        _(
            "Dossiers for “%(award)s” were accepted until 23:59:59 on %(date)s "
            "(Vietnam time); this one can no longer be submitted unless the "
            "Culture-Social office extends the deadline for your unit."
        )
        % {"award": kind.name, "date": day.strftime("%d/%m/%Y")},
        code="deadline_passed",
    )


# --- Creation and editing ---------------------------------------------------


def ensure_nominee_of(proposing_unit, nominee_type, nominee):
    """Refuse a nominee who is not the proposing unit's own (itself, its sub-units,
    their people, its households): each unit proposes only its own."""
    if not nominee_belongs_to(proposing_unit, nominee_type, nominee):
        raise ValidationError(
            _("The nominee must belong to the proposing unit."),
            code="nominee_scope",
        )


@transaction.atomic
def nomination_create(
    *,
    campaign,
    award_kind,
    proposing_unit,
    actor,
    nominee_unit=None,
    nominee_person=None,
    nominee_household=None,
    profile="",
    achievements="",
    citation="",
    goals=(),
):
    """Create a draft nomination; a unit head may only propose for their own unit."""
    require_perm(actor, "awards.add_nomination")
    if award_kind.campaign_id != campaign.pk:
        raise ValidationError(
            _("This award does not belong to the campaign."), code="wrong_campaign"
        )
    _ensure_may_propose_for(actor, proposing_unit)
    nominees = [
        (nominee_type, nominee)
        for nominee_type, nominee in (
            (NomineeType.UNIT, nominee_unit),
            (NomineeType.PERSON, nominee_person),
            (NomineeType.HOUSEHOLD, nominee_household),
        )
        if nominee
    ]
    if len(nominees) != 1:
        raise ValidationError(_("Choose exactly one nominee."), code="nominee")
    ensure_nominee_of(proposing_unit, *nominees[0])
    nomination = Nomination.objects.create(
        campaign=campaign,
        award_kind=award_kind,
        proposing_unit=proposing_unit,
        nominee_unit=nominee_unit,
        nominee_person=nominee_person,
        nominee_household=nominee_household,
        profile=profile,
        achievements=achievements,
        citation=citation,
        created_by=real_user(actor),
    )
    if goals:
        nomination.goals.set(goals)
    log_action(
        nomination, "awards.nomination.created", actor=actor, to_state=nomination.state
    )
    return nomination


@transaction.atomic
def nomination_update(
    *, nomination, actor, proposing_unit, profile, achievements, citation, goals
):
    """Change a draft or returned dossier's text; the award and nominee stay."""
    nomination = _sync(nomination, _locked(nomination))
    require_perm(actor, "awards.change_nomination", nomination)
    _ensure_may_propose_for(actor, proposing_unit)
    ensure_nominee_of(proposing_unit, nomination.nominee_type, nomination.nominee)
    nomination.proposing_unit = proposing_unit
    nomination.profile = profile
    nomination.achievements = achievements
    nomination.citation = citation
    nomination.save(
        update_fields=[
            "proposing_unit",
            "profile",
            "achievements",
            "citation",
            "updated_at",
        ]
    )
    nomination.goals.set(goals)
    log_action(nomination, "awards.nomination.edited", actor=actor)
    return nomination


@transaction.atomic
def nominations_from_ranking(
    *, campaign, unit_ids, actor, award_kind_code=AwardKindCode.GIAY_KHEN_XA
):
    """Create draft collective nominations for ``unit_ids`` (the top of the ranking).

    Units already nominated for that award in that campaign are skipped; the
    proposing unit is the unit itself, or its parent (a team → its hamlet).
    Returns the list of created nominations.
    """
    require_perm(actor, "awards.nominate_from_ranking")
    try:
        kind = AwardKind.objects.get(campaign=campaign, code=award_kind_code)
    except AwardKind.DoesNotExist as exc:
        raise ValidationError(
            _("The campaign has no award “%(code)s”.") % {"code": award_kind_code},
            code="no_award_kind",
        ) from exc
    already = set(
        Nomination.objects.filter(
            campaign=campaign, award_kind=kind, nominee_unit_id__in=unit_ids
        )
        .exclude(state=S.REJECTED)
        .values_list("nominee_unit_id", flat=True)
    )
    units = Unit.objects.filter(pk__in=unit_ids).select_related("parent")
    by_id = {unit.pk: unit for unit in units}
    created = []
    for unit_id in unit_ids:
        unit = by_id.get(unit_id)
        if unit is None or unit_id in already:
            continue
        already.add(unit_id)
        nomination = Nomination.objects.create(
            campaign=campaign,
            award_kind=kind,
            proposing_unit=proposing_unit_for(unit),
            nominee_unit=unit,
            created_by=real_user(actor),
        )
        log_action(
            nomination,
            "awards.nomination.created",
            actor=actor,
            to_state=nomination.state,
            data={"source": "ranking"},
        )
        created.append(nomination)
    return created


@transaction.atomic
def attachment_add(*, nomination, kind, uploaded, actor):
    """Attach one checked document to a dossier the unit may still edit."""
    nomination = _sync(nomination, _locked(nomination))
    require_perm(actor, "awards.change_nomination", nomination)
    if kind not in AttachmentKind.values:
        raise ValidationError(
            _("Choose the type of the document."), code="attachment_kind"
        )
    attachment = evidence_attach(
        Attachment(nomination=nomination, kind=kind), uploaded, actor=actor
    )
    log_action(
        nomination,
        "awards.nomination.attachment_added",
        actor=actor,
        data={"kind": kind, "name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def attachment_delete(*, attachment, actor):
    """Remove a document from a dossier the unit may still edit."""
    nomination = _locked(attachment.nomination)
    require_perm(actor, "awards.change_nomination", nomination)
    name = attachment.original_name
    evidence_remove(attachment)
    log_action(
        nomination,
        "awards.nomination.attachment_removed",
        actor=actor,
        data={"name": name},
    )


# --- Transitions ------------------------------------------------------------


@transaction.atomic
def nomination_submit(*, nomination, actor):
    """Send the dossier to the office (first time or after a return) by the deadline.

    The campaign and the award kind are locked first, in the order every
    service takes them, so a change of the deadline or of the award's rules
    and a submission happen one after the other, never across each other.
    """
    Campaign.objects.select_for_update().get(pk=nomination.campaign_id)
    AwardKind.objects.select_for_update().get(pk=nomination.award_kind_id)
    locked = _locked(nomination)
    require_perm(actor, "awards.view_nomination", locked)
    if locked.state not in (S.DRAFT, S.RETURNED):
        raise ValidationError(
            _("Only a draft or a returned dossier can be submitted."), code="state"
        )
    require_perm(actor, "awards.submit_nomination", locked)
    ensure_deadline(locked)
    _ensure_complete(locked)
    locked.submitted_at = timezone.now()
    transition(
        locked,
        S.SUBMITTED,
        actor=actor,
        action="awards.nomination.submitted",
        transitions=NOMINATION_TRANSITIONS,
        extra_fields=("submitted_at",),
    )
    return _sync(nomination, locked)


@transaction.atomic
def nomination_return(*, nomination, actor, reason):
    """The office sends the dossier back for supplement, saying why."""
    locked = _locked(nomination)
    _ensure_state_then_perm(locked, S.RETURNED, actor, "awards.return_nomination")
    reason = required_reason(reason, _("Say what the unit must supplement or correct."))
    locked.reason = reason
    transition(
        locked,
        S.RETURNED,
        actor=actor,
        action="awards.nomination.returned",
        transitions=NOMINATION_TRANSITIONS,
        reason=reason,
        extra_fields=("reason",),
    )
    return _sync(nomination, locked)


@transaction.atomic
def nomination_check(*, nomination, actor):
    """The office finds the dossier complete and eligible and puts it to the council."""
    locked = _locked(nomination)
    _ensure_state_then_perm(locked, S.CHECKED, actor, "awards.check_nomination")
    _ensure_complete(locked)
    transition(
        locked,
        S.CHECKED,
        actor=actor,
        action="awards.nomination.checked",
        transitions=NOMINATION_TRANSITIONS,
    )
    return _sync(nomination, locked)


def _whole_number(value):
    """``value`` (an int or its digits as text) as an int, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    if text.lstrip("-").isdigit():
        return int(text)
    return None


def category_filter(category):
    """Queryset filter for nominations of one category (households are individuals)."""
    if category == Category.COLLECTIVE:
        return {"nominee_unit__isnull": False}
    return {"nominee_unit__isnull": True}


@transaction.atomic
def nomination_approve(*, nomination, actor):
    """The chairman (or a vice-chairman) approves a voted nomination within the quota.

    Every approval for a campaign's award takes the lock on the AwardKind row
    first, so two approvals at the same moment are counted one after the other.
    """
    kind = AwardKind.objects.select_for_update().get(pk=nomination.award_kind_id)
    locked = _locked(nomination)
    require_perm(actor, "awards.view_nomination", locked)
    if locked.state != S.VOTED:
        raise ValidationError(
            _("Only a nomination the council has voted on can be approved."),
            code="state",
        )
    require_perm(actor, "awards.approve_nomination", locked)
    if locked.council_passed is False:
        raise ValidationError(
            _("The council did not pass this nomination; it cannot be approved."),
            code="not_passed",
        )
    category = locked.category
    quota = kind.quota_for(category)
    if quota is not None:
        used = quota_usage(campaign=locked.campaign, kinds=[kind])[kind.pk][category]
        if used >= quota:
            label = (
                _("collectives")
                if category == Category.COLLECTIVE
                else _("individuals")
            )
            raise ValidationError(
                _(
                    "The quota of %(award)s for %(category)s is reached "
                    "(%(used)s/%(quota)s); this nomination cannot be approved."
                )
                % {"award": kind.name, "category": label, "used": used, "quota": quota},
                code="quota",
            )
    transition(
        locked,
        S.APPROVED,
        actor=actor,
        action="awards.nomination.approved",
        transitions=NOMINATION_TRANSITIONS,
    )
    return _sync(nomination, locked)


@transaction.atomic
def nomination_reject(*, nomination, actor, reason):
    """The chairman (or a vice-chairman) does not approve a voted nomination, saying why."""
    locked = _locked(nomination)
    _ensure_state_then_perm(locked, S.REJECTED, actor, "awards.reject_nomination")
    reason = required_reason(reason, _("Give the reason for not approving."))
    locked.reason = reason
    transition(
        locked,
        S.REJECTED,
        actor=actor,
        action="awards.nomination.rejected",
        transitions=NOMINATION_TRANSITIONS,
        reason=reason,
        extra_fields=("reason",),
    )
    return _sync(nomination, locked)


# --- Award rules --------------------------------------------------------------


def award_rules_locked(award_kind):
    """Whether a dossier of ``award_kind`` has left draft: its rules are then fixed."""
    return Nomination.objects.filter(
        award_kind=award_kind, state__in=SUBMITTED_STATES
    ).exists()


def _clean_rule(name, value):
    """Check one award rule's new value; return it in the field's type."""
    if name == "deadline_bound":
        if not isinstance(value, bool):
            raise ValidationError(
                _("Say whether the award is bound by the deadline."),
                code="deadline_bound",
            )
        return value
    if name in ("quota_collective", "quota_individual"):
        if value is None or value == "":
            return None
        number = _whole_number(value)
        if number is None or not 0 <= number <= QUOTA_MAX:
            raise ValidationError(
                _("A quota is a whole number from 0 to %(max)s, or empty (no quota).")
                % {"max": QUOTA_MAX},
                code="quota_range",
            )
        return number
    if name == "required_documents":
        documents = list(value or [])
        unknown = [code for code in documents if code not in AttachmentKind.values]
        if unknown:
            raise ValidationError(
                _("Unknown document type: %(codes)s.") % {"codes": ", ".join(unknown)},
                code="required_documents",
            )
        return [code for code in AttachmentKind.values if code in documents]
    try:
        amount = decimal.Decimal(str(value))
    except (decimal.InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or not 0 <= amount <= MULTIPLIER_MAX:
        raise ValidationError(
            _("A prize multiplier is a number from 0 to %(max)s.")
            % {"max": MULTIPLIER_MAX},
            code="multiplier_range",
        )
    return amount.quantize(decimal.Decimal("0.01"))


@transaction.atomic
def award_rules_change(*, award_kind, actor, reason, **fields):
    """Change an award kind's quotas, prize multipliers, deadline rule or documents.

    Only before any dossier of that kind has been submitted (after that, the
    rules the units applied under are fixed), with a reason, logged with the
    old and new values.
    """
    require_perm(actor, "awards.manage_award_rules")
    unknown = sorted(set(fields) - set(AWARD_RULE_FIELDS))
    if unknown:
        raise ValidationError(
            _("These are not award rules: %(fields)s.")
            % {"fields": ", ".join(unknown)},
            code="unknown_field",
        )
    locked = AwardKind.objects.select_for_update().get(pk=award_kind.pk)
    if award_rules_locked(locked):
        raise ValidationError(
            _(
                "Dossiers for “%(award)s” have already been submitted: its quotas, "
                "prizes, deadline rule and required documents can no longer change."
            )
            % {"award": locked.name},
            code="rules_locked",
        )
    reason = required_reason(reason, _("Say why the award's rules change."))
    new_values = {name: _clean_rule(name, value) for name, value in fields.items()}
    changes = field_changes(locked, new_values)
    if not changes:
        raise ValidationError(
            _("The values given are the ones recorded: nothing to change."),
            code="no_change",
        )
    for name in changes:
        setattr(locked, name, new_values[name])
    locked.save(update_fields=list(changes))
    log_action(
        locked,
        "awards.award_kind.rules_changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return _sync(award_kind, locked)


# --- Decisions ----------------------------------------------------------------


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
    if not typed.isdigit() or not 1 <= int(typed) <= DECISION_NUMBER_MAX:
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


def base_salary_on(day):
    """The base-salary row in force on ``day``; refuse when none is recorded."""
    from .models import BaseSalary

    row = BaseSalary.in_force_on(day)
    if row is None:
        raise ValidationError(
            _(
                "No base salary is recorded in force on %(date)s: record the decree's "
                "base salary first."
            )
            % {"date": day.strftime("%d/%m/%Y")},
            code="no_base_salary",
        )
    return row


def ensure_households_named(nominations):
    """A decision prints "Hộ ông …" or "Hộ bà …": the head's sex must be recorded."""
    unnamed = [
        n.nominee_household.head_name
        for n in nominations
        if n.nominee_household_id and not n.nominee_household.head_sex
    ]
    if unnamed:
        raise ValidationError(
            _(
                "Record the sex of the head of household before issuing the decision "
                "(it prints “Hộ ông” or “Hộ bà”): %(names)s."
            )
            % {"names": ", ".join(unnamed)},
            code="household_sex",
        )


def decision_order(nominations):
    """Collectives first, then people, then households, as decisions list them."""
    rank = {NomineeType.UNIT: 0, NomineeType.PERSON: 1, NomineeType.HOUSEHOLD: 2}
    return sorted(nominations, key=lambda n: (rank[n.nominee_type], n.pk))


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
    decision's snapshot and stored (``awards.documents``): issued means frozen.
    """
    from .documents import freeze_decision

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
        .select_related(
            "campaign",
            "award_kind",
            "nominee_unit__parent",
            "nominee_person__unit",
            "nominee_household__hamlet",
        )
        .order_by("pk")
    )
    if not approved:
        raise ValidationError(
            _("There is no approved nomination for “%(award)s” to decide on.")
            % {"award": kind.name},
            code="nothing_approved",
        )
    ensure_households_named(approved)
    base_salary = base_salary_on(signed_on)
    signer = signer_info(signer)
    number = _decision_number(number, signed_on.year)
    approved = decision_order(approved)
    decision = Decision.objects.create(
        campaign=campaign,
        award_kind=kind,
        number=number,
        signed_on=signed_on,
        signer_name=signer["name"],
        signer_id=signer["user"],
        issued_by=real_user(actor),
    )
    book_key = golden_book_counter_key(campaign.year)
    for position, nomination in enumerate(approved, start=1):
        nomination.decision = decision
        nomination.decision_position = position
        nomination.golden_book_number = f"{campaign.year}/{counter_next(book_key):03d}"
        nomination.prize_amount = kind.prize_amount(
            nomination.nominee_type, base_salary=base_salary.amount
        )
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
    documents = freeze_decision(
        decision=decision,
        kind=kind,
        nominations=approved,
        base_salary=base_salary,
        signer=signer,
        actor=actor,
    )
    log_action(
        decision,
        "awards.decision.issued",
        actor=actor,
        data={
            "nominations": [n.pk for n in approved],
            "base_salary": base_salary.amount,
            "signer": signer["name"],
            "documents": {doc.kind: doc.sha256 for doc in documents},
        },
    )
    campaign_pages_changed(campaign.pk)
    return decision


__all__ = [
    "NomineeType",
    "base_salary_on",
    "decision_signers",
    "attachment_add",
    "attachment_delete",
    "award_rules_change",
    "ballot_cast",
    "council_meeting_record",
    "council_pass_share",
    "council_quorum",
    "meeting_attendance_record",
    "meeting_close",
    "meeting_open",
    "quorum_needed",
    "vote_passes",
    "written_opinion_record",
    "decision_issue",
    "nomination_approve",
    "nomination_check",
    "nomination_create",
    "nomination_record_vote",
    "nomination_reject",
    "nomination_return",
    "nomination_submit",
    "nominations_from_ranking",
]
