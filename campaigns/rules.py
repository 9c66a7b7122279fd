"""Who may see or do what in the campaigns app: the one vocabulary.

Pages (views and templates), the admin and the services all ask these
permissions through ``core.permissions.has_perm``. Where "may do X now"
depends on a state, the state part comes from the transition maps
(``state_allows``), so a button, a page and a service agree.
"""

import rules

from phongquang_portal.core.permissions import state_allows
from units.rules import (
    is_office_staff,
    is_sysadmin,
    is_unit_head,
    is_unit_head_of,
    nobody,
    reads_everything,
)

from .deadlines import report_deadline
from .enums import (
    CAMPAIGN_TRANSITIONS,
    REPORT_EDITABLE_STATES,
    REPORT_REOPEN_TRANSITIONS,
    REPORT_TRANSITIONS,
    CampaignStatus,
    ReportState,
)


@rules.predicate
def report_not_opened_by_office(user, report):
    """A submission the office has not opened yet: the unit may still take it back."""
    return (
        report is not None
        and report.state == ReportState.SUBMITTED
        and report.office_opened_at is None
    )


# --- Campaigns: public pages, the office's rules --------------------------------


@rules.predicate
def campaign_is_draft(user, campaign):
    return campaign is not None and campaign.status == CampaignStatus.DRAFT


@rules.predicate
def campaign_is_closed(user, campaign):
    return campaign is not None and campaign.status == CampaignStatus.CLOSED


def _campaign_may_become(target):
    return state_allows(CAMPAIGN_TRANSITIONS, target, field="status")


rules.add_perm("campaigns.view_campaigns", rules.always_allow)
rules.add_perm("campaigns.copy_campaign", is_office_staff)
rules.add_perm("campaigns.change_campaign_rules", is_office_staff)
# The admin's status page: the office, whatever the campaign's status.
rules.add_perm("campaigns.set_campaign_status", is_office_staff)
rules.add_perm(
    "campaigns.open_campaign",
    is_office_staff & campaign_is_draft & _campaign_may_become(CampaignStatus.ACTIVE),
)
rules.add_perm(
    "campaigns.close_campaign",
    is_office_staff & _campaign_may_become(CampaignStatus.CLOSED),
)
rules.add_perm(
    "campaigns.reopen_campaign",
    is_office_staff & campaign_is_closed & _campaign_may_become(CampaignStatus.ACTIVE),
)
rules.add_perm("campaigns.change_period_rules", is_office_staff)
# The legal documents a campaign cites, and the review list of a copy.
rules.add_perm("campaigns.change_citations", is_office_staff)
rules.add_perm("campaigns.view_review", is_office_staff | is_sysadmin)
rules.add_perm("campaigns.review_copy", is_office_staff)
rules.add_perm("campaigns.change_indicator_rules", is_office_staff)


def campaign_status_perm(campaign, target):
    """The permission that moving ``campaign`` to ``target`` needs."""
    if target == CampaignStatus.CLOSED:
        return "campaigns.close_campaign"
    if campaign.status == CampaignStatus.CLOSED:
        return "campaigns.reopen_campaign"
    return "campaigns.open_campaign"


# --- Unit reports -----------------------------------------------------------------


@rules.predicate
def report_is_editable(user, report):
    return report is not None and report.state in REPORT_EDITABLE_STATES


@rules.predicate
def report_may_reopen(user, report):
    """A handed-in report may be reopened; a draft only once the unit's deadline is over."""
    if report is None or report.state not in REPORT_REOPEN_TRANSITIONS:
        return False
    if report.state != ReportState.DRAFT:
        return True
    return report_deadline(report.period, report.unit_id).is_past()


def _report_may_become(target):
    return state_allows(REPORT_TRANSITIONS, target)


# Who reads a report, and who writes it (the unit's head, or the office for it).
may_read_report = reads_everything | is_unit_head_of | is_sysadmin
may_write_report = is_unit_head_of | is_office_staff

rules.add_perm("campaigns.read_report", may_read_report)
# Page gates without the state: "may act on this unit's report at all".
rules.add_perm("campaigns.write_report", may_write_report)
rules.add_perm("campaigns.review_reports", is_office_staff)
# The actions, with their state part.
rules.add_perm("campaigns.edit_report", may_write_report & report_is_editable)
rules.add_perm(
    "campaigns.submit_report",
    may_write_report & _report_may_become(ReportState.SUBMITTED),
)
rules.add_perm(
    "campaigns.accept_report",
    is_office_staff & _report_may_become(ReportState.ACCEPTED),
)
rules.add_perm(
    "campaigns.return_report",
    is_office_staff & _report_may_become(ReportState.RETURNED),
)
rules.add_perm("campaigns.reopen_report", is_office_staff & report_may_reopen)
# The office records a report a unit handed in on paper.
rules.add_perm(
    "campaigns.record_paper_report",
    is_office_staff & _report_may_become(ReportState.SUBMITTED),
)
# The unit's head takes back a submission until the office opens it.
rules.add_perm(
    "campaigns.withdraw_report", is_unit_head_of & report_not_opened_by_office
)
# The office extends one unit's due date for a period (obj: the period).
rules.add_perm("campaigns.extend_report", is_office_staff)
# On a unit: start its report for a period; fill it in as its head.
rules.add_perm("campaigns.start_report", is_unit_head_of | is_office_staff)
rules.add_perm("campaigns.report_for_unit", is_unit_head_of)

# The report list: a head's own units, everything for the readers.
rules.add_perm("campaigns.list_own_reports", is_unit_head)
rules.add_perm("campaigns.list_all_reports", reads_everything | is_sysadmin)
rules.add_perm(
    "campaigns.view_report_list", is_unit_head | reads_everything | is_sysadmin
)
# A period's board, aggregate and exports; a campaign's dashboard.
rules.add_perm("campaigns.view_board", reads_everything | is_sysadmin)
rules.add_perm("campaigns.view_dashboard", reads_everything | is_sysadmin)
rules.add_perm("campaigns.remind_units", is_office_staff)

# --- The admin ----------------------------------------------------------------------
# The office keeps the campaign's records there; the system administrator may
# look (support) but not change them. Guarded fields (status, dates, a period's
# due date, an indicator's rules once used) change only through the services.

rules.add_perm("campaigns", is_office_staff | is_sysadmin)
for _model in (
    "campaign",
    "goal",
    "priorityfield",
    "reportingperiod",
    "indicator",
    "legaldocument",
):
    rules.add_perm(f"campaigns.view_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.change_{_model}", is_office_staff)
for _model in ("campaign", "reportingperiod", "indicator", "legaldocument"):
    rules.add_perm(f"campaigns.add_{_model}", is_office_staff)
for _model in ("reportingperiod", "indicator"):
    rules.add_perm(f"campaigns.delete_{_model}", is_office_staff)
# The plan's eight goal sections a–h and section h's seven priority fields come
# with the plan (load_plan) or its copy; the office edits their wording, and
# nobody adds or removes one.
for _model in ("goal", "priorityfield"):
    rules.add_perm(f"campaigns.add_{_model}", nobody)
    rules.add_perm(f"campaigns.delete_{_model}", nobody)
# A legal document once cited stays (citations protect it); the list of a copy's
# texts is written by the copy and ticked on its page, never here.
rules.add_perm("campaigns.delete_legaldocument", is_office_staff)
for _model in ("campaigncitation", "copyreviewitem"):
    rules.add_perm(f"campaigns.view_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.add_{_model}", nobody)
    rules.add_perm(f"campaigns.change_{_model}", nobody)
    rules.add_perm(f"campaigns.delete_{_model}", nobody)
# A campaign is closed, never deleted: its history stays.
rules.add_perm("campaigns.delete_campaign", nobody)
# Reports are written by the units through the services; the admin reads them
# and runs the review actions.
rules.add_perm("campaigns.view_report", is_office_staff | is_sysadmin)
rules.add_perm("campaigns.add_report", nobody)
rules.add_perm("campaigns.change_report", is_office_staff)
rules.add_perm("campaigns.delete_report", nobody)
for _model in ("reportsection", "indicatorvalue", "reportattachment"):
    rules.add_perm(f"campaigns.view_{_model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.add_{_model}", nobody)
    rules.add_perm(f"campaigns.change_{_model}", nobody)
    rules.add_perm(f"campaigns.delete_{_model}", nobody)
