"""Form fields and messages that the awards' forms share."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.validators import no_control_characters

from ..enums import COUNCIL_MAX_MEMBERS

NUMBER_MESSAGES = {
    "required": _("Please enter a number."),
    "invalid": _("Enter a whole number."),
    "min_value": _("Enter a number of at least %(limit_value)s."),
    "max_value": _("Enter a number of at most %(limit_value)s."),
}

DECIMAL_MESSAGES = {
    **NUMBER_MESSAGES,
    "invalid": _("Enter a number, such as 0.30."),
    "max_digits": _("Enter a number of at most %(max)s digits."),
    "max_decimal_places": _("Enter at most %(max)s digits after the decimal point."),
    "max_whole_digits": _("Enter at most %(max)s digits before the decimal point."),
}


def count_field(label, *, min_value=0, max_value=COUNCIL_MAX_MEMBERS, **kwargs):
    """A whole number the council or the office types, bounded, in Vietnamese."""
    return ids.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        error_messages=NUMBER_MESSAGES,
        **kwargs,
    )


def typed_text(field):
    """Refuse invisible control characters in a text field users type into."""
    if no_control_characters not in field.validators:
        field.validators.append(no_control_characters)
    return field
