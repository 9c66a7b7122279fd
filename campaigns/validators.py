"""The bounds a campaign's rules must keep, checked by the models' clean() and the services.

Each check raises one ``ValidationError`` holding a list of errors, each with
its own ``code``, so a form shows every problem at once.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .enums import IndicatorValueType

# The years a campaign may be for: the portal's lifetime, with room on both sides.
MIN_YEAR = 2000
MAX_YEAR = 2100
# Indicator bounds and values: DecimalField(max_digits=14, decimal_places=2).
NUMBER_LIMIT = Decimal("1000000000000")  # 10^12, exclusive
MAX_POSITION = 999


def _date(value):
    return value.strftime("%d/%m/%Y")


def check_campaign_dates(*, year, starts_on, ends_on, dossier_deadline):
    """Refuse dates that do not fit a campaign of ``year``.

    The campaign starts in its year (or late in the year before, when the plan
    is issued ahead), ends on or after it starts, at the latest in the next
    year, and receives dossiers until a day in its year or the next one, not
    before it starts.
    """
    errors = []
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            _("The year must be between %(min)s and %(max)s.")
            % {"min": MIN_YEAR, "max": MAX_YEAR},
            code="year_out_of_range",
        )
    if starts_on is not None and starts_on.year not in (year - 1, year):
        errors.append(
            ValidationError(
                _("The start date %(date)s is not in %(year)s.")
                % {"date": _date(starts_on), "year": year},
                code="starts_outside_year",
            )
        )
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        errors.append(
            ValidationError(
                _("The end date must not be before the start date."),
                code="ends_before_start",
            )
        )
    if ends_on is not None and ends_on.year not in (year, year + 1):
        errors.append(
            ValidationError(
                _("The end date %(date)s must be in %(year)s or %(next)s.")
                % {"date": _date(ends_on), "year": year, "next": year + 1},
                code="ends_outside_year",
            )
        )
    if dossier_deadline is not None:
        if dossier_deadline.year not in (year, year + 1):
            errors.append(
                ValidationError(
                    _("The dossier deadline %(date)s must be in %(year)s or %(next)s.")
                    % {"date": _date(dossier_deadline), "year": year, "next": year + 1},
                    code="deadline_outside_year",
                )
            )
        elif starts_on is not None and dossier_deadline < starts_on:
            errors.append(
                ValidationError(
                    _("The dossier deadline must not be before the start date."),
                    code="deadline_before_start",
                )
            )
    if errors:
        raise ValidationError(errors)


def check_period_dates(*, campaign_year, opens_on, due_on):
    """Refuse a reporting period due before it opens or outside the campaign's years."""
    errors = []
    if opens_on is not None and due_on is not None and due_on < opens_on:
        errors.append(
            ValidationError(
                _("The due date must not be before the opening date."),
                code="due_before_opening",
            )
        )
    for value, code in ((opens_on, "opens_outside_year"), (due_on, "due_outside_year")):
        if (
            value is not None
            and campaign_year is not None
            and abs(value.year - campaign_year) > 1
        ):
            errors.append(
                ValidationError(
                    _("%(date)s is too far from the campaign's year %(year)s.")
                    % {"date": _date(value), "year": campaign_year},
                    code=code,
                )
            )
    if errors:
        raise ValidationError(errors)


def check_indicator_rules(*, value_type, min_value, max_value, target=None):
    """Refuse bounds that contradict each other or the indicator's type."""
    errors = []
    for value in (min_value, max_value, target):
        if value is not None and abs(Decimal(value)) >= NUMBER_LIMIT:
            errors.append(
                ValidationError(_("This number is too large."), code="too_large")
            )
            break
    if min_value is not None and max_value is not None and max_value < min_value:
        errors.append(
            ValidationError(
                _("The maximum must not be below the minimum."),
                code="max_below_min",
            )
        )
    if target is not None and target < 0:
        errors.append(
            ValidationError(
                _("The commune target cannot be negative."), code="negative_target"
            )
        )
    if value_type == IndicatorValueType.PERCENTAGE:
        if min_value is not None and min_value < 0:
            errors.append(
                ValidationError(
                    _("A percentage cannot have a negative minimum."),
                    code="percentage_below_zero",
                )
            )
        if max_value is not None and max_value > 100:
            errors.append(
                ValidationError(
                    _("A percentage cannot have a maximum above 100."),
                    code="percentage_above_100",
                )
            )
    if value_type == IndicatorValueType.INTEGER:
        for value in (min_value, max_value):
            if value is not None and value != Decimal(value).to_integral_value():
                errors.append(
                    ValidationError(
                        _("A whole-number indicator needs whole-number bounds."),
                        code="bound_not_integer",
                    )
                )
                break
    if errors:
        raise ValidationError(errors)
