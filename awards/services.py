"""Every write that matters for nominations and awards: one service per transition."""

import fractions

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import log_action, required_reason, transition
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.uploads import validate_upload
from units.enums import Role
from units.models import Membership, Unit

from .enums import (
    NOMINATION_TRANSITIONS,
    QUOTA_STATES,
    AttachmentKind,
    AwardKindCode,
    Category,
    NominationState,
    NomineeType,
)
from .models import Attachment, AwardKind, CouncilMeeting, Decision, Nomination
from .selectors import nominee_belongs_to

S = NominationState


# Configuration read at call time (settings.py may leave them out).
def council_quorum():
    """The share of council members that must be present (default 2/3)."""
    return fractions.Fraction(str(getattr(settings, "COUNCIL_QUORUM", "2/3")))


def council_pass_share():
    """A nomination passes with more than this share of members present (1/2)."""
    return fractions.Fraction(str(getattr(settings, "COUNCIL_PASS_SHARE", "1/2")))


def _require(actor, perm, obj=None):
    if actor is None or not actor.is_authenticated or not actor.has_perm(perm, obj):
        raise ValidationError(
            _("You are not allowed to do this."), code="permission_denied"
        )


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
    """Refuse a deadline-bound award once the campaign's dossier deadline has passed."""
    kind = nomination.award_kind
    campaign = nomination.campaign
    if kind.deadline_bound and not campaign.dossiers_open(now or timezone.now()):
        raise ValidationError(
            _(
                "Dossiers for “%(award)s” were accepted until 23:59:59 on %(date)s "
                "(Vietnam time); this one can no longer be submitted."
            )
            % {
                "award": kind.name,
                "date": campaign.dossier_deadline.strftime("%d/%m/%Y"),
            },
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
    _require(actor, "awards.add_nomination")
    if award_kind.campaign_id != campaign.pk:
        raise ValidationError(_("This award does not belong to the campaign."))
    probe = Nomination(proposing_unit=proposing_unit)
    if not actor.has_perm("awards.submit_nomination", probe):
        raise ValidationError(
            _("You may only propose nominations for the units you head."),
            code="permission_denied",
        )
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
        created_by=actor,
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
    _require(actor, "awards.change_nomination", nomination)
    probe = Nomination(proposing_unit=proposing_unit)
    if not actor.has_perm("awards.submit_nomination", probe):
        raise ValidationError(
            _("You may only propose nominations for the units you head."),
            code="permission_denied",
        )
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
    if actor is None or not (
        actor.has_perm("awards.check_nomination") or actor.is_superuser
    ):
        raise ValidationError(
            _("You are not allowed to do this."), code="permission_denied"
        )
    try:
        kind = AwardKind.objects.get(campaign=campaign, code=award_kind_code)
    except AwardKind.DoesNotExist as exc:
        raise ValidationError(
            _("The campaign has no award “%(code)s”.") % {"code": award_kind_code}
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
            created_by=actor,
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
    _require(actor, "awards.change_nomination", nomination)
    if kind not in AttachmentKind.values:
        raise ValidationError(_("Choose the type of the document."))
    validate_upload(uploaded)
    attachment = Attachment(
        nomination=nomination,
        kind=kind,
        original_name=uploaded.name[:255],
        size=uploaded.size,
        uploaded_by=actor,
    )
    attachment.file.save(uploaded.name, uploaded, save=False)
    attachment.save()
    log_action(
        nomination,
        "awards.nomination.attachment_added",
        actor=actor,
        data={"kind": kind, "name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def attachment_delete(*, attachment, actor):
    nomination = attachment.nomination
    _require(actor, "awards.change_nomination", nomination)
    name = attachment.original_name
    attachment.file.delete(save=False)
    attachment.delete()
    log_action(
        nomination,
        "awards.nomination.attachment_removed",
        actor=actor,
        data={"name": name},
    )


# --- Transitions ------------------------------------------------------------


@transaction.atomic
def nomination_submit(*, nomination, actor):
    """Send the dossier to the office (first time or after a return) by the deadline."""
    locked = _locked(nomination)
    _require(actor, "awards.submit_nomination", locked)
    if locked.state not in (S.DRAFT, S.RETURNED):
        raise ValidationError(
            _("Only a draft or a returned dossier can be submitted."), code="state"
        )
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
    _require(actor, "awards.check_nomination", locked)
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
    _require(actor, "awards.check_nomination", locked)
    if locked.state == S.SUBMITTED:
        _ensure_complete(locked)
    transition(
        locked,
        S.CHECKED,
        actor=actor,
        action="awards.nomination.checked",
        transitions=NOMINATION_TRANSITIONS,
    )
    return _sync(nomination, locked)


def council_size(campaign):
    """Members of the council: the latest meeting's count, else the council accounts."""
    meeting = CouncilMeeting.objects.filter(campaign=campaign).first()
    if meeting is not None:
        return meeting.members_total
    return (
        Membership.objects.filter(role=Role.COUNCIL).values("user").distinct().count()
    )


def quorum_needed(members_total):
    """The smallest number of members present that makes a quorum."""
    share = council_quorum()
    needed = members_total * share
    return int(needed) if needed.denominator == 1 else int(needed) + 1


def _ensure_quorum(members_present, members_total):
    if members_total and members_present < quorum_needed(members_total):
        raise ValidationError(
            _(
                "No quorum: %(present)s of %(total)s council members are present; "
                "at least %(needed)s are needed."
            )
            % {
                "present": members_present,
                "total": members_total,
                "needed": quorum_needed(members_total),
            },
            code="quorum",
        )


@transaction.atomic
def council_meeting_record(
    *, campaign, held_on, members_total, members_present, actor, notes=""
):
    """Record a council meeting; it must reach the quorum to vote."""
    _require(actor, "awards.add_councilmeeting")
    if members_total < 1:
        raise ValidationError(_("The council has at least one member."))
    if members_present > members_total:
        raise ValidationError(
            _("More members present than the council has."), code="present"
        )
    _ensure_quorum(members_present, members_total)
    meeting = CouncilMeeting.objects.create(
        campaign=campaign,
        held_on=held_on,
        members_total=members_total,
        members_present=members_present,
        notes=notes,
        recorded_by=actor,
    )
    log_action(
        meeting,
        "awards.council.meeting_recorded",
        actor=actor,
        data={"present": members_present, "total": members_total},
    )
    return meeting


def vote_passes(votes_for, members_present):
    """More than half (configurable) of the members present voted for."""
    return votes_for > members_present * council_pass_share()


@transaction.atomic
def nomination_record_vote(
    *, nomination, actor, votes_for, votes_against, abstain, members_present
):
    """Record the council's vote on a checked nomination."""
    locked = _locked(nomination)
    _require(actor, "awards.vote_nomination", locked)
    numbers = (votes_for, votes_against, abstain, members_present)
    if any(n is None or int(n) < 0 for n in numbers):
        raise ValidationError(_("Vote counts must be whole numbers, zero or more."))
    votes_for, votes_against, abstain, members_present = (int(n) for n in numbers)
    if votes_for + votes_against + abstain > members_present:
        raise ValidationError(
            _("%(votes)s votes were counted but only %(present)s members are present.")
            % {
                "votes": votes_for + votes_against + abstain,
                "present": members_present,
            },
            code="votes",
        )
    meeting = CouncilMeeting.objects.filter(campaign_id=locked.campaign_id).first()
    if meeting is not None:
        total = meeting.members_total
        if members_present > total:
            raise ValidationError(
                _("More members present than the council has."), code="present"
            )
    else:
        # No meeting recorded: the council's accounts are the best count we have
        # (some members may have no account, so more may be present).
        total = council_size(locked.campaign)
    _ensure_quorum(members_present, total)
    passed = vote_passes(votes_for, members_present)
    locked.meeting = meeting
    locked.votes_for = votes_for
    locked.votes_against = votes_against
    locked.votes_abstain = abstain
    locked.members_present = members_present
    locked.council_passed = passed
    transition(
        locked,
        S.VOTED,
        actor=actor,
        action="awards.nomination.voted",
        transitions=NOMINATION_TRANSITIONS,
        extra_fields=(
            "meeting",
            "votes_for",
            "votes_against",
            "votes_abstain",
            "members_present",
            "council_passed",
        ),
        data={
            "for": votes_for,
            "against": votes_against,
            "abstain": abstain,
            "present": members_present,
            "passed": passed,
        },
    )
    return _sync(nomination, locked)


def category_filter(category):
    """Queryset filter for nominations of one category (households are individuals)."""
    if category == Category.COLLECTIVE:
        return {"nominee_unit__isnull": False}
    return {"nominee_unit__isnull": True}


def quota_used(*, campaign, award_kind, category):
    """Count approved and decided nominations of that category (not rejected ones)."""
    return Nomination.objects.filter(
        campaign=campaign,
        award_kind=award_kind,
        state__in=QUOTA_STATES,
        **category_filter(category),
    ).count()


@transaction.atomic
def nomination_approve(*, nomination, actor):
    """The chairman approves a voted nomination within the award's quota.

    Every approval for a campaign's award takes the lock on the AwardKind row
    first, so two approvals at the same moment are counted one after the other.
    """
    _require(actor, "awards.approve_nomination", nomination)
    kind = AwardKind.objects.select_for_update().get(pk=nomination.award_kind_id)
    locked = _locked(nomination)
    if locked.state != S.VOTED:
        raise ValidationError(
            _("Only a nomination the council has voted on can be approved."),
            code="state",
        )
    if locked.council_passed is False:
        raise ValidationError(
            _("The council did not pass this nomination; it cannot be approved."),
            code="not_passed",
        )
    category = locked.category
    quota = kind.quota_for(category)
    if quota is not None:
        used = quota_used(campaign=locked.campaign, award_kind=kind, category=category)
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
    """The chairman does not approve a voted nomination, giving the reason."""
    _require(actor, "awards.approve_nomination", nomination)
    locked = _locked(nomination)
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


def _normalise_number(number):
    number = (number or "").strip()
    for suffix in ("/QĐ-UBND", "/QD-UBND", "/qđ-ubnd"):
        if number.upper().endswith(suffix.upper()):
            number = number[: -len(suffix)].strip()
    return number


@transaction.atomic
def decision_issue(*, campaign, award_kind, number, signed_on, actor):
    """Number and date the decision awarding every approved nomination of that kind.

    Each approved nomination moves to ``decided`` with its place in the list,
    its golden-book number and its prize money (computed, never typed).
    """
    _require(actor, "awards.add_decision")
    kind = AwardKind.objects.select_for_update().get(pk=award_kind.pk)
    if kind.campaign_id != campaign.pk:
        raise ValidationError(_("This award does not belong to the campaign."))
    number = _normalise_number(number)
    if not number:
        raise ValidationError(_("Enter the decision number."), code="number")
    if signed_on is None:
        raise ValidationError(_("Enter the signing date."), code="signed_on")
    if Decision.objects.filter(number=number, signed_on__year=signed_on.year).exists():
        raise ValidationError(
            _("Decision number %(number)s/QĐ-UBND is already used in %(year)s.")
            % {"number": number, "year": signed_on.year},
            code="number_taken",
        )
    approved = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(campaign=campaign, award_kind=kind, state=S.APPROVED)
        .select_related("nominee_unit", "nominee_person", "nominee_household")
        .order_by("pk")
    )
    if not approved:
        raise ValidationError(
            _("There is no approved nomination for “%(award)s” to decide on.")
            % {"award": kind.name},
            code="nothing_approved",
        )
    # Collectives first, then individuals, as decisions list them.
    approved.sort(key=lambda n: (n.category != Category.COLLECTIVE, n.pk))
    decision = Decision.objects.create(
        campaign=campaign,
        award_kind=kind,
        number=number,
        signed_on=signed_on,
        signer_name=chairman_name(),
        issued_by=actor,
    )
    already = Nomination.objects.filter(
        campaign__year=campaign.year, golden_book_number__gt=""
    ).count()
    for position, nomination in enumerate(approved, start=1):
        nomination.decision = decision
        nomination.decision_position = position
        nomination.golden_book_number = f"{campaign.year}/{already + position:03d}"
        nomination.prize_amount = kind.prize_amount(nomination.nominee_type)
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
    log_action(
        decision,
        "awards.decision.issued",
        actor=actor,
        data={"nominations": [n.pk for n in approved]},
    )
    return decision


__all__ = [
    "NomineeType",
    "attachment_add",
    "attachment_delete",
    "council_meeting_record",
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
