"""Numbers far beyond what is plausible: flagged, never refused (issue 17).

One rule, one place. A unit's number for one period is *far beyond* when it is
more than ``TARGET_FACTOR`` times the commune's target for that indicator:
the target is the whole commune's for the year, so one unit reporting three
times of it in one report (1.200 propaganda sessions where the commune aims at
150) is almost surely a typing slip (an extra zero, a phone number). The unit
sees a warning next to the number and at submitting; the office sees a mark on
the report's row of its board. The number is kept: the unit may be right.
"""

from decimal import Decimal

from django.db.models import F, Q
from django.utils.translation import gettext as _

from phongquang_portal.core.numbers import format_vn_number

TARGET_FACTOR = Decimal(3)


def far_beyond_q(prefix=""):
    """Q of the IndicatorValue rows (``prefix`` to reach them) that are far beyond."""
    return Q(**{f"{prefix}indicator__target__gt": 0}) & Q(
        **{f"{prefix}value__gt": F(f"{prefix}indicator__target") * TARGET_FACTOR}
    )


def is_far_beyond(indicator, value):
    target = indicator.target
    return value is not None and bool(target) and value > target * TARGET_FACTOR


def value_warning(indicator, value):
    """The unit's warning for ``value`` of ``indicator``, or None."""
    if not is_far_beyond(indicator, value):
        return None
    return _(
        "%(value)s %(unit)s is more than %(factor)s times the whole commune's "
        "target (%(target)s %(unit)s). Please check the number; if it is right, "
        "you may still submit it."
    ) % {
        "value": format_vn_number(value),
        "unit": indicator.unit_of_measure,
        "factor": format_vn_number(TARGET_FACTOR),
        "target": format_vn_number(indicator.target),
    }


def report_warnings(indicators, values):
    """{indicator pk: warning} for ``values`` ({indicator pk: Decimal})."""
    warnings = {}
    for indicator in indicators:
        message = value_warning(indicator, values.get(indicator.pk))
        if message:
            warnings[indicator.pk] = message
    return warnings
