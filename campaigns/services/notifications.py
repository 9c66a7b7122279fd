"""E-mails to the units: a report returned or accepted, reminders before the due date."""

from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import log_action
from phongquang_portal.core.links import absolute_url
from phongquang_portal.core.permissions import SYSTEM, require_perm

from ..deadlines import deadline_for
from ..enums import REPORT_EDITABLE_STATES


def unit_recipients(unit_ids):
    """Return {unit_id: [e-mail, ...]} for the heads of the units and the units' own address."""
    from units.models import Unit
    from units.selectors import heads_of_units

    heads = heads_of_units(unit_ids)
    result = {}
    for unit in Unit.objects.filter(pk__in=unit_ids).only("pk", "email"):
        emails = [user.email for user in heads.get(unit.pk, []) if user.email]
        if unit.email:
            emails.append(unit.email)
        result[unit.pk] = sorted(set(emails))
    return result


def notify_unit(report, subject_template, body):
    """E-mail the unit about its report once the transaction commits."""
    recipients = unit_recipients([report.unit_id]).get(report.unit_id, [])
    if not recipients:
        return
    subject = subject_template % {"report": str(report)}
    link = absolute_url(report.get_absolute_url())
    message = "\n\n".join(part for part in (subject, body, link) if part)
    transaction.on_commit(
        lambda: send_mail(subject, message, None, recipients, fail_silently=True)
    )


def notify_unit_of_extension(extension):
    """E-mail the unit that the office extended its report's due date."""
    recipients = unit_recipients([extension.unit_id]).get(extension.unit_id, [])
    if not recipients:
        return
    period = extension.period
    deadline = deadline_for(period.due_on, extension)
    subject = _("Extension: report “%(period)s” now due %(date)s") % {
        "period": period.name,
        "date": deadline.display,
    }
    body = "\n\n".join(
        [
            _("Dear head of %(unit)s,") % {"unit": extension.unit.name},
            _(
                "The Culture-Social office has extended the due date of your unit's "
                "report for “%(period)s” from %(due)s to the end of %(date)s."
            )
            % {
                "period": period.name,
                "due": deadline.due_on.strftime("%d/%m/%Y"),
                "date": deadline.display,
            },
            _("Reason: %(reason)s") % {"reason": extension.reason},
            _("Fill in the report online: %(url)s")
            % {"url": absolute_url(reverse("campaigns:report_list"))},
            _("Culture-Social office, People's Committee of the commune"),
        ]
    )
    transaction.on_commit(
        lambda: send_mail(subject, body, None, recipients, fail_silently=True)
    )


def reminder_rows(period, *, now=None, due_between=None):
    """The board rows of the units of ``period`` that have not submitted.

    ``due_between``: (first, last) keeps only the units whose own deadline
    (the period's, or their extension's) falls within those days.
    """
    from ..selectors import board_rows

    rows = [
        row
        for row in board_rows(period, now=now)
        if row.report is None or row.report.state in REPORT_EDITABLE_STATES
    ]
    if due_between is not None:
        first, last = due_between
        rows = [row for row in rows if first <= row.deadline.day <= last]
    return rows


def report_reminders_send(
    *, period, actor=SYSTEM, now=None, base_url="", due_between=None
):
    """E-mail every unit that must report in ``period`` and has not submitted.

    ``due_between``: as for ``reminder_rows`` (the daily reminders); the
    office's button reminds every unit that has not submitted. Returns the
    list of (unit, recipients) reminded; units without any address are
    skipped (and listed with no recipients).
    """
    require_perm(actor, "campaigns.remind_units", period)
    now = now or timezone.now()
    rows = reminder_rows(period, now=now, due_between=due_between)
    recipients = unit_recipients([row.unit.pk for row in rows])
    path = reverse("campaigns:report_list")
    link = base_url.rstrip("/") + path if base_url else absolute_url(path)
    messages, reminded = [], []
    for row in rows:
        emails = recipients.get(row.unit.pk, [])
        reminded.append((row.unit, emails))
        if not emails:
            continue
        # The unit's own day: the period's, or the office's extension for it.
        due = row.deadline.display
        subject = _("Reminder: report “%(period)s” due %(date)s") % {
            "period": period.name,
            "date": due,
        }
        if row.is_overdue:
            status = _("The due date has passed; please submit as soon as possible.")
        else:
            status = _("%(days)s day(s) left.") % {"days": row.days_left}
        body = "\n\n".join(
            [
                _("Dear head of %(unit)s,") % {"unit": row.unit.name},
                _(
                    "Your unit has not yet submitted its report for “%(period)s” of the "
                    "campaign “%(campaign)s”. It is due by the end of %(date)s."
                )
                % {
                    "period": period.name,
                    "campaign": period.campaign.name,
                    "date": due,
                },
                str(status),
                _("Fill in the report online: %(url)s") % {"url": link},
                _("Culture-Social office, People's Committee of the commune"),
            ]
        )
        messages.append(EmailMessage(subject, body, None, emails))
    if messages:
        get_connection().send_messages(messages)
    log_action(
        period,
        "campaigns.period.reminded",
        actor=actor,
        data={"units": len(reminded), "emails": len(messages)},
    )
    return reminded
