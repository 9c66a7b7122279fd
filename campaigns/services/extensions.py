"""The office extends one unit's report due date: dated, with a reason, logged.

``report_submit`` and ``report_record_paper`` honour the extension
(``submission_is_late``); the board and the unit's pages show it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import real_user, require_perm

from ..models import ReportExtension
from .notifications import notify_unit_of_extension

# An extension is for days or weeks, not for another year.
MAX_EXTENSION_DAYS = 90


def _check_until(period, until):
    if until <= period.due_on:
        raise ValidationError(
            _("An extension must end after the due date (%(date)s).")
            % {"date": period.due_on.strftime("%d/%m/%Y")},
            code="extension_not_later",
        )
    if until > period.due_on + datetime.timedelta(days=MAX_EXTENSION_DAYS):
        raise ValidationError(
            _("An extension may reach at most %(days)s days past the due date.")
            % {"days": MAX_EXTENSION_DAYS},
            code="extension_too_long",
        )


@transaction.atomic
def report_extension_grant(*, period, unit, until, reason, actor, notify=True):
    """Let ``unit`` submit its report for ``period`` until the end of ``until``.

    Granting again changes the date (old and new kept in the log); a
    withdrawn extension is granted anew.
    """
    require_perm(actor, "campaigns.extend_report", period)
    if not period.applies_to(unit.kind):
        raise ValidationError(
            _("“%(unit)s” does not report in “%(period)s”.")
            % {"unit": unit.name, "period": period.name},
            code="not_reporting",
        )
    reason = required_reason(reason, _("Please give the reason for the extension."))
    _check_until(period, until)
    extension = (
        ReportExtension.objects.select_for_update()
        .filter(period=period, unit=unit)
        .first()
    )
    if extension is None:
        extension = ReportExtension.objects.create(
            period=period,
            unit=unit,
            until=until,
            reason=reason,
            granted_by=real_user(actor),
        )
        log_action(
            extension,
            "campaigns.extension.granted",
            actor=actor,
            reason=reason,
            data={"until": until.strftime("%d/%m/%Y")},
        )
    else:
        changes = field_changes(extension, {"until": until, "revoked_at": None})
        extension.until = until
        extension.reason = reason
        extension.revoked_at = None
        extension.granted_by = real_user(actor)
        extension.save(
            update_fields=["until", "reason", "revoked_at", "granted_by", "updated_at"]
        )
        log_action(
            extension,
            "campaigns.extension.changed",
            actor=actor,
            reason=reason,
            data={"changes": changes, "until": until.strftime("%d/%m/%Y")},
        )
    if notify:
        notify_unit_of_extension(extension)
    return extension


@transaction.atomic
def report_extension_revoke(*, extension, reason, actor):
    """Withdraw an extension (the unit's original due date applies again)."""
    extension = ReportExtension.objects.select_for_update().get(pk=extension.pk)
    require_perm(actor, "campaigns.extend_report", extension.period)
    if extension.revoked_at is not None:
        raise ValidationError(
            _("This extension has already been withdrawn."), code="already_revoked"
        )
    reason = required_reason(
        reason, _("Please give the reason for withdrawing the extension.")
    )
    extension.revoked_at = timezone.now()
    extension.save(update_fields=["revoked_at", "updated_at"])
    log_action(extension, "campaigns.extension.revoked", actor=actor, reason=reason)
    return extension
