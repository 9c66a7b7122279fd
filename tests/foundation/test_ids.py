"""One parser for ids and numbers from requests: ASCII digits only (issue 17)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from phongquang_portal.core import ids
from phongquang_portal.core.numbers import NotANumber, parse_vn_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        (5, 5),
        ("²", None),
        ("٣", None),
        ("１", None),
        ("1²", None),
        ("-1", None),
        ("1.0", None),
        ("", None),
        (None, None),
        ("9" * 19, None),  # beyond any database key
    ],
)
def test_parse_id_reads_ascii_digits_only(value, expected):
    assert ids.parse_id(value) == expected


@pytest.mark.parametrize("typed", ["²", "٣", "１", "1٣"])
def test_number_fields_refuse_foreign_digits_in_vietnamese(typed):
    with translation.override("vi"):
        for field in (ids.IntegerField(), ids.DecimalField()):
            with pytest.raises(ValidationError) as caught:
                field.clean(typed)
            assert caught.value.messages == [
                "Hãy gõ số bằng các chữ số 0 đến 9 "
                "(không dùng ², ٣ hay chữ số toàn độ rộng)."
            ]


def test_number_fields_still_read_ascii_digits():
    assert ids.IntegerField().clean("12") == 12
    assert ids.DecimalField().clean("0.30") == Decimal("0.30")


@pytest.mark.parametrize("typed", ["٣", "１٫٥", "１.０００"])
def test_parse_vn_number_refuses_foreign_digits(typed):
    with pytest.raises(NotANumber):
        parse_vn_number(typed)
