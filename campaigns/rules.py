import rules

from units.rules import is_office_staff, is_sysadmin, is_unit_head_of, reads_everything

for model in ("campaign", "goal", "priorityfield"):
    rules.add_perm(f"campaigns.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"campaigns.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.delete_{model}", is_sysadmin)

# --- Unit reports ----------------------------------------------------------


@rules.predicate
def report_is_editable(user, report):
    return report is not None and report.is_editable


@rules.predicate
def report_is_submitted(user, report):
    return report is not None and report.state == "submitted"


may_see_report = reads_everything | is_unit_head_of | is_sysadmin
may_write_report = (is_unit_head_of | is_office_staff) & report_is_editable

rules.add_perm("campaigns.view_report", may_see_report)
rules.add_perm("campaigns.edit_report", may_write_report)
rules.add_perm("campaigns.submit_report", may_write_report)
rules.add_perm("campaigns.review_report", is_office_staff)
rules.add_perm("campaigns.reopen_report", is_office_staff)
rules.add_perm("campaigns.view_board", reads_everything | is_sysadmin)
rules.add_perm("campaigns.remind_units", is_office_staff)
# The admin: the office keeps the records; state changes go through the services.
rules.add_perm("campaigns.add_report", is_office_staff | is_sysadmin)
rules.add_perm("campaigns.change_report", is_office_staff | is_sysadmin)
rules.add_perm("campaigns.delete_report", is_sysadmin)
for model in ("reportsection", "indicatorvalue", "reportattachment"):
    rules.add_perm(f"campaigns.view_{model}", may_see_report)
    rules.add_perm(f"campaigns.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.delete_{model}", is_office_staff | is_sysadmin)
for model in ("reportingperiod", "indicator"):
    rules.add_perm(f"campaigns.view_{model}", reads_everything | is_sysadmin)
    rules.add_perm(f"campaigns.add_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.change_{model}", is_office_staff | is_sysadmin)
    rules.add_perm(f"campaigns.delete_{model}", is_office_staff | is_sysadmin)
