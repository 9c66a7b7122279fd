"""The office extends one unit's deadline, dated and with a reason, or withdraws the
extension: one grant and one revoke for every kind of extension.

``extension_grant`` and ``extension_revoke`` hold the shape (lock, permission,
reason, dates, create or change, the log, the notice); an ``ExtensionPolicy``
says what differs. Reports' policy and services are here
(``report_extension_grant``, ``report_extension_revoke``); dossiers' are in
``awards.extensions.services``. ``campaigns.deadlines`` honours what they grant.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import real_user, require_perm

from ..deadlines import deadline_for, ensure_extendable, report_deadline
from ..models import ReportExtension
from .notifications import notify_unit_of_extension

# What happens to an extension, as ``ExtensionPolicy.log`` is told.
GRANTED, CHANGED, REVOKED = "granted", "changed", "revoked"


@dataclass(frozen=True)
class ExtensionPolicy:
    """What one kind of extension adds to the shared grant and revoke."""

    # The concrete DeadlineExtension model.
    model: type
    # The permission the actor needs on the subject (the period, the award kind).
    permission: str
    # How far past the due day an extension may reach.
    max_days: int
    # (extension, event, **log_action's keywords) → write the log entry of the
    # event ("granted", "changed", "revoked") under the subject's own codes.
    log: Callable
    # subject → its Deadline for everyone (campaigns.deadlines).
    deadline: Callable
    # (subject, unit) → raise ValidationError when the unit has nothing to extend.
    check: Callable | None = None
    # extension → tell the unit (on commit).
    notify: Callable | None = None


def _lock(obj):
    type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("pk").get()


@transaction.atomic
def extension_grant(policy, *, subject, unit, until, reason, actor, notify=True):
    """Let ``unit`` do what ``subject`` asks until the end of ``until``.

    Granting again moves the date later (old and new kept in the log); a
    withdrawn extension is granted anew. Grants for one subject wait for
    each other (the subject's row is locked).
    """
    require_perm(actor, policy.permission, subject)
    _lock(subject)
    if policy.check is not None:
        policy.check(subject, unit)
    model = policy.model
    reason = required_reason(reason, _("Please give the reason for the extension."))
    for validator in model._meta.get_field("reason").validators:
        validator(reason)
    extension = (
        model.objects.select_for_update()
        .filter(**{model.subject_field: subject, "unit": unit})
        .order_by("pk")
        .first()
    )
    deadline = deadline_for(policy.deadline(subject).due_on, extension)
    ensure_extendable(deadline, until, max_days=policy.max_days)
    if extension is None:
        extension = model.objects.create(
            **{model.subject_field: subject},
            unit=unit,
            until=until,
            reason=reason,
            granted_by=real_user(actor),
        )
        policy.log(
            extension,
            GRANTED,
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
        policy.log(
            extension,
            CHANGED,
            actor=actor,
            reason=reason,
            data={"changes": changes, "until": until.strftime("%d/%m/%Y")},
        )
    if notify and policy.notify is not None:
        policy.notify(extension)
    return extension


@transaction.atomic
def extension_revoke(policy, *, extension, reason, actor):
    """Withdraw an extension, once: the due day applies to the unit again."""
    model = policy.model
    extension = model.objects.select_for_update().get(pk=extension.pk)
    require_perm(actor, policy.permission, extension.subject)
    if extension.revoked_at is not None:
        raise ValidationError(
            _("This extension has already been withdrawn."), code="already_revoked"
        )
    reason = required_reason(
        reason, _("Please give the reason for withdrawing the extension.")
    )
    extension.revoked_at = timezone.now()
    extension.save(update_fields=["revoked_at", "updated_at"])
    policy.log(extension, REVOKED, actor=actor, reason=reason)
    return extension


# --- Reports ---------------------------------------------------------------------------


def _check_reports(period, unit):
    if not period.applies_to(unit.kind):
        raise ValidationError(
            _("“%(unit)s” does not report in “%(period)s”.")
            % {"unit": unit.name, "period": period.name},
            code="not_reporting",
        )


def _log_report_extension(extension, event, **kwargs):
    # The codes are written out, so the log's sentences can be checked for each.
    log_action(
        extension,
        "campaigns.extension.granted"
        if event == GRANTED
        else "campaigns.extension.changed"
        if event == CHANGED
        else "campaigns.extension.revoked",
        **kwargs,
    )


REPORT_EXTENSIONS = ExtensionPolicy(
    model=ReportExtension,
    permission="campaigns.extend_report",
    # An extension is for days or weeks, not for another year.
    max_days=90,
    log=_log_report_extension,
    deadline=report_deadline,
    check=_check_reports,
    notify=notify_unit_of_extension,
)
MAX_EXTENSION_DAYS = REPORT_EXTENSIONS.max_days


def report_extension_grant(*, period, unit, until, reason, actor, notify=True):
    """Let ``unit`` submit its report for ``period`` until the end of ``until``."""
    return extension_grant(
        REPORT_EXTENSIONS,
        subject=period,
        unit=unit,
        until=until,
        reason=reason,
        actor=actor,
        notify=notify,
    )


def report_extension_revoke(*, extension, reason, actor):
    """Withdraw an extension (the period's due date applies to the unit again)."""
    return extension_revoke(
        REPORT_EXTENSIONS, extension=extension, reason=reason, actor=actor
    )
