"""What the campaigns app's models share: validator lists, and dates as the plan
writes them (deadlines: ``campaigns.deadlines``)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator

from phongquang_portal.core.documents import official_date as official_date
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.validators import no_control_characters

from ..validators import MAX_POSITION, NUMBER_LIMIT

TEXT = [no_control_characters]
POSITION = [MinValueValidator(1), MaxValueValidator(MAX_POSITION)]
# What a DecimalField(max_digits=14, decimal_places=2) holds, as form bounds.
NUMBER_BOUNDS = [
    MinValueValidator(-NUMBER_LIMIT + Decimal("0.01")),
    MaxValueValidator(NUMBER_LIMIT - Decimal("0.01")),
]


def plan_number_digits(plan_number):
    """The number part of "05/KH-UBND" ("05"), or "" when the number is not known."""
    head = (plan_number or "").split("/", 1)[0].strip()
    return head if parse_id(head) is not None else ""
