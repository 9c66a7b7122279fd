"""The office's review: final points with a reason, reopening, locking; the sheets'
stored sums of final points."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import (
    ensure_transition,
    required_reason,
    transition,
)
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import real_user, require_perm
from phongquang_portal.core.validators import has_control_characters
from phongquang_portal.core.versions import campaign_pages_changed

from ..enums import SHEET_TRANSITIONS, CriterionKind, SheetState
from ..models import ScoreEntry, ScoreSheet
from ..selectors import missing_members
from .points import CENT, ZERO, points_errors
from .sheets import (
    ensure_rows_on_sheet,
    ensure_rows_text,
    ensure_sheet_state,
    lock_sheet,
)


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


@transaction.atomic
def sheet_finalise(*, sheet, actor, rows, reason, missing_reason=""):
    """Self-assessed → reviewed: the office's final points, with the reason recorded.

    When council members (not recused) have not submitted their marks, the
    office says why it finalises without them (``missing_reason``); who was
    missing and why go to the log.
    """
    reason = required_reason(reason, _("Record the reason for the final score."))
    sheet = lock_sheet(sheet)
    ensure_sheet_state(
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
    ensure_rows_on_sheet(sheet, rows)
    ensure_rows_text(rows)
    errors = points_errors(rows, required=True)
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
    sheet = lock_sheet(sheet)
    ensure_transition(sheet, SheetState.SELF_ASSESSED, SHEET_TRANSITIONS)
    ensure_sheet_state(
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
    sheet = lock_sheet(sheet)
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
