"""Points as officials type and read them: parsed, checked against a criterion, written.

And the points an automatic criterion gives for a reported indicator value."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..enums import AutoMode, CriterionKind

ZERO = Decimal("0")

CENT = Decimal("0.01")


# Points as people type them: digits, one decimal comma or point.
POINTS_PATTERN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$", re.ASCII)


def parse_points(value):
    """Return typed points as a Decimal ("7,5" or "7.5"), or None when empty.

    Only plain digits are numbers here: "1e9", "NaN" or "∞" are refused, so
    whatever is typed ends in a message, never in an error page.
    """
    if value in (None, ""):
        return None
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value).strip()
        if not POINTS_PATTERN.match(text) or len(text) > 12:
            raise ValidationError(
                _("“%(value)s” is not a number of points (for example 7 or 7,5).")
                % {"value": text[:20]},
                code="not_a_number",
            )
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the pattern stops it
            raise ValidationError(
                _("“%(value)s” is not a number of points (for example 7 or 7,5).")
                % {"value": text[:20]},
                code="not_a_number",
            ) from exc
    if not number.is_finite():
        raise ValidationError(
            _("“%(value)s” is not a number of points (for example 7 or 7,5).")
            % {"value": value},
            code="not_a_number",
        )
    return number


def validate_points(criterion, points):
    """Raise ValidationError unless ``points`` lies within 0 and the criterion's maximum or cap."""
    if points is None:
        return
    points = Decimal(points)
    if not points.is_finite() or points < 0 or points > criterion.max_points:
        if criterion.kind == CriterionKind.PENALTY:
            message = _(
                "The penalty for criterion %(code)s must be between 0 and its cap of "
                "%(max)s points; %(value)s was entered."
            )
        elif criterion.kind == CriterionKind.BONUS:
            message = _(
                "The bonus for criterion %(code)s must be between 0 and its cap of "
                "%(max)s points; %(value)s was entered."
            )
        else:
            message = _(
                "The points for criterion %(code)s must be between 0 and %(max)s; "
                "%(value)s was entered."
            )
        raise ValidationError(
            message
            % {
                "code": criterion.code,
                "max": format_points(criterion.max_points),
                "value": format_points(points),
            },
            code="points_out_of_range",
        )
    if points != points.quantize(CENT):
        raise ValidationError(
            _("The points for criterion %(code)s may have at most two decimals.")
            % {"code": criterion.code},
            code="points_precision",
        )


def format_points(number):
    """Points as officials write them: 7,5 (a short text whatever the number)."""
    number = Decimal(number)
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        return "…"
    text = f"{number.normalize():f}"
    return text.replace(".", ",")


def typed_decimal(value, *, message, code):
    """``value`` as a finite Decimal, or ValidationError(message, code)."""
    if isinstance(value, Decimal):
        number = value
    else:
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except (InvalidOperation, ValueError) as exc:
            raise ValidationError(message, code=code) from exc
    if not number.is_finite():
        raise ValidationError(message, code=code)
    return number


def points_errors(rows, *, required=False):
    """The ValidationErrors (with their codes) of the rows' points, all at once."""
    errors = []
    for row in rows:
        if row.points is None:
            if required:
                errors.append(
                    ValidationError(
                        _("Give the final points for criterion %(code)s.")
                        % {"code": row.entry.criterion.code},
                        code="points_missing",
                    )
                )
            continue
        try:
            validate_points(row.entry.criterion, row.points)
        except ValidationError as exc:
            errors.extend(exc.error_list)
    return errors


def automatic_points(criterion, value):
    """Points an automatic criterion gives for an indicator ``value``.

    Full points at or above the target; below it, proportional points or none,
    as the criterion says. Rounded half up to 0.01.
    """
    if value is None or not criterion.target or criterion.target <= 0:
        return None
    value = Decimal(value)
    if value >= criterion.target:
        return criterion.max_points
    if value <= 0 or criterion.auto_mode == AutoMode.THRESHOLD:
        return ZERO.quantize(CENT)
    return (criterion.max_points * value / criterion.target).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
