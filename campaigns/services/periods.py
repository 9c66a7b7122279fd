"""Changes to what reports are measured against: a period's due date, an indicator's rules.

Both alter what was already reported (who was late, which numbers fit), so
each needs a reason and the log keeps the old and the new values.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phongquang_portal.core.activity import field_changes, log_action, required_reason
from phongquang_portal.core.permissions import require_perm

from ..models import Indicator, IndicatorValue, ReportingPeriod
from ..validators import check_indicator_rules, check_period_dates
from .values import check_indicator_value, format_number


@transaction.atomic
def period_due_change(*, period, actor, reason, due_on):
    """Move a reporting period's due date, saying why."""
    require_perm(actor, "campaigns.change_period_rules", period)
    reason = required_reason(
        reason, _("Please give the reason for changing the due date.")
    )
    ReportingPeriod.objects.select_for_update().filter(pk=period.pk).values_list(
        "pk"
    ).get()
    period.refresh_from_db()
    check_period_dates(
        campaign_year=period.campaign.year, opens_on=period.opens_on, due_on=due_on
    )
    changes = field_changes(period, {"due_on": due_on})
    if not changes:
        raise ValidationError(
            _("This is already the period's due date."), code="no_change"
        )
    period.due_on = due_on
    period.save(update_fields=["due_on", "updated_at"])
    log_action(
        period,
        "campaigns.period.due_changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return period


@transaction.atomic
def indicator_rules_change(
    *, indicator, actor, reason, value_type, min_value, max_value
):
    """Change an indicator's type and bounds, saying why.

    Refused when a value already reported would no longer fit.
    """
    require_perm(actor, "campaigns.change_indicator_rules", indicator)
    reason = required_reason(
        reason, _("Please give the reason for changing the indicator's rules.")
    )
    Indicator.objects.select_for_update().filter(pk=indicator.pk).values_list(
        "pk"
    ).get()
    indicator.refresh_from_db()
    min_value = None if min_value is None else Decimal(min_value)
    max_value = None if max_value is None else Decimal(max_value)
    check_indicator_rules(
        value_type=value_type,
        min_value=min_value,
        max_value=max_value,
        target=indicator.target,
    )
    new_values = {
        "value_type": value_type,
        "min_value": min_value,
        "max_value": max_value,
    }
    changes = field_changes(indicator, new_values)
    if not changes:
        raise ValidationError(
            _("These are already the indicator's rules."), code="no_change"
        )
    probe = Indicator(
        name=indicator.name,
        unit_of_measure=indicator.unit_of_measure,
        **new_values,
    )
    misfits = []
    for value in IndicatorValue.objects.filter(indicator=indicator).values_list(
        "value", flat=True
    ):
        try:
            check_indicator_value(probe, value)
        except ValidationError:
            misfits.append(value)
    if misfits:
        raise ValidationError(
            _(
                "%(count)s value(s) already reported would no longer fit, for "
                "example %(value)s. Correct those reports first."
            )
            % {"count": len(misfits), "value": format_number(misfits[0])},
            code="values_do_not_fit",
        )
    for name, value in new_values.items():
        setattr(indicator, name, value)
    indicator.save(update_fields=list(new_values))
    log_action(
        indicator,
        "campaigns.indicator.rules_changed",
        actor=actor,
        reason=reason,
        data={"changes": changes},
    )
    return indicator
