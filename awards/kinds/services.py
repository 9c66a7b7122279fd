"""An award kind's rules change with a reason, before any dossier is in; a new decree's
base salary is recorded from its date."""

import datetime
import decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.permissions import real_user, require_perm

from ..common.services import sync_fields
from ..enums import (
    AWARD_RULE_FIELDS,
    BASE_SALARY_MAX,
    BASE_SALARY_MIN,
    MULTIPLIER_MAX,
    QUOTA_MAX,
    SUBMITTED_STATES,
    AttachmentKind,
)
from .models import AwardKind, BaseSalary


def award_rules_locked(award_kind):
    """Whether a dossier of ``award_kind`` has left draft: its rules are then fixed."""
    return award_kind.nominations.filter(state__in=SUBMITTED_STATES).exists()


def _whole_number(value):
    """``value`` (an int or its digits as text) as an int, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip() if isinstance(value, str) else ""
    if parse_id(text.removeprefix("-")) is not None:
        return int(text)
    return None


def _clean_rule(name, value):
    """Check one award rule's new value; return it in the field's type."""
    if name == "deadline_bound":
        if not isinstance(value, bool):
            raise ValidationError(
                _("Say whether the award is bound by the deadline."),
                code="deadline_bound",
            )
        return value
    if name in ("quota_collective", "quota_individual"):
        if value is None or value == "":
            return None
        number = _whole_number(value)
        if number is None or not 0 <= number <= QUOTA_MAX:
            raise ValidationError(
                _("A quota is a whole number from 0 to %(max)s, or empty (no quota).")
                % {"max": QUOTA_MAX},
                code="quota_range",
            )
        return number
    if name == "required_documents":
        documents = list(value or [])
        unknown = [code for code in documents if code not in AttachmentKind.values]
        if unknown:
            raise ValidationError(
                _("Unknown document type: %(codes)s.") % {"codes": ", ".join(unknown)},
                code="required_documents",
            )
        return [code for code in AttachmentKind.values if code in documents]
    try:
        amount = decimal.Decimal(str(value))
    except (decimal.InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or not 0 <= amount <= MULTIPLIER_MAX:
        raise ValidationError(
            _("A prize multiplier is a number from 0 to %(max)s.")
            % {"max": MULTIPLIER_MAX},
            code="multiplier_range",
        )
    return amount.quantize(decimal.Decimal("0.01"))


@transaction.atomic
def award_rules_change(*, award_kind, actor, reason, **fields):
    """Change an award kind's quotas, prize multipliers, deadline rule or documents.

    Only before any dossier of that kind has been submitted (after that, the
    rules the units applied under are fixed), with a reason, logged with the
    old and new values.
    """
    require_perm(actor, "awards.manage_award_rules")
    unknown = sorted(set(fields) - set(AWARD_RULE_FIELDS))
    if unknown:
        raise ValidationError(
            _("These are not award rules: %(fields)s.")
            % {"fields": ", ".join(unknown)},
            code="unknown_field",
        )
    locked = AwardKind.objects.select_for_update().get(pk=award_kind.pk)
    if award_rules_locked(locked):
        raise ValidationError(
            _(
                "Dossiers for “%(award)s” have already been submitted: its quotas, "
                "prizes, deadline rule and required documents can no longer change."
            )
            % {"award": locked.name},
            code="rules_locked",
        )
    reason = required_reason(reason, _("Say why the award's rules change."))
    new_values = {name: _clean_rule(name, value) for name, value in fields.items()}
    changes = field_changes(locked, new_values)
    if not changes:
        raise ValidationError(
            _("The values given are the ones recorded: nothing to change."),
            code="no_change",
        )
    for name in changes:
        setattr(locked, name, new_values[name])
    locked.save(update_fields=list(changes))
    log_action(
        locked,
        "awards.award_kind.rules_changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return sync_fields(award_kind, locked)


def base_salary_on(day):
    """The base-salary row in force on ``day``; refuse when none is recorded."""
    row = BaseSalary.in_force_on(day)
    if row is None:
        raise ValidationError(
            _(
                "No base salary is recorded in force on %(date)s: record the decree's "
                "base salary first."
            )
            % {"date": day.strftime("%d/%m/%Y")},
            code="no_base_salary",
        )
    return row


@transaction.atomic
def base_salary_add(*, amount, effective_from, legal_document, actor, reason):
    """Record the base salary a new decree sets, from its effective date.

    Rows are never edited: decisions already issued keep the figures they
    were computed with, and a decision dated on or after ``effective_from``
    is computed from this row.
    """
    require_perm(actor, "awards.add_basesalary")
    reason = required_reason(reason, _("Say which decree sets this base salary."))
    if (
        isinstance(amount, bool)
        or not isinstance(amount, int)
        or not BASE_SALARY_MIN <= amount <= BASE_SALARY_MAX
    ):
        raise ValidationError(
            _("The base salary is a whole number of đồng from %(min)s to %(max)s.")
            % {
                "min": f"{BASE_SALARY_MIN:,}".replace(",", "."),
                "max": f"{BASE_SALARY_MAX:,}".replace(",", "."),
            },
            code="base_salary_range",
        )
    if not isinstance(effective_from, datetime.date):
        raise ValidationError(
            _("Enter the date the base salary is in force from."),
            code="base_salary_date",
        )
    if legal_document is None:
        raise ValidationError(
            _("Choose the decree that sets the base salary."),
            code="base_salary_decree",
        )
    if BaseSalary.objects.filter(effective_from=effective_from).exists():
        raise ValidationError(
            _("A base salary is already recorded from %(date)s.")
            % {"date": effective_from.strftime("%d/%m/%Y")},
            code="base_salary_date_taken",
        )
    row = BaseSalary.objects.create(
        amount=amount,
        effective_from=effective_from,
        legal_document=legal_document,
        created_by=real_user(actor),
    )
    log_action(
        row,
        "awards.base_salary.added",
        actor=actor,
        reason=reason,
        data={
            "amount": amount,
            "effective_from": effective_from.isoformat(),
            "legal_document": legal_document.citation,
        },
    )
    return row
