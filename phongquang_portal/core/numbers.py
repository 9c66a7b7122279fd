"""Numbers as Vietnamese officials write them: "1.000" is one thousand, "1.234,5".

Vietnamese puts a dot between thousands and a comma before the decimals.
People also paste numbers from English spreadsheets ("1,234.5") and type a
single dot as a decimal point ("12.5"). ``parse_vn_number`` reads all of
these the way a Vietnamese reader would; ``format_vn_number`` prints with
thousands separators everywhere ("3.127 lượt", "87,5 %").
"""

import re
from decimal import Decimal, InvalidOperation

# Digits grouped by threes with one separator: "1.000", "12.345.678".
_GROUPED = {
    ".": re.compile(r"^\d{1,3}(\.\d{3})+$", re.ASCII),
    ",": re.compile(r"^\d{1,3}(,\d{3})+$", re.ASCII),
}
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_SCIENTIFIC = re.compile(r"\d+([.,]\d+)?[eE][+-]?\d{1,4}", re.ASCII)
MAX_TYPED_LENGTH = 40


class NotANumber(ValueError):
    """The text is not a number a reader could make sense of."""


def parse_vn_number(text):
    """Return the Decimal written in ``text``; None when blank.

    - "1.000", "12.500.000": dots between groups of three are thousands;
    - "12,5", "1.234,5": the comma is the decimal separator;
    - "12.5": a single dot not followed by exactly three digits is a decimal point;
    - "1,234.5" (English): when both appear, the last one is the decimal separator;
    - spaces (also non-breaking) between groups are ignored; a trailing "%" too.

    Raises ``NotANumber`` for anything else (two decimal separators, letters,
    digits other than 0–9 such as "²" or "٣"…).
    """
    if text is None:
        return None
    raw = _SPACES.sub("", str(text))
    if raw.endswith("%"):
        raw = raw[:-1]
    if not raw:
        return None
    if len(raw) > MAX_TYPED_LENGTH:
        raise NotANumber(text)
    sign = ""
    if raw[0] in "+-":
        sign, raw = raw[0].replace("+", ""), raw[1:]
    if _SCIENTIFIC.fullmatch(raw):
        # "1E+15", as a spreadsheet pastes a large number.
        return Decimal(sign + raw.replace(",", "."))
    if not raw or not re.fullmatch(r"[0-9.,]+", raw):
        raise NotANumber(text)
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal_mark = "," if raw.rfind(",") > raw.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _sep, fraction = raw.rpartition(decimal_mark)
        if decimal_mark in whole or not _GROUPED[group_mark].match(whole):
            raise NotANumber(text)
        normalised = f"{whole.replace(group_mark, '')}.{fraction}"
    elif dots > 1 or (dots == 1 and _GROUPED["."].match(raw)):
        if not _GROUPED["."].match(raw):
            raise NotANumber(text)
        normalised = raw.replace(".", "")
    elif commas > 1:
        if not _GROUPED[","].match(raw):
            raise NotANumber(text)
        normalised = raw.replace(",", "")
    else:
        normalised = raw.replace(",", ".")
    if normalised.endswith("."):
        raise NotANumber(text)
    if normalised.startswith("."):
        normalised = "0" + normalised  # ",5" is 0,5
    try:
        value = Decimal(sign + normalised)
    except InvalidOperation:
        raise NotANumber(text) from None
    if not value.is_finite():
        raise NotANumber(text)
    return value


def _group(digits, separator):
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_vn_number(value, decimals=None, *, thousands=".", decimal_mark=","):
    """``value`` with a dot between thousands and a decimal comma: "3.127", "87,5".

    ``decimals`` None drops trailing zeros ("12,50" → "12,5", "3,00" → "3");
    an int fixes the number of decimal places. None and "" give "".
    """
    if value in (None, ""):
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals))
        text = format(number, "f")
    else:
        text = format(number.normalize(), "f") if number else "0"
    negative = text.startswith("-")
    text = text.lstrip("-")
    whole, _sep, fraction = text.partition(".")
    result = _group(whole, thousands)
    if fraction:
        result += decimal_mark + fraction
    if negative and (whole.strip("0") or fraction.strip("0")):
        result = "-" + result
    return result
