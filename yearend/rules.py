"""Who may read, write and issue the year-end summary and the province's statistics.

The office drafts and issues (plan V.1.e); the chairman, the vice-chairmen and
the council read; the system administrator may read for support.
"""

import rules

from phongquang_portal.core.permissions import state_allows
from units.rules import is_office_staff, is_sysadmin, reads_everything

from .enums import SUMMARY_TRANSITIONS, SummaryState


@rules.predicate
def summary_is_draft(user, summary):
    return summary is not None and summary.state == SummaryState.DRAFT


readers = reads_everything | is_sysadmin

rules.add_perm("yearend.view_summaries", readers)
# obj: a ReportingPeriod (the round the summary reports on).
rules.add_perm("yearend.view_summary", readers)
rules.add_perm("yearend.prepare_summary", is_office_staff)
# obj: a YearEndSummary.
rules.add_perm("yearend.change_summary", is_office_staff & summary_is_draft)
rules.add_perm(
    "yearend.issue_summary",
    is_office_staff & state_allows(SUMMARY_TRANSITIONS, SummaryState.ISSUED),
)
rules.add_perm("yearend.view_statistics", readers)
