"""Every write on a dossier, from its creation to the chairman's approval: one service
per transition."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from phongquang_portal.core.activity import (
    ensure_transition,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.permissions import has_perm, real_user, require_perm
from phongquang_portal.core.uploads import evidence_attach, evidence_remove
from units.models import Unit

from ..common.services import sync_fields
from ..enums import (
    NOMINATION_TRANSITIONS,
    AttachmentKind,
    AwardKindCode,
    Category,
    NominationState,
    NomineeType,
)
from ..extensions.selectors import nomination_deadline
from ..kinds.models import AwardKind
from .models import Attachment, Nomination
from .selectors import citable_models_for, nominee_belongs_to, quota_usage

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
    """Refuse a deadline-bound award once the unit's dossier deadline has passed.

    The deadline is ``campaigns.deadlines.dossier_deadline``: the campaign's,
    or the proposing unit's extension for the award; a returned dossier
    follows the same rule.
    """
    deadline = nomination_deadline(nomination)
    if not deadline.is_past(now):
        return
    raise ValidationError(
        _(
            "Dossiers for “%(award)s” were accepted until 23:59:59 on %(date)s "
            "(Vietnam time); this one can no longer be submitted unless the "
            "Culture-Social office extends the deadline for your unit."
        )
        % {"award": nomination.award_kind.name, "date": deadline.display},
        code="deadline_passed",
    )


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
    nomination = sync_fields(nomination, _locked(nomination))
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
    nomination = sync_fields(nomination, _locked(nomination))
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
    return sync_fields(nomination, locked)


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
    return sync_fields(nomination, locked)


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
    return sync_fields(nomination, locked)


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
    return sync_fields(nomination, locked)


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
    return sync_fields(nomination, locked)


@transaction.atomic
def nomination_models_cite(*, nomination, models, actor):
    """Set the models the dossier cites; each must be the unit's and recognised."""
    require_perm(actor, "awards.change_nomination", nomination)
    models = list(models)
    allowed = set(
        citable_models_for(nomination.proposing_unit, nomination.campaign).values_list(
            "pk", flat=True
        )
    )
    if any(model.pk not in allowed for model in models):
        raise ValidationError(
            _("Cite only recognised models of the proposing unit."),
            code="model_not_citable",
        )
    before = set(nomination.cited_models.values_list("pk", flat=True))
    after = {model.pk for model in models}
    if before == after:
        return nomination
    nomination.cited_models.set(models)
    log_action(
        nomination,
        "awards.nomination.models_cited",
        actor=actor,
        data={"models": sorted(model.name for model in models)},
    )
    return nomination
