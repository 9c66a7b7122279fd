"""The unit report's workflow (plan V.3–V.4): start, fill, submit, return, accept, reopen.

Every service locks the report's row, checks the state through the
transition maps and the actor's permission through the rules, and writes
the activity log.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phongquang_portal.core.activity import (
    ensure_transition,
    log_action,
    required_reason,
    transition,
)
from phongquang_portal.core.permissions import real_user, require_perm
from phongquang_portal.core.uploads import evidence_attach, evidence_remove

from ..deadlines import report_deadline
from ..enums import (
    REPORT_EDITABLE_STATES,
    REPORT_REOPEN_TRANSITIONS,
    REPORT_TRANSITIONS,
    REPORT_WITHDRAW_TRANSITIONS,
    ReportState,
)
from ..models import (
    Goal,
    Indicator,
    IndicatorValue,
    Report,
    ReportAttachment,
    ReportSection,
)
from .notifications import notify_unit
from .values import check_indicator_value, check_narrative


def lock_report(report):
    """Lock the report's row and refresh ``report`` from it."""
    Report.objects.select_for_update().filter(pk=report.pk).values_list("pk").get()
    report.refresh_from_db()
    return report


def _ensure_editable(report):
    if report.state not in REPORT_EDITABLE_STATES:
        raise ValidationError(
            _("This report is “%(state)s” and can no longer be changed.")
            % {"state": report.get_state_display()},
            code="not_editable",
        )


def _ensure_complete(report):
    from ..selectors import report_checklist

    missing = report_checklist(report)
    if missing:
        # The items are listed on the page (the checklist), not in one sentence.
        raise ValidationError(
            ngettext(
                "The report is not complete yet: %(count)s item is still empty.",
                "The report is not complete yet: %(count)s items are still empty.",
                len(missing),
            )
            % {"count": len(missing)},
            code="incomplete",
            params={"items": [item.label for item in missing]},
        )


def _late_error(report, deadline):
    return ValidationError(
        _(
            "The due date for “%(period)s” was %(date)s (end of the day). The report "
            "can no longer be submitted; ask the Culture-Social office to reopen it "
            "or to extend the due date for your unit."
        )
        % {"period": report.period.name, "date": deadline.display},
        code="late",
    )


@transaction.atomic
def report_start(*, unit, period, actor):
    """Return the unit's report for ``period``, creating an empty draft the first time."""
    require_perm(actor, "campaigns.start_report", unit)
    if not period.applies_to(unit.kind):
        raise ValidationError(
            _("“%(unit)s” does not report in “%(period)s”.")
            % {"unit": unit.name, "period": period.name},
            code="not_reporting",
        )
    report, created = Report.objects.get_or_create(
        unit=unit, period=period, defaults={"created_by": real_user(actor)}
    )
    if created:
        log_action(report, "campaigns.report.created", actor=actor)
    return report


@transaction.atomic
def report_save(*, report, actor, narratives=None, values=None):
    """Store narratives ({goal_id: text}) and values ({indicator_id: Decimal or None}).

    Only a draft or returned report changes; bad values raise ValidationError
    and nothing is stored.
    """
    lock_report(report)
    _ensure_editable(report)
    require_perm(actor, "campaigns.edit_report", report)
    narratives = narratives or {}
    values = values or {}
    period = report.period
    goals = {
        goal.pk: goal for goal in Goal.objects.filter(campaign_id=period.campaign_id)
    }
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(campaign_id=period.campaign_id, pk__in=values)
    }
    errors = []
    for goal_id, text in narratives.items():
        if goal_id not in goals:
            raise ValidationError(_("Unknown goal section."), code="unknown_goal")
        try:
            check_narrative(goals[goal_id], text or "")
        except ValidationError as exc:
            errors.extend(exc.error_list)
    for indicator_id, value in values.items():
        indicator = indicators.get(indicator_id)
        if indicator is None or not indicator.applies_to(report.unit.kind):
            raise ValidationError(_("Unknown indicator."), code="unknown_indicator")
        if value is not None:
            try:
                check_indicator_value(indicator, Decimal(value))
            except ValidationError as exc:
                errors.extend(exc.error_list)
    if errors:
        raise ValidationError(errors)

    changed = {"sections": 0, "values": 0}
    sections = {s.goal_id: s for s in report.sections.all()}
    new_sections, updated_sections = [], []
    for goal_id, text in narratives.items():
        text = (text or "").replace("\r\n", "\n")
        section = sections.get(goal_id)
        if section is None:
            if text.strip():
                new_sections.append(
                    ReportSection(report=report, goal_id=goal_id, narrative=text)
                )
        elif section.narrative != text:
            section.narrative = text
            updated_sections.append(section)
    ReportSection.objects.bulk_create(new_sections)
    ReportSection.objects.bulk_update(updated_sections, ["narrative"])
    changed["sections"] = len(new_sections) + len(updated_sections)

    stored = {v.indicator_id: v for v in report.values.all()}
    new_values, updated_values, removed = [], [], []
    for indicator_id, value in values.items():
        current = stored.get(indicator_id)
        if value is None:
            if current is not None:
                removed.append(current.pk)
        elif current is None:
            new_values.append(
                IndicatorValue(report=report, indicator_id=indicator_id, value=value)
            )
        elif current.value != Decimal(value):
            current.value = value
            updated_values.append(current)
    IndicatorValue.objects.bulk_create(new_values)
    IndicatorValue.objects.bulk_update(updated_values, ["value"])
    if removed:
        IndicatorValue.objects.filter(pk__in=removed).delete()
    changed["values"] = len(new_values) + len(updated_values) + len(removed)
    if changed["sections"] or changed["values"]:
        report.save(update_fields=["updated_at"])
        log_action(report, "campaigns.report.saved", actor=actor, data=changed)
    return report


def submission_is_late(report, now=None, *, deadline=None):
    """True when the unit's deadline (``campaigns.deadlines``) is over and the office
    has neither returned nor reopened the report.

    ``deadline``: the unit's ``report_deadline`` when the caller has it; left
    out, it is read.
    """
    if deadline is None:
        deadline = report_deadline(report.period, report.unit_id)
    if not deadline.is_past(now):
        return False
    # A report the office returned or reopened (both audited, with a reason)
    # may still be handed in after the due day.
    return not (report.reopened or report.state == ReportState.RETURNED)


@transaction.atomic
def report_submit(*, report, actor):
    """Hand the report to the office; refused after the due day unless reopened."""
    lock_report(report)
    ensure_transition(report, ReportState.SUBMITTED, REPORT_TRANSITIONS)
    require_perm(actor, "campaigns.submit_report", report)
    now = timezone.now()
    deadline = report_deadline(report.period, report.unit_id)
    if submission_is_late(report, now, deadline=deadline):
        raise _late_error(report, deadline)
    _ensure_complete(report)
    report.submitted_at = now
    # A new submission: the office has not opened this one yet.
    report.office_opened_at = None
    report.office_opened_by = None
    transition(
        report,
        ReportState.SUBMITTED,
        actor=actor,
        action="campaigns.report.submitted",
        transitions=REPORT_TRANSITIONS,
        extra_fields=["submitted_at", "office_opened_at", "office_opened_by"],
        data={"days_late": deadline.days_late(now)},
    )
    return report


def _record_opened(report, actor):
    """Note the office's first action on a submission; return the fields it set."""
    if report.office_opened_at is not None:
        return []
    report.office_opened_at = timezone.now()
    report.office_opened_by = real_user(actor)
    return ["office_opened_at", "office_opened_by"]


@transaction.atomic
def report_mark_opened(*, report, actor):
    """The office opens a submitted report for review: the unit can no longer withdraw it.

    An explicit action (a POST), never a side effect of reading the report.
    Returns False when the report was already opened.
    """
    require_perm(actor, "campaigns.review_reports", report)
    lock_report(report)
    if report.state != ReportState.SUBMITTED:
        raise ValidationError(
            _("Only a submitted report can be opened for review."),
            code="not_submitted",
        )
    fields = _record_opened(report, actor)
    if not fields:
        return False
    report.save(update_fields=fields)
    log_action(report, "campaigns.report.opened_by_office", actor=actor)
    return True


@transaction.atomic
def report_withdraw(*, report, actor):
    """The unit takes its submission back to change it, until the office opens it.

    The report goes back to the state it was submitted from: a draft, or
    "returned" when it answered the office's return.
    """
    lock_report(report)
    target = ReportState.RETURNED if report.reviewed_at else ReportState.DRAFT
    ensure_transition(report, target, REPORT_WITHDRAW_TRANSITIONS)
    if report.office_opened_at is not None:
        raise ValidationError(
            _(
                "The Culture-Social office opened this report on %(date)s; it can no "
                "longer be withdrawn. Ask the office to return it if it needs changes."
            )
            % {
                "date": timezone.localtime(report.office_opened_at).strftime("%d/%m/%Y")
            },
            code="already_opened",
        )
    require_perm(actor, "campaigns.withdraw_report", report)
    report.submitted_at = None
    transition(
        report,
        target,
        actor=actor,
        action="campaigns.report.withdrawn",
        transitions=REPORT_WITHDRAW_TRANSITIONS,
        extra_fields=["submitted_at"],
    )
    return report


@transaction.atomic
def report_record_paper(*, report, actor, received_on, reason):
    """Record that the unit handed in this report on paper on ``received_on``.

    For units that report on paper: the office types the report in
    (``report_save``), then records when the paper arrived. The due date
    applies to that day, as it would to an online submission.
    """
    lock_report(report)
    ensure_transition(report, ReportState.SUBMITTED, REPORT_TRANSITIONS)
    require_perm(actor, "campaigns.record_paper_report", report)
    reason = required_reason(reason, _("Please say how the paper report was received."))
    now = timezone.now()
    period = report.period
    if not period.opens_on <= received_on <= timezone.localdate(now):
        raise ValidationError(
            _("The day the paper arrived must be between %(opens)s and today.")
            % {"opens": period.opens_on.strftime("%d/%m/%Y")},
            code="received_out_of_range",
        )
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    received_at = min(datetime.datetime.combine(received_on, datetime.time(9), tz), now)
    deadline = report_deadline(period, report.unit_id)
    if submission_is_late(report, received_at, deadline=deadline):
        raise _late_error(report, deadline)
    _ensure_complete(report)
    report.submitted_at = received_at
    # The office holds the paper: the unit has nothing to withdraw.
    report.office_opened_at = now
    report.office_opened_by = real_user(actor)
    transition(
        report,
        ReportState.SUBMITTED,
        actor=actor,
        action="campaigns.report.recorded_from_paper",
        transitions=REPORT_TRANSITIONS,
        reason=reason,
        extra_fields=["submitted_at", "office_opened_at", "office_opened_by"],
        data={
            "received_on": received_on.strftime("%d/%m/%Y"),
            "days_late": deadline.days_late(received_at),
        },
    )
    return report


@transaction.atomic
def report_return(*, report, actor, reason, notify=True):
    """Send the report back to the unit with the office's comment."""
    lock_report(report)
    ensure_transition(report, ReportState.RETURNED, REPORT_TRANSITIONS)
    require_perm(actor, "campaigns.return_report", report)
    reason = required_reason(reason, _("Please write what the unit should correct."))
    report.return_reason = reason
    report.reviewed_at = timezone.now()
    report.reviewed_by = real_user(actor)
    opened = _record_opened(report, actor)  # the office's first POST opens it
    transition(
        report,
        ReportState.RETURNED,
        actor=actor,
        action="campaigns.report.returned",
        transitions=REPORT_TRANSITIONS,
        reason=reason,
        extra_fields=["return_reason", "reviewed_at", "reviewed_by", *opened],
    )
    if notify:
        notify_unit(report, _("Report returned: %(report)s"), reason)
    return report


@transaction.atomic
def report_accept(*, report, actor, notify=True):
    """Accept a submitted report; its numbers then count in the aggregate and scoring."""
    lock_report(report)
    ensure_transition(report, ReportState.ACCEPTED, REPORT_TRANSITIONS)
    require_perm(actor, "campaigns.accept_report", report)
    report.reviewed_at = timezone.now()
    report.reviewed_by = real_user(actor)
    opened = _record_opened(report, actor)  # the office's first POST opens it
    transition(
        report,
        ReportState.ACCEPTED,
        actor=actor,
        action="campaigns.report.accepted",
        transitions=REPORT_TRANSITIONS,
        extra_fields=["reviewed_at", "reviewed_by", *opened],
    )
    if notify:
        notify_unit(report, _("Report accepted: %(report)s"), "")
    return report


@transaction.atomic
def report_reopen(*, report, actor, reason):
    """Let the unit change and submit the report again, even after the due date."""
    lock_report(report)
    if (
        report.state == ReportState.DRAFT
        and not report_deadline(report.period, report.unit_id).is_past()
    ):
        raise ValidationError(
            _(
                "This draft can still be submitted before its due date; there is "
                "nothing to reopen."
            ),
            code="nothing_to_reopen",
        )
    require_perm(actor, "campaigns.reopen_report", report)
    reason = required_reason(
        reason, _("Please give the reason for reopening this report.")
    )
    target = next(iter(REPORT_REOPEN_TRANSITIONS[report.state]))
    report.reopened = True
    report.reopened_at = timezone.now()
    report.reopen_reason = reason
    fields = ["reopened", "reopened_at", "reopen_reason"]
    if target == ReportState.RETURNED and report.state != ReportState.RETURNED:
        report.return_reason = reason
        fields.append("return_reason")
    transition(
        report,
        target,
        actor=actor,
        action="campaigns.report.reopened",
        transitions=REPORT_REOPEN_TRANSITIONS,
        reason=reason,
        extra_fields=fields,
    )
    return report


@transaction.atomic
def report_attachment_add(*, report, actor, file, goal=None):
    """Check ``file`` by its content and size, then attach it under a generated name."""
    lock_report(report)
    _ensure_editable(report)
    require_perm(actor, "campaigns.edit_report", report)
    if goal is not None and goal.campaign_id != report.period.campaign_id:
        raise ValidationError(_("Unknown goal section."), code="unknown_goal")
    attachment = evidence_attach(
        ReportAttachment(report=report, goal=goal), file, actor=actor
    )
    log_action(
        report,
        "campaigns.report.attachment_added",
        actor=actor,
        data={"attachment": attachment.pk, "name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def report_attachment_remove(*, attachment, actor):
    """Remove an attachment from an editable report; its file goes once committed."""
    report = attachment.report
    lock_report(report)
    _ensure_editable(report)
    require_perm(actor, "campaigns.edit_report", report)
    name = attachment.original_name
    evidence_remove(attachment)
    log_action(
        report, "campaigns.report.attachment_removed", actor=actor, data={"name": name}
    )
