"""Every write about campaigns, by concern; import from here.

- ``plan``: loading the yearly plan (``plan/<year>/campaigns.toml``);
- ``campaigns``: a campaign's status, dates and copy to the next year;
- ``legal``: the legal documents it cites, its plan's number, a copy's review list;
- ``periods``: a reporting period's due date, an indicator's rules;
- ``values``: numbers and texts as units type them;
- ``reports``: the unit report's workflow;
- ``extensions``: the office's extensions of a deadline for one unit (the one
  grant and revoke shape, and the reports' use of it);
- ``notifications``: e-mails to the units.
"""

from .campaigns import (
    CAMPAIGN_DATE_FIELDS,
    campaign_copy,
    campaign_dates_change,
    campaign_set_status,
    lock_campaign,
    reporting_plan_copy,
)
from .extensions import (
    ExtensionPolicy,
    extension_grant,
    extension_revoke,
    report_extension_grant,
    report_extension_revoke,
)
from .legal import (
    campaign_plan_set,
    citation_add,
    citation_remove,
    citation_replace,
    names_year,
    normalise_plan_number,
    plan_reference,
    review_collect,
    review_item_check,
    review_item_fix,
    year_shifted_name,
)
from .notifications import notify_unit, report_reminders_send, unit_recipients
from .periods import indicator_rules_change, period_due_change
from .plan import plan_data, plan_load, reporting_plan_load, shift_year
from .reports import (
    lock_report,
    report_accept,
    report_attachment_add,
    report_attachment_remove,
    report_mark_opened,
    report_record_paper,
    report_reopen,
    report_return,
    report_save,
    report_start,
    report_submit,
    report_withdraw,
    submission_is_late,
)
from .values import (
    check_indicator_value,
    check_narrative,
    format_number,
    parse_indicator_value,
)

__all__ = [
    "CAMPAIGN_DATE_FIELDS",
    "ExtensionPolicy",
    "campaign_copy",
    "campaign_dates_change",
    "campaign_plan_set",
    "campaign_set_status",
    "citation_add",
    "citation_remove",
    "citation_replace",
    "names_year",
    "normalise_plan_number",
    "plan_reference",
    "review_collect",
    "review_item_check",
    "review_item_fix",
    "year_shifted_name",
    "check_indicator_value",
    "check_narrative",
    "extension_grant",
    "extension_revoke",
    "format_number",
    "indicator_rules_change",
    "lock_campaign",
    "lock_report",
    "notify_unit",
    "parse_indicator_value",
    "period_due_change",
    "plan_data",
    "plan_load",
    "report_accept",
    "report_attachment_add",
    "report_attachment_remove",
    "report_extension_grant",
    "report_extension_revoke",
    "report_mark_opened",
    "report_record_paper",
    "report_reminders_send",
    "report_reopen",
    "report_return",
    "report_save",
    "report_start",
    "report_submit",
    "report_withdraw",
    "reporting_plan_copy",
    "reporting_plan_load",
    "shift_year",
    "submission_is_late",
    "unit_recipients",
]
