"""Every write of the scoring app: sheets, self-assessment, council scores, finalisation.

Each state change goes through ``core.activity.transition`` (one door), inside
a transaction, with the sheet row locked so two people cannot act at once.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    ensure_transition,
    log_action,
    required_reason,
    transition,
)
from units.models import Unit
from units.selectors import roles_for

from .enums import SHEET_TRANSITIONS, AutoMode, CriterionKind, SheetState
from .models import CouncilScore, Criterion, RankingPublication, ScoreEntry, ScoreSheet

ZERO = Decimal("0")


def parse_points(value):
    """Return ``value`` as a Decimal with two places, or None when empty."""
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError(
            _("“%(value)s” is not a number.") % {"value": value}
        ) from exc
    if not number.is_finite():
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": value})
    return number


def validate_points(criterion, points):
    """Raise ValidationError unless ``points`` lies within 0 and the criterion's maximum or cap."""
    if points is None:
        return
    points = Decimal(points)
    if points < 0 or points > criterion.max_points:
        if criterion.kind == CriterionKind.PENALTY:
            message = _(
                "The penalty for criterion %(code)s must be between 0 and its cap of "
                "%(max)s points; %(value)s was entered."
            )
        elif criterion.kind == CriterionKind.BONUS:
            message = _(
                "The bonus for criterion %(code)s must be between 0 and its cap of "
                "%(max)s points; %(value)s was entered."
            )
        else:
            message = _(
                "The points for criterion %(code)s must be between 0 and %(max)s; "
                "%(value)s was entered."
            )
        raise ValidationError(
            message
            % {
                "code": criterion.code,
                "max": _format(criterion.max_points),
                "value": _format(points),
            },
            code="points_out_of_range",
        )
    if points != points.quantize(Decimal("0.01")):
        raise ValidationError(
            _("The points for criterion %(code)s may have at most two decimals.")
            % {"code": criterion.code},
            code="points_precision",
        )


def _format(number):
    text = f"{Decimal(number).normalize():f}"
    return text.replace(".", ",")


def _lock(sheet):
    """Reload ``sheet`` under a row lock (PostgreSQL; SQLite serialises writes anyway)."""
    return (
        ScoreSheet.objects.select_for_update()
        .select_related("unit", "campaign")
        .get(pk=sheet.pk)
    )


def _ensure_state(sheet, states, message):
    if sheet.state not in states:
        raise ValidationError(message, code="wrong_state")


def automatic_points(criterion, value):
    """Points an automatic criterion gives for an indicator ``value``.

    Full points at or above the target; below it, proportional points or none,
    as the criterion says. Rounded half up to 0.01.
    """
    if value is None or not criterion.target or criterion.target <= 0:
        return None
    value = Decimal(value)
    if value >= criterion.target:
        return criterion.max_points
    if value <= 0 or criterion.auto_mode == AutoMode.THRESHOLD:
        return ZERO.quantize(Decimal("0.01"))
    return (criterion.max_points * value / criterion.target).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def _fill_automatic(sheets, campaign):
    """Set the self-assessed points of automatic criteria from the units' reports."""
    from campaigns.selectors import indicator_values_for

    entries = list(
        ScoreEntry.objects.filter(
            sheet__in=sheets,
            criterion__indicator__isnull=False,
            criterion__target__isnull=False,
        ).select_related("criterion", "sheet")
    )
    if not entries:
        return 0
    values = indicator_values_for(
        campaign=campaign,
        indicator_ids={e.criterion.indicator_id for e in entries},
        unit_ids={e.sheet.unit_id for e in entries},
    )
    changed = []
    for entry in entries:
        points = automatic_points(
            entry.criterion,
            values.get((entry.sheet.unit_id, entry.criterion.indicator_id)),
        )
        if points is not None and points != entry.self_points:
            entry.self_points = points
            changed.append(entry)
    ScoreEntry.objects.bulk_update(changed, ["self_points"])
    return len(changed)


@transaction.atomic
def automatic_points_fill(*, sheet, actor):
    """Fill a draft sheet's automatic criteria from the unit's reported indicators."""
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        {SheetState.DRAFT},
        _("The self-assessment can only be changed while the sheet is a draft."),
    )
    count = _fill_automatic([sheet], sheet.campaign)
    log_action(
        sheet, "scoring.sheet.automatic_filled", actor=actor, data={"count": count}
    )
    return count


def final_sums_refresh(*, sheets):
    """Store each sheet's sums of final points by kind of criterion (one UPDATE).

    ``sheets`` is a queryset; the sums are computed by the database with one
    correlated aggregate per kind, whatever the number of sheets.
    """

    def total(kind):
        per_sheet = (
            ScoreEntry.objects.filter(sheet=OuterRef("pk"), criterion__kind=kind)
            .order_by()
            .values("sheet")
            .annotate(points=Sum("final_points"))
            .values("points")
        )
        return Coalesce(Subquery(per_sheet), Value(ZERO), output_field=DecimalField())

    return sheets.update(
        final_standard=total(CriterionKind.STANDARD),
        final_bonus=total(CriterionKind.BONUS),
        final_penalty=total(CriterionKind.PENALTY),
    )


# ---------------------------------------------------------------- sheets


@transaction.atomic
def sheets_open(*, campaign, actor, units=None):
    """Create a sheet for each active unit (or ``units``) with its applicable criteria.

    Idempotent: existing sheets are kept; draft sheets get entries for
    criteria added since. Returns the number of sheets created.
    """
    criteria = list(Criterion.objects.filter(campaign=campaign))
    if not criteria:
        raise ValidationError(
            _("This campaign has no criteria yet: build or import them first.")
        )
    if units is None:
        units = Unit.objects.filter(is_active=True)
    units = list(units)
    existing = {
        sheet.unit_id: sheet
        for sheet in ScoreSheet.objects.filter(campaign=campaign, unit__in=units)
    }
    created = [
        ScoreSheet(campaign=campaign, unit=unit)
        for unit in units
        if unit.pk not in existing
    ]
    ScoreSheet.objects.bulk_create(created)
    sheets = list(
        ScoreSheet.objects.filter(
            campaign=campaign, unit__in=units, state=SheetState.DRAFT
        ).select_related("unit")
    )
    have = set(
        ScoreEntry.objects.filter(sheet__in=sheets).values_list(
            "sheet_id", "criterion_id"
        )
    )
    ScoreEntry.objects.bulk_create(
        ScoreEntry(sheet=sheet, criterion=criterion)
        for sheet in sheets
        for criterion in criteria
        if criterion.applies_to(sheet.unit.kind)
        and (sheet.pk, criterion.pk) not in have
    )
    _fill_automatic(sheets, campaign)
    new_ids = {sheet.unit_id for sheet in created}
    for sheet in sheets:
        if sheet.unit_id in new_ids:
            log_action(sheet, "scoring.sheet.opened", actor=actor, to_state=sheet.state)
    if created:
        log_action(
            campaign,
            "scoring.sheets.opened",
            actor=actor,
            data={"count": len(created)},
        )
    return len(created)


@dataclass
class EntryInput:
    """What one form row carries for one entry."""

    entry: ScoreEntry
    points: Decimal | None = None
    text: str = ""
    evidence: object = None
    clear_evidence: bool = False


@transaction.atomic
def self_assessment_save(*, sheet, actor, rows, summary=None):
    """Save the unit head's points, notes and evidence on a draft sheet."""
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        {SheetState.DRAFT},
        _("The self-assessment can only be changed while the sheet is a draft."),
    )
    errors = []
    for row in rows:
        try:
            validate_points(row.entry.criterion, row.points)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    for row in rows:
        entry = row.entry
        if entry.sheet_id != sheet.pk:
            raise ValidationError(_("This criterion is not on this sheet."))
        entry.self_points = row.points
        entry.self_note = row.text
        fields = ["self_points", "self_note", "updated_at"]
        if row.evidence:
            entry.evidence = row.evidence
            entry.evidence_name = row.evidence.name[:255]
            fields += ["evidence", "evidence_name"]
        elif row.clear_evidence and entry.evidence:
            entry.evidence.delete(save=False)
            entry.evidence = ""
            entry.evidence_name = ""
            fields += ["evidence", "evidence_name"]
        entry.save(update_fields=fields)
    if summary is not None:
        sheet.self_summary = summary
        sheet.save(update_fields=["self_summary", "updated_at"])
    log_action(sheet, "scoring.sheet.self_assessment_saved", actor=actor)
    return sheet


@transaction.atomic
def sheet_submit(*, sheet, actor):
    """Draft → self-assessed: every criterion scored, required evidence attached."""
    sheet = _lock(sheet)
    ensure_transition(sheet, SheetState.SELF_ASSESSED, SHEET_TRANSITIONS)
    entries = list(
        sheet.entries.select_related("criterion").order_by("criterion__code")
    )
    missing = [e.criterion.code for e in entries if e.self_points is None]
    if missing:
        raise ValidationError(
            _("Give points for every criterion before submitting; missing: %(codes)s.")
            % {"codes": ", ".join(missing)}
        )
    no_evidence = [
        e.criterion.code
        for e in entries
        if e.criterion.evidence_required and e.self_points and not e.evidence
    ]
    if no_evidence:
        raise ValidationError(
            _("Attach evidence for these criteria before submitting: %(codes)s.")
            % {"codes": ", ".join(no_evidence)}
        )
    transition(
        sheet,
        SheetState.SELF_ASSESSED,
        actor=actor,
        action="scoring.sheet.submitted",
        transitions=SHEET_TRANSITIONS,
    )
    return sheet


@transaction.atomic
def sheet_return(*, sheet, actor, reason):
    """Self-assessed → draft: the office sends the sheet back to the unit, saying why."""
    reason = required_reason(reason, _("Say why the sheet goes back to the unit."))
    sheet = _lock(sheet)
    transition(
        sheet,
        SheetState.DRAFT,
        actor=actor,
        action="scoring.sheet.returned",
        transitions=SHEET_TRANSITIONS,
        reason=reason,
    )
    return sheet


@transaction.atomic
def council_score_save(*, sheet, member, rows):
    """Record one council member's points and comments on a self-assessed sheet."""
    if not roles_for(member).is_council:
        raise ValidationError(
            _("Only members of the Emulation-Reward Council score sheets.")
        )
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        {SheetState.SELF_ASSESSED},
        _(
            "Council members score a sheet once the unit has self-assessed it and before "
            "the office finalises it."
        ),
    )
    errors = []
    for row in rows:
        if row.entry.sheet_id != sheet.pk:
            raise ValidationError(_("This criterion is not on this sheet."))
        try:
            validate_points(row.entry.criterion, row.points)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    changed = {}
    for row in rows:
        if row.points is None:
            CouncilScore.objects.filter(entry=row.entry, member=member).delete()
            continue
        score, _created = CouncilScore.objects.update_or_create(
            entry=row.entry,
            member=member,
            defaults={"points": row.points, "comment": row.text},
        )
        changed[row.entry.criterion.code] = str(row.points)
    log_action(
        sheet, "scoring.sheet.council_scored", actor=member, data={"points": changed}
    )
    return sheet


@transaction.atomic
def sheet_finalise(*, sheet, actor, rows, reason):
    """Self-assessed → reviewed: the office's final points, with the reason recorded."""
    reason = required_reason(reason, _("Record the reason for the final score."))
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        {SheetState.SELF_ASSESSED},
        _("Only a self-assessed sheet can be finalised."),
    )
    errors = []
    for row in rows:
        if row.entry.sheet_id != sheet.pk:
            raise ValidationError(_("This criterion is not on this sheet."))
        if row.points is None:
            errors.append(
                _("Give the final points for criterion %(code)s.")
                % {"code": row.entry.criterion.code}
            )
            continue
        try:
            validate_points(row.entry.criterion, row.points)
        except ValidationError as exc:
            errors.extend(exc.messages)
    scored = {row.entry.pk for row in rows}
    unscored = sheet.entries.exclude(pk__in=scored).select_related("criterion")
    errors.extend(
        _("Give the final points for criterion %(code)s.") % {"code": e.criterion.code}
        for e in unscored
    )
    if errors:
        raise ValidationError(errors)
    final = {}
    for row in rows:
        row.entry.final_points = row.points
        row.entry.final_comment = row.text
        row.entry.save(update_fields=["final_points", "final_comment", "updated_at"])
        final[row.entry.criterion.code] = str(row.points)
    final_sums_refresh(sheets=ScoreSheet.objects.filter(pk=sheet.pk))
    sheet.refresh_from_db(fields=["final_standard", "final_bonus", "final_penalty"])
    sheet.finalised_by = actor
    sheet.finalised_at = timezone.now()
    sheet.final_reason = reason
    transition(
        sheet,
        SheetState.REVIEWED,
        actor=actor,
        action="scoring.sheet.finalised",
        transitions=SHEET_TRANSITIONS,
        reason=sheet.final_reason,
        extra_fields=("finalised_by", "finalised_at", "final_reason"),
        data={"final_points": final},
    )
    return sheet


@transaction.atomic
def sheet_reopen(*, sheet, actor, reason):
    """Reviewed → self-assessed: the office reopens the review, saying why."""
    reason = required_reason(reason, _("Say why the review is reopened."))
    sheet = _lock(sheet)
    transition(
        sheet,
        SheetState.SELF_ASSESSED,
        actor=actor,
        action="scoring.sheet.reopened",
        transitions=SHEET_TRANSITIONS,
        reason=reason,
    )
    return sheet


@transaction.atomic
def sheet_lock(*, sheet, actor):
    """Reviewed → locked: the final score no longer changes."""
    sheet = _lock(sheet)
    transition(
        sheet,
        SheetState.LOCKED,
        actor=actor,
        action="scoring.sheet.locked",
        transitions=SHEET_TRANSITIONS,
    )
    return sheet


@transaction.atomic
def sheets_lock_reviewed(*, campaign, actor):
    """Lock every reviewed sheet of ``campaign``; return how many were locked."""
    count = 0
    for sheet in ScoreSheet.objects.filter(
        campaign=campaign, state=SheetState.REVIEWED
    ):
        sheet_lock(sheet=sheet, actor=actor)
        count += 1
    return count


# ---------------------------------------------------------------- publication


@transaction.atomic
def ranking_publish(*, campaign, actor, top_n=3):
    """Publish the ranking's top ranks on the public honor board."""
    sheets = ScoreSheet.objects.filter(campaign=campaign)
    if not sheets.filter(state=SheetState.LOCKED).exists():
        raise ValidationError(
            _("Lock the reviewed sheets before publishing the ranking.")
        )
    if sheets.filter(state=SheetState.REVIEWED).exists():
        raise ValidationError(
            _("Some reviewed sheets are not locked yet; lock them before publishing.")
        )
    try:
        top_n = int(top_n)
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            _("The number of ranks shown must be a whole number.")
        ) from exc
    if not 1 <= top_n <= 50:
        raise ValidationError(_("The number of ranks shown must be between 1 and 50."))
    publication, _created = (
        RankingPublication.objects.select_for_update().get_or_create(campaign=campaign)
    )
    publication.top_n = top_n
    publication.published_at = timezone.now()
    publication.published_by = actor
    publication.save()
    log_action(
        campaign, "scoring.ranking.published", actor=actor, data={"top_n": top_n}
    )
    return publication


@transaction.atomic
def ranking_unpublish(*, campaign, actor, reason):
    """Take the ranking off the honor board, saying why."""
    reason = required_reason(reason, _("Say why the ranking is withdrawn."))
    publication = (
        RankingPublication.objects.select_for_update().filter(campaign=campaign).first()
    )
    if publication is None or not publication.is_published:
        raise ValidationError(_("The ranking is not published."))
    publication.published_at = None
    publication.save(update_fields=["published_at"])
    log_action(campaign, "scoring.ranking.withdrawn", actor=actor, reason=reason)
    return publication
