"""Checks of typed text that every form applies."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 control characters except tab, line feed and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control_characters(value):
    return isinstance(value, str) and bool(CONTROL_CHARACTERS.search(value))


def no_control_characters(value):
    """Refuse invisible control characters (NUL, vertical tab…) in typed text."""
    if has_control_characters(value):
        raise ValidationError(
            _(
                "The text contains invisible control characters (often pasted from "
                "another program). Please retype or paste it as plain text."
            ),
            code="control_characters",
        )
