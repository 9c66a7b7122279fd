"""Every write of the scoring app, by subject; import from here.

- ``points``: points as officials type them, checked against a criterion;
- ``sheets``: score sheets and the unit's self-assessment;
- ``council``: the council's blind marks;
- ``review``: the office's final points, reopening and locking;
- ``criteria``: the criteria's and the bands' guarded fields;
- ``publication``: the ranking on the public honor board.

Each service checks the actor's permission (``require_perm``, the same rules
the pages ask), runs in a transaction with the rows it changes locked, and
writes the activity log. Each state change goes through
``core.activity.transition`` (one door). Refusals are ``ValidationError``\\ s
with a code and a message officials can read.
"""

from .council import council_marks_submit, council_score_save
from .criteria import (
    BAND_LOCKED_FIELDS,
    CRITERION_LOCKED_FIELDS,
    band_change,
    clean_band_fields,
    clean_criterion_fields,
    criterion_change,
    criterion_changes,
)
from .points import (
    CENT,
    POINTS_PATTERN,
    ZERO,
    automatic_points,
    format_points,
    parse_points,
    validate_points,
)
from .publication import ranking_publish, ranking_unpublish
from .review import (
    final_sums_refresh,
    sheet_finalise,
    sheet_lock,
    sheet_reopen,
    sheets_lock_reviewed,
)
from .sheets import (
    EntryInput,
    automatic_points_fill,
    draft_entries_sync,
    self_assessment_save,
    sheet_return,
    sheet_submit,
    sheets_open,
)

__all__ = [
    "BAND_LOCKED_FIELDS",
    "CENT",
    "CRITERION_LOCKED_FIELDS",
    "POINTS_PATTERN",
    "ZERO",
    "EntryInput",
    "automatic_points",
    "automatic_points_fill",
    "band_change",
    "clean_band_fields",
    "clean_criterion_fields",
    "council_marks_submit",
    "council_score_save",
    "criterion_change",
    "criterion_changes",
    "draft_entries_sync",
    "final_sums_refresh",
    "format_points",
    "parse_points",
    "ranking_publish",
    "ranking_unpublish",
    "self_assessment_save",
    "sheet_finalise",
    "sheet_lock",
    "sheet_reopen",
    "sheet_return",
    "sheet_submit",
    "sheets_lock_reviewed",
    "sheets_open",
    "validate_points",
]
