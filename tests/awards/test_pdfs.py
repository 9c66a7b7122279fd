import datetime
import io
import unicodedata

import pytest
from pypdf import PdfReader

from awards import exports, services
from tests.factories import PersonFactory, UnitFactory

from .factories import NominationFactory, voted

pytestmark = pytest.mark.django_db

A4_LONG, A4_SHORT = 841.89, 595.28  # points


def nfc(text):
    return unicodedata.normalize("NFC", text)


def pdf_page_texts(data):
    """The text of each page, extracted with pypdf and NFC-normalised."""
    return [nfc(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data):
    return "\n".join(pdf_page_texts(data))


def pdf_page_sizes(data):
    """(width, height) in points of each page, rounded to 0.01."""
    return [
        (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        for page in PdfReader(io.BytesIO(data)).pages
    ]


@pytest.fixture
def decision(plan, giay_khen, chairman, office_user):
    unit = UnitFactory(name="Thôn Khuổi Tát")
    person = PersonFactory(full_name="Hoàng Thị Huyền", unit=unit, position="Tổ viên")
    evil = PersonFactory(full_name="<b>Nông</b> & Đàm Văn Sơn", unit=unit)
    for kwargs in (
        {"nominee_unit": unit},
        {"nominee_unit": None, "nominee_person": person},
        {"nominee_unit": None, "nominee_person": evil},
    ):
        nomination = voted(
            NominationFactory(award_kind=giay_khen, proposing_unit=unit, **kwargs)
        )
        services.nomination_approve(nomination=nomination, actor=chairman)
    return services.decision_issue(
        campaign=plan,
        award_kind=giay_khen,
        number="125",
        signed_on=datetime.date(2025, 12, 5),
        actor=office_user,
    )


def test_decision_pdf_has_names_number_date_and_signer(decision, chairman):
    text = pdf_text(exports.decision_pdf(decision))
    assert "Số: 125/QĐ-UBND" in text
    assert "Phong Quang, ngày 05 tháng 12 năm 2025" in text
    assert "Thôn Khuổi Tát" in text
    assert "Hoàng Thị Huyền" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Điều 1." in text and "Điều 2." in text and "Điều 3." in text
    assert "Nơi nhận:" in text
    assert "CHỦ TỊCH" in text
    assert f"{chairman.last_name} {chairman.first_name}" in text
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15" in text
    # 1,410,000 + 2 × 710,000
    assert "2.830.000" in text


def test_decision_pdf_escapes_html_in_names(decision):
    text = pdf_text(exports.decision_pdf(decision))
    # Rendered as markup, the tags would vanish and "Nông" would be bold.
    assert "<b>Nông</b> & Đàm Văn Sơn" in text
    assert "&amp;" not in text


def test_certificates_one_landscape_page_per_awardee(decision):
    data = exports.certificates_pdf(decision)
    pages = pdf_page_texts(data)
    assert pdf_page_sizes(data) == [(A4_LONG, A4_SHORT)] * 3
    names = ["Thôn Khuổi Tát", "Hoàng Thị Huyền", "<b>Nông</b> & Đàm Văn Sơn"]
    for number, (name, text) in enumerate(zip(names, pages, strict=True), start=1):
        for expected in (
            "GIẤY KHEN",
            "TẶNG",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHONG QUANG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            name,
            "Quyết định số 125/QĐ-UBND",
            "ngày 05/12/2025",
            f"Số sổ vàng: 2025/{number:03d}",
            "Phong Quang, ngày 05 tháng 12 năm 2025",
        ):
            assert expected in text, (number, expected)
    # Each certificate carries its own awardee only.
    assert "Hoàng Thị Huyền" not in pages[0]
    assert "Đàm Văn Sơn" not in pages[1]


def test_certificates_blank_has_only_variable_text(decision):
    data = exports.certificates_blank_pdf(decision, dx_mm=3, dy_mm=-2)
    pages = pdf_page_texts(data)
    assert len(pages) == 3
    assert "Hoàng Thị Huyền" in pages[1]
    # The decision's number and date sit in their own slots of the blank.
    assert "125/QĐ-UBND\n05/12/2025" in pages[1]
    assert "<b>Nông</b> & Đàm Văn Sơn" in pages[2]
    text = "\n".join(pages)
    assert "GIẤY KHEN" not in text
    assert "CỘNG HÒA" not in text


def test_certificates_fifty_in_one_pdf(decision):
    rows = exports.awardee_rows(decision)
    many = [rows[index % len(rows)] for index in range(50)]
    data = exports.certificates_pdf(decision, rows=many)
    pages = pdf_page_texts(data)
    assert len(pages) == 50
    names = ["Thôn Khuổi Tát", "Hoàng Thị Huyền", "<b>Nông</b> & Đàm Văn Sơn"]
    # People's pages also print the unit's name, so look for the people first.
    found = [
        next((name for name in reversed(names) if name in text), None) for text in pages
    ]
    assert found == [names[index % 3] for index in range(50)]


def test_pdf_text_is_compared_in_nfc():
    # "ệ" decomposed (e + combining dot below + combining circumflex) still matches.
    decomposed = unicodedata.normalize("NFD", "Hoàng Thị Huyền Nguyễn Văn Tiệp")
    assert decomposed != "Hoàng Thị Huyền Nguyễn Văn Tiệp"
    assert nfc(decomposed) == "Hoàng Thị Huyền Nguyễn Văn Tiệp"


def test_drafts_to_trinh_and_report(plan, giay_khen, hamlet, hamlet_head):
    person = PersonFactory(
        full_name="Lý Thị Hằng", unit=hamlet, hometown="xã Phong Quang"
    )
    nomination = NominationFactory(
        award_kind=giay_khen,
        nominee_unit=None,
        nominee_person=person,
        proposing_unit=hamlet,
        achievements="Hướng dẫn 120 người dân dùng dịch vụ công trực tuyến.",
    )
    nomination.prior_awards.create(
        year=2024, title="Lao động tiên tiến", issued_by="UBND xã"
    )
    NominationFactory(award_kind=giay_khen, nominee_unit=hamlet, proposing_unit=hamlet)
    to_trinh = pdf_text(exports.to_trinh_pdf(nomination))
    assert "TỜ TRÌNH" in to_trinh
    assert "01 tập thể và 01 cá nhân" in to_trinh
    assert "Lý Thị Hằng" in to_trinh
    assert "(Có báo cáo thành tích kèm theo)" in to_trinh
    report = pdf_text(exports.report_pdf(nomination))
    assert "I. SƠ LƯỢC LÝ LỊCH" in report
    assert "II. THÀNH TÍCH ĐẠT ĐƯỢC" in report
    assert "III. HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG" in report
    assert "Lao động tiên tiến" in report
    assert "120 người dân" in report
