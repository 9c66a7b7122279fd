"""Every write to the register of exemplary models: one service per step, logged."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    field_changes,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.permissions import real_user, require_perm
from phongquang_portal.core.uploads import (
    evidence_attach,
    evidence_remove,
    validate_upload,
)
from phongquang_portal.core.versions import campaign_pages_changed

from .enums import (
    EXEMPLAR_TRANSITIONS,
    MAX_INDICATORS,
    MAX_PHOTOS,
    NUMBER_LIMIT,
    PHOTO_KINDS,
    TEXT_MAX_CHARS,
    ExemplarStatus,
)
from .models import ExemplarEvidence, ExemplarIndicator, ExemplarSpread, ExemplaryModel

X = ExemplarStatus


@dataclass(frozen=True)
class IndicatorInput:
    """One before/after number of a model, as typed (Decimals or None)."""

    name: str
    unit_of_measure: str = ""
    before: Decimal | None = None
    after: Decimal | None = None


def _locked(model):
    return ExemplaryModel.objects.select_for_update().get(pk=model.pk)


def _sync(target, source):
    """Copy the fields a service changed back onto the caller's instance."""
    for field in source._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    return target


def _check_content(*, campaign, name, description, goals, priority_fields, indicators):
    errors = []
    if not (name or "").strip():
        errors.append(
            ValidationError(_("Give the model a name."), code="name_required")
        )
    if not (description or "").strip():
        errors.append(
            ValidationError(
                _("Describe what the model does."), code="description_required"
            )
        )
    elif len(description) > TEXT_MAX_CHARS:
        errors.append(
            ValidationError(
                _("The description is longer than %(limit)s characters.")
                % {"limit": f"{TEXT_MAX_CHARS:,}".replace(",", ".")},
                code="too_long",
            )
        )
    goals = list(goals)
    if not goals:
        errors.append(
            ValidationError(
                _("Choose at least one goal section (a–h) the model serves."),
                code="goal_required",
            )
        )
    if any(goal.campaign_id != campaign.pk for goal in goals):
        errors.append(
            ValidationError(
                _("Choose goal sections of the model's campaign."), code="wrong_goal"
            )
        )
    fields = list(priority_fields)
    if fields:
        h_goals = {goal.pk for goal in goals if goal.code == "h"}
        if not h_goals:
            errors.append(
                ValidationError(
                    _("Priority fields belong to goal h: tick goal h too."),
                    code="priority_without_h",
                )
            )
        elif any(field.goal_id not in h_goals for field in fields):
            errors.append(
                ValidationError(
                    _("Choose priority fields of goal h of the campaign."),
                    code="wrong_priority_field",
                )
            )
    if len(indicators) > MAX_INDICATORS:
        errors.append(
            ValidationError(
                _("At most %(count)s indicators per model.")
                % {"count": MAX_INDICATORS},
                code="too_many_indicators",
            )
        )
    for row in indicators:
        if not row.name.strip():
            errors.append(
                ValidationError(
                    _("Every indicator needs a name."), code="indicator_name"
                )
            )
        for value in (row.before, row.after):
            if value is not None and abs(value) >= NUMBER_LIMIT:
                errors.append(
                    ValidationError(_("This number is too large."), code="too_large")
                )
    if errors:
        raise ValidationError(errors)
    return goals, fields


def _set_indicators(model, indicators):
    model.indicators.all().delete()
    ExemplarIndicator.objects.bulk_create(
        ExemplarIndicator(
            model=model,
            name=row.name.strip(),
            unit_of_measure=row.unit_of_measure.strip(),
            before=row.before,
            after=row.after,
            position=position,
        )
        for position, row in enumerate(indicators, start=1)
    )


@transaction.atomic
def exemplar_create(
    *,
    campaign,
    unit,
    actor,
    name,
    description,
    goals,
    people="",
    priority_fields=(),
    indicators=(),
):
    """Record a model as proposed: a unit head for his unit, the office for any."""
    require_perm(actor, "exemplars.add_model")
    require_perm(actor, "exemplars.propose_for_unit", unit)
    indicators = list(indicators)
    goals, fields = _check_content(
        campaign=campaign,
        name=name,
        description=description,
        goals=goals,
        priority_fields=priority_fields,
        indicators=indicators,
    )
    if ExemplaryModel.objects.filter(
        campaign=campaign, unit=unit, name=name.strip()
    ).exists():
        raise ValidationError(
            _("%(unit)s already has a model of that name in this campaign.")
            % {"unit": unit.name},
            code="duplicate",
        )
    model = ExemplaryModel.objects.create(
        campaign=campaign,
        unit=unit,
        name=name.strip(),
        people=people.strip(),
        description=description.strip(),
        proposed_by=real_user(actor),
    )
    model.goals.set(goals)
    model.priority_fields.set(fields)
    _set_indicators(model, indicators)
    log_action(model, "exemplars.model.proposed", actor=actor, to_state=model.status)
    return model


@transaction.atomic
def exemplar_update(
    *,
    model,
    actor,
    name,
    description,
    goals,
    people="",
    priority_fields=(),
    indicators=(),
):
    """Change a model's content; the office may also correct a recognised one.

    A declined proposal the unit changes is proposed again.
    """
    caller, model = model, _locked(model)
    require_perm(actor, "exemplars.change_model", model)
    indicators = list(indicators)
    goals, fields = _check_content(
        campaign=model.campaign,
        name=name,
        description=description,
        goals=goals,
        priority_fields=priority_fields,
        indicators=indicators,
    )
    if (
        ExemplaryModel.objects.filter(
            campaign=model.campaign_id, unit=model.unit_id, name=name.strip()
        )
        .exclude(pk=model.pk)
        .exists()
    ):
        raise ValidationError(
            _("%(unit)s already has a model of that name in this campaign.")
            % {"unit": model.unit.name},
            code="duplicate",
        )
    changes = field_changes(
        model,
        {
            "name": name.strip(),
            "people": people.strip(),
            "description": description.strip(),
        },
    )
    model.name, model.people = name.strip(), people.strip()
    model.description = description.strip()
    model.save(update_fields=["name", "people", "description", "updated_at"])
    model.goals.set(goals)
    model.priority_fields.set(fields)
    _set_indicators(model, indicators)
    log_action(model, "exemplars.model.edited", actor=actor, data={"changes": changes})
    if model.status == X.DECLINED:
        transition(
            model,
            X.PROPOSED,
            actor=actor,
            action="exemplars.model.proposed_again",
            transitions=EXEMPLAR_TRANSITIONS,
            state_field="status",
        )
    campaign_pages_changed(model.campaign_id)  # a recognised one is public
    return _sync(caller, model)


@transaction.atomic
def exemplar_recognise(*, model, actor, recognised_on, reference=""):
    """The office recognises a proposed model (it becomes public, with its photos)."""
    caller, model = model, _locked(model)
    require_perm(actor, "exemplars.view_model", model)
    require_perm(actor, "exemplars.recognise_model", model)
    today = timezone.localdate()
    if recognised_on is None or recognised_on > today:
        raise ValidationError(
            _("The day of recognition cannot be in the future."),
            code="recognised_in_future",
        )
    if abs(recognised_on.year - model.campaign.year) > 1:
        raise ValidationError(
            _("The day of recognition must be near the campaign's year %(year)s.")
            % {"year": model.campaign.year},
            code="recognised_out_of_range",
        )
    model.recognised_on = recognised_on
    model.recognition_reference = (reference or "").strip()[:200]
    model.recognised_by = real_user(actor)
    model.decline_reason = ""
    transition(
        model,
        X.RECOGNISED,
        actor=actor,
        action="exemplars.model.recognised",
        transitions=EXEMPLAR_TRANSITIONS,
        state_field="status",
        extra_fields=[
            "recognised_on",
            "recognition_reference",
            "recognised_by",
            "decline_reason",
        ],
        data={"recognised_on": recognised_on.strftime("%d/%m/%Y")},
    )
    campaign_pages_changed(model.campaign_id)
    return _sync(caller, model)


@transaction.atomic
def exemplar_decline(*, model, actor, reason):
    """The office does not recognise a proposal, saying why (the unit may revise)."""
    caller, model = model, _locked(model)
    require_perm(actor, "exemplars.view_model", model)
    require_perm(actor, "exemplars.decline_model", model)
    reason = required_reason(reason, _("Say why the model is not recognised."))
    model.decline_reason = reason
    transition(
        model,
        X.DECLINED,
        actor=actor,
        action="exemplars.model.declined",
        transitions=EXEMPLAR_TRANSITIONS,
        state_field="status",
        reason=reason,
        extra_fields=["decline_reason"],
    )
    return _sync(caller, model)


@transaction.atomic
def exemplar_spread_record(*, model, actor, unit, spread_on, note=""):
    """Record that ``unit`` took the model over on ``spread_on`` (nhân rộng)."""
    caller, model = model, _locked(model)
    require_perm(actor, "exemplars.record_spread", model)
    if unit.pk == model.unit_id:
        raise ValidationError(
            _("A model is spread to other units than its own."), code="own_unit"
        )
    if not unit.is_active:
        raise ValidationError(_("Choose an active unit."), code="inactive_unit")
    today = timezone.localdate()
    if spread_on > today:
        raise ValidationError(
            _("The day of spreading cannot be in the future."), code="spread_in_future"
        )
    if spread_on < model.recognised_on:
        raise ValidationError(
            _("The model was recognised on %(date)s: it is spread after that.")
            % {"date": model.recognised_on.strftime("%d/%m/%Y")},
            code="spread_before_recognition",
        )
    if model.spreads.filter(unit=unit).exists():
        raise ValidationError(
            _("The model is already recorded as spread to %(unit)s.")
            % {"unit": unit.name},
            code="already_spread",
        )
    spread = ExemplarSpread.objects.create(
        model=model,
        unit=unit,
        spread_on=spread_on,
        note=(note or "").strip(),
        recorded_by=real_user(actor),
    )
    data = {"unit": unit.name, "spread_on": spread_on.strftime("%d/%m/%Y")}
    if model.status == X.RECOGNISED:
        transition(
            model,
            X.SPREAD,
            actor=actor,
            action="exemplars.model.spread",
            transitions=EXEMPLAR_TRANSITIONS,
            state_field="status",
            data=data,
        )
    else:
        log_action(model, "exemplars.model.spread", actor=actor, data=data)
    campaign_pages_changed(model.campaign_id)
    _sync(caller, model)
    return spread


def check_photo(uploaded):
    """Refuse a "photo" that is not a JPEG or PNG picture by its content.

    The file type is read from the bytes (``validate_upload``), then the
    picture is decoded, so a renamed or broken file is refused.
    """
    from PIL import Image, UnidentifiedImageError

    validate_upload(uploaded, kinds=PHOTO_KINDS)
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The photo “%(name)s” cannot be read as a picture.")
            % {"name": uploaded.name},
            code="photo_unreadable",
        ) from exc
    finally:
        uploaded.seek(0)


@transaction.atomic
def exemplar_evidence_add(*, model, actor, file, photo=False, caption=""):
    """Attach a document, or a photo (JPEG or PNG, checked by content)."""
    model = _locked(model)
    require_perm(actor, "exemplars.change_model", model)
    if photo:
        if model.evidence.filter(is_photo=True).count() >= MAX_PHOTOS:
            raise ValidationError(
                _("At most %(count)s photos per model.") % {"count": MAX_PHOTOS},
                code="too_many_photos",
            )
        check_photo(file)
    evidence = evidence_attach(
        ExemplarEvidence(
            model=model, is_photo=bool(photo), caption=(caption or "").strip()[:255]
        ),
        file,
        actor=actor,
    )
    log_action(
        model,
        "exemplars.model.photo_added" if photo else "exemplars.model.evidence_added",
        actor=actor,
        data={"name": evidence.original_name},
    )
    campaign_pages_changed(model.campaign_id)  # its photos are public
    return evidence


@transaction.atomic
def exemplar_evidence_remove(*, evidence, actor):
    model = _locked(evidence.model)
    require_perm(actor, "exemplars.change_model", model)
    name = evidence.original_name
    evidence_remove(evidence)
    log_action(
        model, "exemplars.model.evidence_removed", actor=actor, data={"name": name}
    )
    campaign_pages_changed(model.campaign_id)
