"""Numbers and texts as units type them: Vietnamese decimal commas, bounds, lengths."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phongquang_portal.core.numbers import (
    MAX_TYPED_LENGTH,
    NotANumber,
    format_vn_number,
    parse_vn_number,
)

from ..enums import IndicatorValueType
from ..models import NARRATIVE_MAX_CHARS
from ..validators import NUMBER_LIMIT


def format_number(value):
    """A stored number as a Vietnamese reader writes it: "12,5", "3", "3.127"."""
    return format_vn_number(value)


def parse_indicator_value(indicator, raw):
    """Turn typed text into a Decimal for ``indicator``; blank gives None.

    Reads numbers as Vietnamese write them ("1.000" is one thousand,
    "1.234,5"), a single decimal dot ("12.5") and English thousands
    ("1,234.5") too (``core.numbers.parse_vn_number``); raises ValidationError
    with a message that names the indicator.
    """
    if raw is None:
        return None
    if isinstance(raw, (int, Decimal)):
        value = Decimal(raw)
    else:
        text = str(raw).strip()
        if len(text) > MAX_TYPED_LENGTH:
            raise ValidationError(_("This number is too large."), code="too_large")
        try:
            value = parse_vn_number(text)
        except NotANumber:
            raise ValidationError(
                _(
                    "“%(value)s” is not a number. Type digits only, for example "
                    "12, 12,5 or 1.000."
                )
                % {"value": raw},
                code="not_a_number",
            ) from None
        if value is None:
            return None
    if not value.is_finite():
        raise ValidationError(_("Please type a number."), code="not_a_number")
    if abs(value) >= NUMBER_LIMIT:
        raise ValidationError(_("This number is too large."), code="too_large")
    if value == value.to_integral_value():
        # "1,00" is one: trailing zeros are not decimals the unit meant.
        value = value.quantize(Decimal(1))
    elif value.as_tuple().exponent < -2:
        value = value.normalize()
    check_indicator_value(indicator, value)
    return value


def check_indicator_value(indicator, value):
    """Raise ValidationError unless ``value`` fits the indicator's type and bounds."""
    if not value.is_finite() or abs(value) >= NUMBER_LIMIT:
        raise ValidationError(_("This number is too large."), code="too_large")
    if (
        indicator.value_type == IndicatorValueType.INTEGER
        and value != value.to_integral_value()
    ):
        raise ValidationError(
            _("“%(indicator)s” is counted in whole numbers (%(unit)s).")
            % {"indicator": indicator.name, "unit": indicator.unit_of_measure},
            code="not_integer",
        )
    if value.as_tuple().exponent < -2:
        raise ValidationError(
            _("Use at most two decimal places."), code="too_many_decimals"
        )
    low, high = indicator.effective_min, indicator.effective_max
    if value < 0 and (low is None or low >= 0):
        raise ValidationError(
            _("“%(indicator)s” cannot be negative.") % {"indicator": indicator.name},
            code="negative",
        )
    if low is not None and value < low:
        raise ValidationError(
            _("“%(indicator)s” must be at least %(min)s.")
            % {"indicator": indicator.name, "min": format_number(low)},
            code="below_min",
        )
    if high is not None and value > high:
        raise ValidationError(
            _("“%(indicator)s” must be at most %(max)s %(unit)s.")
            % {
                "indicator": indicator.name,
                "max": format_number(high),
                "unit": indicator.unit_of_measure,
            },
            code="above_max",
        )


def check_narrative(goal, text):
    """Raise ValidationError when a narrative is longer than the limit."""
    if len(text) > NARRATIVE_MAX_CHARS:
        raise ValidationError(
            _(
                "Section %(goal)s is %(length)s characters long; the limit is %(limit)s. "
                "Please shorten it or attach the full text as a file."
            )
            % {
                "goal": goal.code,
                "length": format_vn_number(len(text)),
                "limit": format_vn_number(NARRATIVE_MAX_CHARS),
            },
            code="too_long",
        )
