"""The criteria's and the bands' guarded fields: changed with a reason, only while no
submitted sheet holds the criterion and before the ranking is published."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import require_perm
from phongquang_portal.core.validators import has_control_characters
from units.enums import UnitKind

from ..enums import AutoMode, CriterionKind
from ..models import (
    MAX_CRITERION_POINTS,
    MAX_TARGET,
    MAX_TOTAL,
    Band,
    Criterion,
    RankingPublication,
    ScoreSheet,
)
from ..selectors import criterion_in_use, is_published
from .points import CENT, ZERO, typed_decimal
from .sheets import draft_entries_sync

# The fields of a criterion that decide how sheets are scored: they change only
# through ``criterion_change``, and only until a unit submits a sheet holding it.
CRITERION_LOCKED_FIELDS = (
    "max_points",
    "kind",
    "unit_kinds",
    "indicator",
    "target",
    "auto_mode",
)

BAND_LOCKED_FIELDS = ("label", "min_total")


def clean_criterion_fields(criterion, fields):
    """Check and normalise new values of a criterion's locked fields; return them.

    Raises ValidationError listing every problem (each with a code).
    """
    unknown = sorted(set(fields) - set(CRITERION_LOCKED_FIELDS))
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s.")
            % {"fields": ", ".join(unknown)},
            code="unknown_field",
        )
    values, errors = {}, []
    if "max_points" in fields:
        try:
            points = typed_decimal(
                fields["max_points"],
                message=_("The maximum points must be a number."),
                code="max_points_invalid",
            )
        except ValidationError as exc:
            errors.append(exc)
        else:
            if not ZERO < points <= MAX_CRITERION_POINTS:
                errors.append(
                    ValidationError(
                        _("The maximum points must be more than 0 and at most 1000."),
                        code="max_points_out_of_range",
                    )
                )
            elif points != points.quantize(CENT):
                errors.append(
                    ValidationError(
                        _("The maximum points may have at most two decimals."),
                        code="max_points_precision",
                    )
                )
            else:
                values["max_points"] = points.quantize(CENT)
    if "kind" in fields:
        if fields["kind"] not in CriterionKind.values:
            errors.append(
                ValidationError(_("Choose a kind of points."), code="kind_invalid")
            )
        else:
            values["kind"] = CriterionKind(fields["kind"]).value
    if "unit_kinds" in fields:
        kinds = list(fields["unit_kinds"] or [])
        if any(kind not in UnitKind.values for kind in kinds):
            errors.append(
                ValidationError(
                    _("Choose kinds of unit from the list."), code="unit_kind_invalid"
                )
            )
        else:
            values["unit_kinds"] = [k for k in UnitKind.values if k in kinds]
    if "auto_mode" in fields:
        if fields["auto_mode"] not in AutoMode.values:
            errors.append(
                ValidationError(
                    _("Choose how the points are computed."), code="auto_mode_invalid"
                )
            )
        else:
            values["auto_mode"] = AutoMode(fields["auto_mode"]).value
    if "indicator" in fields:
        indicator = fields["indicator"]
        if indicator is not None and indicator.campaign_id != criterion.campaign_id:
            errors.append(
                ValidationError(
                    _("The indicator belongs to another campaign."),
                    code="indicator_other_campaign",
                )
            )
        else:
            values["indicator"] = indicator
    if "target" in fields:
        target = fields["target"]
        if target in (None, ""):
            values["target"] = None
        else:
            try:
                target = typed_decimal(
                    target,
                    message=_("The target must be a number."),
                    code="target_invalid",
                )
            except ValidationError as exc:
                errors.append(exc)
            else:
                if not ZERO < target <= MAX_TARGET or target != target.quantize(CENT):
                    errors.append(
                        ValidationError(
                            _(
                                "The target must be more than 0, with at most two "
                                "decimals and twelve digits before them."
                            ),
                            code="target_out_of_range",
                        )
                    )
                else:
                    values["target"] = target
    if not errors:
        indicator = values.get("indicator", getattr(criterion, "indicator", None))
        target = values.get("target", criterion.target)
        if indicator is not None and target is None:
            errors.append(
                ValidationError(
                    _("An automatic criterion needs a target."), code="target_required"
                )
            )
    if errors:
        raise ValidationError(errors)
    return values


def _kind_labels(unit_kinds):
    labels = dict(UnitKind.choices)
    if not unit_kinds:
        return _("every kind")
    return ", ".join(str(labels.get(kind, kind)) for kind in unit_kinds)


def criterion_changes(criterion, values):
    """The log's {field: {label, old, new}} for ``values``, with choices by their labels."""
    changes = field_changes(criterion, values)
    choices = {"kind": dict(CriterionKind.choices), "auto_mode": dict(AutoMode.choices)}
    for name, change in changes.items():
        if name in choices:
            change["old"] = str(choices[name].get(getattr(criterion, name), ""))
            change["new"] = str(choices[name].get(values[name], ""))
        elif name == "unit_kinds":
            change["old"] = _kind_labels(criterion.unit_kinds)
            change["new"] = _kind_labels(values[name])
    return changes


def _ensure_criterion_unlocked(criterion):
    if criterion_in_use(criterion):
        raise ValidationError(
            _(
                "Criterion %(code)s is on sheets the units have already submitted: its "
                "points, kind, units and automatic scoring can no longer change."
            )
            % {"code": criterion.code},
            code="criterion_locked",
        )


@transaction.atomic
def criterion_change(*, criterion, actor, reason, **fields):
    """Change a criterion's maximum, kind, units or automatic scoring, saying why.

    Allowed only while no unit has submitted a sheet holding the criterion
    (the sheets holding it are locked while this runs, so no submission slips
    in between). Old and new values go to the activity log; draft sheets get
    or lose the entry when the units it applies to change.
    """
    reason = required_reason(reason, _("Say why the criterion changes."))
    criterion = Criterion.objects.select_for_update().get(pk=criterion.pk)
    list(
        ScoreSheet.objects.select_for_update()
        .filter(entries__criterion=criterion)
        .values_list("pk", flat=True)
    )
    _ensure_criterion_unlocked(criterion)
    require_perm(actor, "scoring.amend_criterion", criterion)
    values = clean_criterion_fields(criterion, fields)
    changes = criterion_changes(criterion, values)
    if not changes:
        return criterion
    for name, value in values.items():
        setattr(criterion, name, value)
    criterion.save(update_fields=list(values))
    draft_entries_sync(campaign=criterion.campaign)
    log_action(
        criterion,
        "scoring.criterion.changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return criterion


def clean_band_fields(band, fields):
    """Check and normalise a band's new label and lowest total; return them."""
    unknown = sorted(set(fields) - set(BAND_LOCKED_FIELDS))
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s.")
            % {"fields": ", ".join(unknown)},
            code="unknown_field",
        )
    values, errors = {}, []
    if "label" in fields:
        label = (fields["label"] or "").strip()
        if not label or len(label) > 60 or has_control_characters(label):
            errors.append(
                ValidationError(
                    _("Give the classification in at most 60 characters."),
                    code="label_invalid",
                )
            )
        elif (
            Band.objects.filter(campaign_id=band.campaign_id, label=label)
            .exclude(pk=band.pk)
            .exists()
        ):
            errors.append(
                ValidationError(
                    _("Another band already has this classification."),
                    code="band_duplicate",
                )
            )
        else:
            values["label"] = label
    if "min_total" in fields:
        try:
            low = typed_decimal(
                fields["min_total"],
                message=_("The lowest total must be a number."),
                code="min_total_invalid",
            )
        except ValidationError as exc:
            errors.append(exc)
        else:
            if not ZERO <= low <= MAX_TOTAL or low != low.quantize(CENT):
                errors.append(
                    ValidationError(
                        _(
                            "The lowest total must be between 0 and 100, with at most "
                            "two decimals."
                        ),
                        code="min_total_out_of_range",
                    )
                )
            elif (
                Band.objects.filter(campaign_id=band.campaign_id, min_total=low)
                .exclude(pk=band.pk)
                .exists()
            ):
                errors.append(
                    ValidationError(
                        _("Another band already starts at this total."),
                        code="band_duplicate",
                    )
                )
            else:
                values["min_total"] = low.quantize(CENT)
    if errors:
        raise ValidationError(errors)
    return values


def _ensure_not_published(campaign_id, message):
    if is_published(campaign_id):
        raise ValidationError(message, code="ranking_published")


@transaction.atomic
def band_change(*, band, actor, reason, **fields):
    """Change a band's classification or lowest total, saying why (before publication)."""
    reason = required_reason(reason, _("Say why the band changes."))
    band = Band.objects.select_for_update().get(pk=band.pk)
    RankingPublication.objects.select_for_update().filter(
        campaign_id=band.campaign_id
    ).first()
    _ensure_not_published(
        band.campaign_id,
        _(
            "The ranking is published: its bands no longer change. Withdraw it from "
            "the honor board first."
        ),
    )
    require_perm(actor, "scoring.amend_band", band)
    values = clean_band_fields(band, fields)
    changes = field_changes(band, values)
    if not changes:
        return band
    for name, value in values.items():
        setattr(band, name, value)
    band.save(update_fields=list(values))
    log_action(
        band,
        "scoring.band.changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return band
