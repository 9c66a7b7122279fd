"""The council's marks on a self-assessed sheet: blind until each member submits them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import log_action
from phongquang_portal.core.permissions import has_perm, real_user, require_perm

from ..enums import SheetState
from ..models import CouncilMarksSubmission, CouncilScore
from ..selectors import RECUSAL_MESSAGES, sheet_recusal
from .points import points_errors
from .sheets import (
    ensure_rows_on_sheet,
    ensure_rows_text,
    ensure_sheet_state,
    lock_sheet,
)


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
    ensure_sheet_state(
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
    sheet = lock_sheet(sheet)
    _ensure_council_state(sheet)
    _ensure_may_mark(sheet, member, "scoring.council_score_scoresheet")
    require_perm(member, "scoring.council_score_scoresheet", sheet)
    ensure_rows_on_sheet(sheet, rows)
    ensure_rows_text(rows)
    errors = points_errors(rows)
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
        changed[row.entry.criterion.code] = True
    # Blind marking: the log says that he marked, never what (issue 17); the
    # points count, and are read, once he submits them.
    log_action(
        sheet,
        "scoring.sheet.council_scored",
        actor=member,
        data={"criteria": len(changed)},
    )
    return sheet


@transaction.atomic
def council_marks_submit(*, sheet, member):
    """The member submits his marks on every criterion: they are final, and count.

    Until a member submits, his marks are his own (no other member, nor the
    unit, sees them); once submitted they are the council's and no longer
    change. Logged.
    """
    sheet = lock_sheet(sheet)
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
