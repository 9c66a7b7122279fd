"""Every write of the scoring app: sheets, self-assessment, council scores, finalisation,
the criteria's locked fields, the bands and the honor board's publication.

Each service checks the actor's permission (``require_perm``, the same rules
the pages ask), runs in a transaction with the rows it changes locked, and
writes the activity log. Each state change goes through
``core.activity.transition`` (one door). Refusals are ``ValidationError``\\ s
with a code and a message officials can read.
"""

import os
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    as_log_text,
    ensure_transition,
    field_changes,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import has_perm, real_user, require_perm
from phongquang_portal.core.uploads import delete_file_on_commit, validate_upload
from phongquang_portal.core.validators import has_control_characters
from phongquang_portal.core.versions import campaign_pages_changed
from units.enums import UnitKind
from units.models import Unit

from .enums import (
    SELF_EDITABLE_STATES,
    SHEET_TRANSITIONS,
    AutoMode,
    CriterionKind,
    SheetState,
)
from .models import (
    MAX_CRITERION_POINTS,
    MAX_TARGET,
    MAX_TOP_N,
    MAX_TOTAL,
    Band,
    CouncilMarksSubmission,
    CouncilScore,
    Criterion,
    RankingPublication,
    ScoreEntry,
    ScoreSheet,
)
from .selectors import (
    RECUSAL_MESSAGES,
    criterion_in_use,
    is_published,
    missing_members,
    sheet_recusal,
)

ZERO = Decimal("0")
CENT = Decimal("0.01")
# Points as people type them: digits, one decimal comma or point.
POINTS_PATTERN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
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


# ---------------------------------------------------------------- numbers


def parse_points(value):
    """Return typed points as a Decimal ("7,5" or "7.5"), or None when empty.

    Only plain digits are numbers here: "1e9", "NaN" or "∞" are refused, so
    whatever is typed ends in a message, never in an error page.
    """
    if value in (None, ""):
        return None
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value).strip()
        if not POINTS_PATTERN.match(text) or len(text) > 12:
            raise ValidationError(
                _("“%(value)s” is not a number of points (for example 7 or 7,5).")
                % {"value": text[:20]},
                code="not_a_number",
            )
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the pattern stops it
            raise ValidationError(
                _("“%(value)s” is not a number of points (for example 7 or 7,5).")
                % {"value": text[:20]},
                code="not_a_number",
            ) from exc
    if not number.is_finite():
        raise ValidationError(
            _("“%(value)s” is not a number of points (for example 7 or 7,5).")
            % {"value": value},
            code="not_a_number",
        )
    return number


def validate_points(criterion, points):
    """Raise ValidationError unless ``points`` lies within 0 and the criterion's maximum or cap."""
    if points is None:
        return
    points = Decimal(points)
    if not points.is_finite() or points < 0 or points > criterion.max_points:
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
                "max": format_points(criterion.max_points),
                "value": format_points(points),
            },
            code="points_out_of_range",
        )
    if points != points.quantize(CENT):
        raise ValidationError(
            _("The points for criterion %(code)s may have at most two decimals.")
            % {"code": criterion.code},
            code="points_precision",
        )


def format_points(number):
    """Points as officials write them: 7,5 (a short text whatever the number)."""
    number = Decimal(number)
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        return "…"
    text = f"{number.normalize():f}"
    return text.replace(".", ",")


def _decimal(value, *, message, code):
    """``value`` as a finite Decimal, or ValidationError(message, code)."""
    if isinstance(value, Decimal):
        number = value
    else:
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except (InvalidOperation, ValueError) as exc:
            raise ValidationError(message, code=code) from exc
    if not number.is_finite():
        raise ValidationError(message, code=code)
    return number


# ---------------------------------------------------------------- helpers


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


def _ensure_rows_on(sheet, rows):
    for row in rows:
        if row.entry.sheet_id != sheet.pk:
            raise ValidationError(
                _("This criterion is not on this sheet."), code="entry_not_on_sheet"
            )


def _check_points(rows, *, required=False):
    """The ValidationErrors (with their codes) of the rows' points, all at once."""
    errors = []
    for row in rows:
        if row.points is None:
            if required:
                errors.append(
                    ValidationError(
                        _("Give the final points for criterion %(code)s.")
                        % {"code": row.entry.criterion.code},
                        code="points_missing",
                    )
                )
            continue
        try:
            validate_points(row.entry.criterion, row.points)
        except ValidationError as exc:
            errors.extend(exc.error_list)
    return errors


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
        return ZERO.quantize(CENT)
    return (criterion.max_points * value / criterion.target).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def _fill_automatic(sheets, campaign):
    """Set the self-assessed points of automatic criteria from the units' reports."""
    from campaigns.selectors import indicator_values_for

    entries = list(
        ScoreEntry.objects.filter(
            sheet__in=sheets,
            sheet__state__in=SELF_EDITABLE_STATES,
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


def final_sums_refresh(*, sheets):
    """Store each sheet's sums of final points by kind of criterion.

    ``sheets`` is a queryset. The sums are added up in Python from the exact
    two-decimal values (one query reads the entries, one bulk update writes
    the sheets): SQLite would add them as binary floats.
    """
    queryset, sheets = sheets, list(sheets.only("pk"))
    sums = {
        sheet.pk: dict.fromkeys(CriterionKind.values, ZERO.quantize(CENT))
        for sheet in sheets
    }
    rows = (
        ScoreEntry.objects.filter(
            sheet__in=queryset.values("pk"), final_points__isnull=False
        )
        .values_list("sheet_id", "criterion__kind", "final_points")
        .order_by()
    )
    for sheet_id, kind, points in rows.iterator(chunk_size=5000):
        sums[sheet_id][kind] += Decimal(points).quantize(CENT)
    for sheet in sheets:
        sheet.final_standard = sums[sheet.pk][CriterionKind.STANDARD]
        sheet.final_bonus = sums[sheet.pk][CriterionKind.BONUS]
        sheet.final_penalty = sums[sheet.pk][CriterionKind.PENALTY]
    ScoreSheet.objects.bulk_update(
        sheets, ["final_standard", "final_bonus", "final_penalty"], batch_size=500
    )
    return len(sheets)


def draft_entries_sync(*, campaign):
    """Give draft sheets an entry for each criterion that applies to their unit, and no other.

    Run after the criteria change while no sheet is submitted yet: entries of
    criteria that no longer apply go (with their evidence), new ones come, and
    automatic criteria are filled again from the reports.
    """
    criteria = list(Criterion.objects.filter(campaign=campaign))
    sheets = list(
        ScoreSheet.objects.filter(
            campaign=campaign, state__in=SELF_EDITABLE_STATES
        ).select_related("unit")
    )
    if not sheets:
        return
    applies = {
        (sheet.pk, criterion.pk)
        for sheet in sheets
        for criterion in criteria
        if criterion.applies_to(sheet.unit.kind)
    }
    stale = [
        entry
        for entry in ScoreEntry.objects.filter(sheet__in=sheets)
        if (entry.sheet_id, entry.criterion_id) not in applies
    ]
    for entry in stale:
        if entry.evidence:
            delete_file_on_commit(entry.evidence)
    ScoreEntry.objects.filter(pk__in=[e.pk for e in stale]).delete()
    have = set(
        ScoreEntry.objects.filter(sheet__in=sheets).values_list(
            "sheet_id", "criterion_id"
        )
    )
    ScoreEntry.objects.bulk_create(
        ScoreEntry(sheet_id=sheet_id, criterion_id=criterion_id)
        for sheet_id, criterion_id in sorted(applies - have)
    )
    _fill_automatic(sheets, campaign)


# ---------------------------------------------------------------- sheets


@transaction.atomic
def sheets_open(*, campaign, actor, units=None):
    """Create a sheet for each active unit (or ``units``) with its applicable criteria.

    Idempotent: existing sheets are kept; draft sheets get entries for
    criteria added since. Returns the number of sheets created.
    """
    require_perm(actor, "scoring.open_sheets", campaign)
    criteria = list(Criterion.objects.filter(campaign=campaign))
    if not criteria:
        raise ValidationError(
            _("This campaign has no criteria yet: build or import them first."),
            code="no_criteria",
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


@transaction.atomic
def automatic_points_fill(*, sheet, actor):
    """Fill a draft sheet's automatic criteria from the unit's reported indicators."""
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        SELF_EDITABLE_STATES,
        _("The self-assessment can only be changed while the sheet is a draft."),
    )
    require_perm(actor, "scoring.self_assess_scoresheet", sheet)
    count = _fill_automatic([sheet], sheet.campaign)
    log_action(
        sheet, "scoring.sheet.automatic_filled", actor=actor, data={"count": count}
    )
    return count


@dataclass
class EntryInput:
    """What one form row carries for one entry."""

    entry: ScoreEntry
    points: Decimal | None = None
    text: str = ""
    evidence: object = None
    clear_evidence: bool = False


def _check_text(rows):
    for row in rows:
        if has_control_characters(row.text):
            raise ValidationError(
                _(
                    "The text contains invisible control characters (often pasted from "
                    "another program). Please retype or paste it as plain text."
                ),
                code="control_characters",
            )


@transaction.atomic
def self_assessment_save(*, sheet, actor, rows, summary=None):
    """Save the unit head's points, notes and evidence on a draft sheet.

    Evidence files are checked by their content (``core.uploads.validate_upload``)
    and stored under a random name; a replaced or removed file is deleted once
    the transaction commits.
    """
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        SELF_EDITABLE_STATES,
        _("The self-assessment can only be changed while the sheet is a draft."),
    )
    require_perm(actor, "scoring.self_assess_scoresheet", sheet)
    _ensure_rows_on(sheet, rows)
    _check_text(rows)
    errors = _check_points(rows)
    for row in rows:
        if row.evidence:
            try:
                validate_upload(row.evidence)
            except ValidationError as exc:
                errors.extend(exc.error_list)
    if errors:
        raise ValidationError(errors)
    changes = {}
    for row in rows:
        entry = row.entry
        if entry.self_points != row.points:
            changes[entry.criterion.code] = {
                "label": _("%(code)s, self-assessed points")
                % {"code": entry.criterion.code},
                "old": as_log_text(entry.self_points),
                "new": as_log_text(row.points),
            }
        entry.self_points = row.points
        entry.self_note = row.text
        fields = ["self_points", "self_note", "updated_at"]
        if row.evidence:
            if entry.evidence:
                delete_file_on_commit(entry.evidence)
            entry.evidence.save(row.evidence.name, row.evidence, save=False)
            entry.evidence_name = os.path.basename(row.evidence.name)[:255]
            fields += ["evidence", "evidence_name"]
        elif row.clear_evidence and entry.evidence:
            delete_file_on_commit(entry.evidence)
            entry.evidence = ""
            entry.evidence_name = ""
            fields += ["evidence", "evidence_name"]
        entry.save(update_fields=fields)
    if summary is not None:
        if has_control_characters(summary):
            raise ValidationError(
                _(
                    "The text contains invisible control characters (often pasted "
                    "from another program). Please retype or paste it as plain text."
                ),
                code="control_characters",
            )
        sheet.self_summary = summary
        sheet.save(update_fields=["self_summary", "updated_at"])
    log_action(
        sheet,
        "scoring.sheet.self_assessment_saved",
        actor=actor,
        data={"changes": changes} if changes else {},
    )
    return sheet


@transaction.atomic
def sheet_submit(*, sheet, actor):
    """Draft → self-assessed: every criterion scored within its maximum, evidence attached."""
    sheet = _lock(sheet)
    ensure_transition(sheet, SheetState.SELF_ASSESSED, SHEET_TRANSITIONS)
    _ensure_state(
        sheet,
        SELF_EDITABLE_STATES,
        _("Only a draft sheet can be submitted."),
    )
    require_perm(actor, "scoring.submit_scoresheet", sheet)
    entries = list(
        sheet.entries.select_related("criterion").order_by("criterion__code")
    )
    missing = [e.criterion.code for e in entries if e.self_points is None]
    if missing:
        raise ValidationError(
            _("Give points for every criterion before submitting; missing: %(codes)s.")
            % {"codes": ", ".join(missing)},
            code="points_missing",
        )
    errors = _check_points([EntryInput(entry=e, points=e.self_points) for e in entries])
    if errors:
        raise ValidationError(errors)
    no_evidence = [
        e.criterion.code
        for e in entries
        if e.criterion.evidence_required and e.self_points and not e.evidence
    ]
    if no_evidence:
        raise ValidationError(
            _("Attach evidence for these criteria before submitting: %(codes)s.")
            % {"codes": ", ".join(no_evidence)},
            code="evidence_missing",
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
    ensure_transition(sheet, SheetState.DRAFT, SHEET_TRANSITIONS)
    require_perm(actor, "scoring.return_scoresheet", sheet)
    transition(
        sheet,
        SheetState.DRAFT,
        actor=actor,
        action="scoring.sheet.returned",
        transitions=SHEET_TRANSITIONS,
        reason=reason,
    )
    return sheet


def _ensure_may_mark(sheet, member, perm):
    """Refuse a member tied to the sheet's unit, or one who has submitted already.

    Who is no council member at all is refused first, as anyone without the
    permission is.
    """
    if not has_perm(member, "scoring.mark_sheets"):
        require_perm(member, perm, sheet)
    recusal = sheet_recusal(member, sheet)
    if recusal:
        raise ValidationError(RECUSAL_MESSAGES[recusal], code="recused")
    if CouncilMarksSubmission.objects.filter(sheet=sheet, member=member).exists():
        raise ValidationError(
            _("You have submitted your marks on this sheet: they no longer change."),
            code="marks_submitted",
        )


def _ensure_council_state(sheet):
    _ensure_state(
        sheet,
        {SheetState.SELF_ASSESSED},
        _(
            "Council members score a sheet once the unit has self-assessed it and before "
            "the office finalises it."
        ),
    )


@transaction.atomic
def council_score_save(*, sheet, member, rows):
    """Record one council member's points and comments on a self-assessed sheet.

    Blind marking: the marks stay the member's own draft until he submits
    them (``council_marks_submit``); a member tied to the unit (he heads it,
    or his personal record is in it) does not mark it.
    """
    sheet = _lock(sheet)
    _ensure_council_state(sheet)
    _ensure_may_mark(sheet, member, "scoring.council_score_scoresheet")
    require_perm(member, "scoring.council_score_scoresheet", sheet)
    _ensure_rows_on(sheet, rows)
    _check_text(rows)
    errors = _check_points(rows)
    if errors:
        raise ValidationError(errors)
    changed = {}
    for row in rows:
        if row.points is None:
            CouncilScore.objects.filter(entry=row.entry, member=member).delete()
            continue
        CouncilScore.objects.update_or_create(
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
def council_marks_submit(*, sheet, member):
    """The member submits his marks on every criterion: they are final, and count.

    Until a member submits, his marks are his own (no other member, nor the
    unit, sees them); once submitted they are the council's and no longer
    change. Logged.
    """
    sheet = _lock(sheet)
    _ensure_council_state(sheet)
    _ensure_may_mark(sheet, member, "scoring.submit_council_marks")
    require_perm(member, "scoring.submit_council_marks", sheet)
    marked = set(
        CouncilScore.objects.filter(entry__sheet=sheet, member=member).values_list(
            "entry_id", flat=True
        )
    )
    unmarked = sorted(
        sheet.entries.exclude(pk__in=marked).values_list("criterion__code", flat=True)
    )
    if unmarked:
        raise ValidationError(
            _("Mark every criterion before submitting; missing: %(codes)s.")
            % {"codes": ", ".join(unmarked)},
            code="marks_incomplete",
        )
    CouncilMarksSubmission.objects.create(sheet=sheet, member=real_user(member))
    log_action(
        sheet,
        "scoring.sheet.council_marks_submitted",
        actor=member,
        data={"criteria": len(marked)},
    )
    return sheet


@transaction.atomic
def sheet_finalise(*, sheet, actor, rows, reason, missing_reason=""):
    """Self-assessed → reviewed: the office's final points, with the reason recorded.

    When council members (not recused) have not submitted their marks, the
    office says why it finalises without them (``missing_reason``); who was
    missing and why go to the log.
    """
    reason = required_reason(reason, _("Record the reason for the final score."))
    sheet = _lock(sheet)
    _ensure_state(
        sheet,
        {SheetState.SELF_ASSESSED},
        _("Only a self-assessed sheet can be finalised."),
    )
    require_perm(actor, "scoring.finalise_scoresheet", sheet)
    missing = [user_display_name(m) for m in missing_members(sheet)]
    missing_reason = (missing_reason or "").strip()
    if missing and not missing_reason:
        raise ValidationError(
            _(
                "%(count)s council members have not submitted their marks "
                "(%(names)s): say why the sheet is finalised without them."
            )
            % {"count": len(missing), "names": ", ".join(missing)},
            code="council_marks_missing",
        )
    if has_control_characters(missing_reason):
        raise ValidationError(
            _(
                "The text contains invisible control characters (often pasted from "
                "another program). Please retype or paste it as plain text."
            ),
            code="control_characters",
        )
    _ensure_rows_on(sheet, rows)
    _check_text(rows)
    errors = _check_points(rows, required=True)
    scored = {row.entry.pk for row in rows}
    unscored = sheet.entries.exclude(pk__in=scored).select_related("criterion")
    errors.extend(
        ValidationError(
            _("Give the final points for criterion %(code)s.")
            % {"code": e.criterion.code},
            code="points_missing",
        )
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
    sheet.finalised_by = real_user(actor)
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
        data={
            "final_points": final,
            **(
                {"missing_members": missing, "missing_reason": missing_reason}
                if missing
                else {}
            ),
        },
    )
    return sheet


@transaction.atomic
def sheet_reopen(*, sheet, actor, reason):
    """Reviewed → self-assessed: the office reopens the review, saying why."""
    reason = required_reason(reason, _("Say why the review is reopened."))
    sheet = _lock(sheet)
    ensure_transition(sheet, SheetState.SELF_ASSESSED, SHEET_TRANSITIONS)
    _ensure_state(
        sheet, {SheetState.REVIEWED}, _("Only a reviewed sheet can be reopened.")
    )
    require_perm(actor, "scoring.reopen_scoresheet", sheet)
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
    ensure_transition(sheet, SheetState.LOCKED, SHEET_TRANSITIONS)
    require_perm(actor, "scoring.lock_scoresheet", sheet)
    transition(
        sheet,
        SheetState.LOCKED,
        actor=actor,
        action="scoring.sheet.locked",
        transitions=SHEET_TRANSITIONS,
    )
    campaign_pages_changed(sheet.campaign_id)  # a locked sheet may join the board
    return sheet


@transaction.atomic
def sheets_lock_reviewed(*, campaign, actor):
    """Lock every reviewed sheet of ``campaign``; return how many were locked."""
    require_perm(actor, "scoring.manage_ranking", campaign)
    count = 0
    # All rows locked first, in one order: a sheet_lock running meanwhile
    # waits here, before the first lock moves the campaign's version (a row
    # lock too), instead of deadlocking with it.
    for sheet in (
        ScoreSheet.objects.select_for_update()
        .filter(campaign=campaign, state=SheetState.REVIEWED)
        .order_by("pk")
    ):
        sheet_lock(sheet=sheet, actor=actor)
        count += 1
    return count


# ---------------------------------------------------------------- criteria


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
            points = _decimal(
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
                target = _decimal(
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


# ---------------------------------------------------------------- bands


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
            low = _decimal(
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


# ---------------------------------------------------------------- publication


def _top_n(value):
    try:
        top_n = int(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ValidationError(
            _("The number of ranks shown must be a whole number."), code="top_n_invalid"
        ) from exc
    if not 1 <= top_n <= MAX_TOP_N:
        raise ValidationError(
            _("The number of ranks shown must be between 1 and 50."),
            code="top_n_out_of_range",
        )
    return top_n


@transaction.atomic
def ranking_publish(*, campaign, actor, top_n=3):
    """Publish the ranking's top ranks on the public honor board."""
    top_n = _top_n(top_n)
    publication, _created = (
        RankingPublication.objects.select_for_update().get_or_create(
            campaign=campaign, defaults={"top_n": top_n}
        )
    )
    if publication.is_published:
        raise ValidationError(
            _("The ranking is already published; withdraw it first to change it."),
            code="already_published",
        )
    require_perm(actor, "scoring.publish_ranking", campaign)
    sheets = ScoreSheet.objects.filter(campaign=campaign)
    if not sheets.filter(state=SheetState.LOCKED).exists():
        raise ValidationError(
            _("Lock the reviewed sheets before publishing the ranking."),
            code="nothing_locked",
        )
    if sheets.filter(state=SheetState.REVIEWED).exists():
        raise ValidationError(
            _("Some reviewed sheets are not locked yet; lock them before publishing."),
            code="reviewed_unlocked",
        )
    changes = field_changes(publication, {"top_n": top_n})
    publication.top_n = top_n
    publication.published_at = timezone.now()
    publication.published_by = real_user(actor)
    publication.save()
    log_action(
        campaign,
        "scoring.ranking.published",
        actor=actor,
        data={"top_n": top_n, **({"changes": changes} if changes else {})},
    )
    campaign_pages_changed(campaign.pk)
    return publication


@transaction.atomic
def ranking_unpublish(*, campaign, actor, reason):
    """Take the ranking off the honor board, saying why."""
    reason = required_reason(reason, _("Say why the ranking is withdrawn."))
    publication = (
        RankingPublication.objects.select_for_update().filter(campaign=campaign).first()
    )
    if publication is None or not publication.is_published:
        raise ValidationError(_("The ranking is not published."), code="not_published")
    require_perm(actor, "scoring.withdraw_ranking", campaign)
    publication.published_at = None
    publication.save(update_fields=["published_at"])
    log_action(campaign, "scoring.ranking.withdrawn", actor=actor, reason=reason)
    campaign_pages_changed(campaign.pk)
    return publication
