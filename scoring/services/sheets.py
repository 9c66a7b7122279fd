"""Score sheets and the unit's self-assessment: opened per unit, filled, submitted,
returned; and the draft sheets kept in step with the criteria."""

import os
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    as_log_text,
    ensure_transition,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.permissions import require_perm
from phongquang_portal.core.uploads import delete_file_on_commit, validate_upload
from phongquang_portal.core.validators import has_control_characters
from units.models import Unit

from ..enums import SELF_EDITABLE_STATES, SHEET_TRANSITIONS, SheetState
from ..models import Criterion, ScoreEntry, ScoreSheet
from .points import automatic_points, points_errors


def lock_sheet(sheet):
    """Reload ``sheet`` under a row lock (PostgreSQL; SQLite serialises writes anyway)."""
    return (
        ScoreSheet.objects.select_for_update()
        .select_related("unit", "campaign")
        .get(pk=sheet.pk)
    )


def ensure_sheet_state(sheet, states, message):
    if sheet.state not in states:
        raise ValidationError(message, code="wrong_state")


def ensure_rows_on_sheet(sheet, rows):
    for row in rows:
        if row.entry.sheet_id != sheet.pk:
            raise ValidationError(
                _("This criterion is not on this sheet."), code="entry_not_on_sheet"
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
    sheet = lock_sheet(sheet)
    ensure_sheet_state(
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


def ensure_rows_text(rows):
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
    sheet = lock_sheet(sheet)
    ensure_sheet_state(
        sheet,
        SELF_EDITABLE_STATES,
        _("The self-assessment can only be changed while the sheet is a draft."),
    )
    require_perm(actor, "scoring.self_assess_scoresheet", sheet)
    ensure_rows_on_sheet(sheet, rows)
    ensure_rows_text(rows)
    errors = points_errors(rows)
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
    sheet = lock_sheet(sheet)
    ensure_transition(sheet, SheetState.SELF_ASSESSED, SHEET_TRANSITIONS)
    ensure_sheet_state(
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
    errors = points_errors([EntryInput(entry=e, points=e.self_points) for e in entries])
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
    sheet = lock_sheet(sheet)
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
