"""Kernel pieces of issue 11: Vietnamese numbers read and printed, absolute links,
pictures in the Decree 30 DOCX."""

import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from docx import Document

from phongquang_portal.core.docx import AdministrativeDocx
from phongquang_portal.core.links import absolute_url
from phongquang_portal.core.numbers import NotANumber, format_vn_number, parse_vn_number


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.000", Decimal(1000)),
        ("1.234,5", Decimal("1234.5")),
        ("12.500.000", Decimal(12500000)),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),  # one dot, not three digits after: a decimal point
        ("1,234.5", Decimal("1234.5")),  # pasted from an English spreadsheet
        ("1 000", Decimal(1000)),
        ("1\u00a0000", Decimal(1000)),
        ("87,5%", Decimal("87.5")),
        (",5", Decimal("0.5")),
        ("-3", Decimal(-3)),
        ("1E+3", Decimal(1000)),
        ("", None),
        ("  ", None),
    ],
)
def test_vietnamese_numbers_are_read_as_vietnamese_write_them(typed, value):
    assert parse_vn_number(typed) == value


@pytest.mark.parametrize(
    "typed", ["1.2.3", "1.234.5", "12,34,5", "abc", "5.", "1,2.3,4"]
)
def test_numbers_that_make_no_sense_are_refused(typed):
    with pytest.raises(NotANumber):
        parse_vn_number(typed)


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (3127, None, "3.127"),
        (Decimal("87.50"), None, "87,5"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("-1234.5"), None, "-1.234,5"),
        (0, None, "0"),
        (None, None, ""),
    ],
)
def test_numbers_print_with_thousands_separators(value, decimals, text):
    assert format_vn_number(value, decimals) == text


def test_num_filter_follows_the_page_language():
    template = Template("{% load portal %}{{ n|num }} lượt")
    with translation.override("vi"):
        assert template.render(Context({"n": 3127})) == "3.127 lượt"
    with translation.override("en"):
        assert template.render(Context({"n": Decimal("3127.5")})) == "3,127.5 lượt"


def test_absolute_url_puts_the_site_address_before_a_path(settings):
    settings.PORTAL_BASE_URL = "https://thidua.phongquang.gov.vn/"
    assert absolute_url("/campaigns/reports/98/") == (
        "https://thidua.phongquang.gov.vn/campaigns/reports/98/"
    )
    assert absolute_url("https://example.test/x") == "https://example.test/x"


def test_docx_picture_is_centred_with_its_caption():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "red").save(buffer, format="PNG")
    doc = AdministrativeDocx()
    doc.picture(buffer.getvalue(), width_cm=10, caption="Biểu đồ 1. Thử")

    document = Document(io.BytesIO(doc.bytes()))
    assert len(document.inline_shapes) == 1
    assert round(document.inline_shapes[0].width.cm) == 10
    caption = document.paragraphs[-1]
    assert caption.text == "Biểu đồ 1. Thử"
    assert caption.runs[0].italic
