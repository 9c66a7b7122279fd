"""Ids and numbers from requests: ASCII digits only, one parser for the portal.

Python calls "²", "٣" and "１" digits: ``"²".isdigit()`` is true while
``int("²")`` fails, and ``int("٣")`` is 3 although no official types it. An id
in a query string or a form (``?unit=…``, ``?period=…``) is read by
``parse_id``: a whole number written with 0–9 and nothing else, or None (the
page then answers 404 or ignores the parameter). A number typed into a form
is refused with a Vietnamese message when it holds any other digit
(``refuse_foreign_digits``, used by the portal's number fields).
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ID = re.compile(r"[0-9]{1,18}")  # below 2**63: every database's integer key

FOREIGN_DIGITS_MESSAGE = _(
    "Type the number with the digits 0 to 9 only (not ², ٣ or full-width digits)."
)


def parse_id(value):
    """Return the id written in ``value`` with ASCII digits 0–9, else None."""
    if value is None:
        return None
    text = str(value).strip()
    if not _ID.fullmatch(text):
        return None
    return int(text)


def has_foreign_digits(text):
    """True when ``text`` holds a digit that is not one of 0–9."""
    return any(
        not ("0" <= char <= "9") and unicodedata.category(char) in ("Nd", "No")
        for char in str(text)
    )


def refuse_foreign_digits(value):
    """Raise a ValidationError (Vietnamese) when a typed number uses other digits."""
    if value is not None and has_foreign_digits(value):
        raise ValidationError(FOREIGN_DIGITS_MESSAGE, code="foreign_digits")


class AsciiDigitsMixin:
    """A number field that refuses "²", "٣" or "１" before reading the number."""

    def to_python(self, value):
        if isinstance(value, str):
            refuse_foreign_digits(value)
        return super().to_python(value)


class IntegerField(AsciiDigitsMixin, forms.IntegerField):
    pass


class DecimalField(AsciiDigitsMixin, forms.DecimalField):
    pass


class ModelChoiceField(AsciiDigitsMixin, forms.ModelChoiceField):
    pass
