"""Decree 30/2020 layout of the decision, the tờ trình, the báo cáo and the Giấy khen,
checked from the PDF's text and positions (tests/pdfcheck.py) (issue 9)."""

import datetime
import re
import zoneinfo

import pytest
import time_machine

from awards import exports
from tests.factories import PersonFactory, UnitFactory
from tests.pdfcheck import find_line, page_count, pdf_lines

from .factories import NominationFactory
from .helpers import docx_paragraphs, issue, nfc

pytestmark = pytest.mark.django_db

MM = 72 / 25.4
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def lines_of(data):
    return [
        line.__class__(**{**line.__dict__, "text": nfc(line.text)})
        for line in pdf_lines(data)
    ]


def document(decision, kind):
    return decision.documents.get(kind=kind).read_bytes()


@pytest.fixture
def long_decision(plan, giay_khen, chairman, office_user):
    """Decision No. 5: two collectives and enough people to fill two pages."""
    from awards import services

    services.award_rules_change(
        award_kind=giay_khen,
        actor=office_user,
        reason="Thử bố cục nhiều trang.",
        quota_individual=30,
    )
    nominations = [
        NominationFactory(award_kind=giay_khen, nominee_unit=UnitFactory(name=name))
        for name in ("Thôn Nà Mòn", "Thôn Khuổi Tát")
    ]
    for index in range(24):
        person = PersonFactory(full_name=f"Hoàng Văn Thử {index}")
        nominations.append(
            NominationFactory(
                award_kind=giay_khen,
                nominee_unit=None,
                nominee_person=person,
                proposing_unit=person.unit,
            )
        )
    return issue(nominations, chairman=chairman, office=office_user, number="5")


@pytest.fixture
def ad_hoc_decision(plan, dot_xuat, chairman, office_user):
    person = PersonFactory(full_name="Lý Quang Long")
    nomination = NominationFactory(
        award_kind=dot_xuat,
        nominee_unit=None,
        nominee_person=person,
        proposing_unit=person.unit,
    )
    return issue([nomination], chairman=chairman, office=office_user, number="88")


def test_decision_page_numbers_top_centre_from_page_two(long_decision):
    data = document(long_decision, "decision_pdf")
    lines = lines_of(data)
    pages = page_count(data)
    assert pages >= 2
    first_top = min(line.top for line in lines if line.page == 1)
    assert not any(
        line.text == "1" and line.page == 1 and line.top <= first_top + 1
        for line in lines
    )
    for page in range(2, pages + 1):
        top = min(
            (line for line in lines if line.page == page), key=lambda each: each.top
        )
        assert top.text == str(page)
        assert top.top < 20 * MM
        assert top.is_centred(within=(30 * MM, top.page_width - 15 * MM))


def test_decision_header_bold_body_and_italic_centred_date(long_decision):
    lines = lines_of(document(long_decision, "decision_pdf"))
    body = find_line(lines, "ỦY BAN NHÂN DÂN", page=1)
    assert body.bold and find_line(lines, "XÃ PHONG QUANG", page=1).bold
    motto = find_line(lines, "Độc lập - Tự do - Hạnh phúc")
    date = find_line(lines, "Phong Quang, ngày 20 tháng 12 năm 2025")
    assert date.italic
    assert abs(date.centre - motto.centre) < 4
    assert date.top > motto.top
    assert find_line(lines, "Số: 05/QĐ-UBND") is not None


def _paragraphs(lines, start, stop):
    """Join the lines between ``start`` and ``stop`` into "Căn cứ …" paragraphs."""
    texts = []
    inside = False
    for line in lines:
        if line.text.startswith(start):
            inside = True
            continue
        if inside and line.text.startswith(stop):
            break
        if inside:
            texts.append(line)
    paragraphs = []
    for line in texts:
        if line.text.startswith(("Căn cứ", "Theo đề nghị")) or not paragraphs:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def test_decision_legal_bases_italic_ending_semicolons_and_a_full_stop(long_decision):
    lines = lines_of(document(long_decision, "decision_pdf"))
    paragraphs = _paragraphs(lines, "CHỦ TỊCH ỦY BAN NHÂN DÂN", "QUYẾT ĐỊNH:")
    texts = [" ".join(line.text for line in p) for p in paragraphs]
    assert texts[0].startswith(
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025"
    )
    assert any(
        t.startswith(
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định "
            "về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi "
            "tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng"
        )
        for t in texts
    )
    assert all(line.italic for p in paragraphs for line in p)
    assert all(t.endswith(";") for t in texts[:-1])
    assert texts[-1].startswith("Theo đề nghị") and texts[-1].endswith(".")


def test_decision_numbers_below_ten_with_a_leading_zero(long_decision):
    text = " ".join(
        line.text for line in lines_of(document(long_decision, "decision_pdf"))
    )
    assert "cho 02 tập thể và 24 cá nhân" in text
    assert re.search(r"\b01 Thôn Nà Mòn", text)


def test_decision_signature_block_chairman(long_decision):
    lines = lines_of(document(long_decision, "decision_pdf"))
    last = page_count(document(long_decision, "decision_pdf"))
    title = next(
        line for line in lines if line.text == "CHỦ TỊCH" and line.page == last
    )
    assert title.bold
    assert title.x0 > title.page_width / 2


def test_ad_hoc_summary_without_zero_collectives(ad_hoc_decision):
    text = " ".join(
        line.text for line in lines_of(document(ad_hoc_decision, "decision_pdf"))
    )
    assert "cho 0 tập thể" not in text and "00 tập thể" not in text
    assert (
        "Giấy khen của Chủ tịch Ủy ban nhân dân xã cho 01 cá nhân đã có thành tích đột xuất"
        in text
    )
    assert "Số: 88/QĐ-UBND" in text


# --- The Giấy khen --------------------------------------------------------------------


def test_certificate_signature_block_bottom_right(ad_hoc_decision, chairman):
    lines = lines_of(document(ad_hoc_decision, "certificates_pdf"))
    name = find_line(lines, f"{chairman.last_name} {chairman.first_name}")
    title = next(line for line in lines if line.text == "CHỦ TỊCH")
    date = find_line(lines, "Phong Quang, ngày 20 tháng 12 năm 2025")
    for line in (name, title, date):
        assert line.x0 > line.page_width / 2, line
        assert line.top > line.page_height * 0.6, line
    assert date.italic and title.bold and name.bold
    assert date.top < title.top < name.top


def test_certificate_carries_the_ad_hoc_citation_and_no_lone_last_word(ad_hoc_decision):
    lines = lines_of(document(ad_hoc_decision, "certificates_pdf"))
    start = next(
        i for i, line in enumerate(lines) if line.text.startswith("Đã có thành tích")
    )
    citation = [lines[start]]
    for line in lines[start + 1 :]:
        if abs(line.top - citation[-1].bottom) > 14 or line.x0 < 100:
            break
        citation.append(line)
    text = " ".join(line.text for line in citation)
    assert text.startswith(
        "Đã có thành tích đột xuất trong thực hiện phong trào thi đua"
    )
    assert len(citation[-1].text.split()) >= 2


def test_blank_certificate_number_and_date_in_separate_slots(ad_hoc_decision):
    lines = lines_of(document(ad_hoc_decision, "certificates_blank_pdf"))
    number = find_line(lines, "88/QĐ-UBND")
    date = find_line(lines, "20/12/2025")
    assert number.text == "88/QĐ-UBND" and date.text == "20/12/2025"
    assert date.top > number.bottom
    assert find_line(lines, "GIẤY KHEN") is None
    assert find_line(lines, "2025/001") is not None


# --- The drafts ---------------------------------------------------------------------


@pytest.fixture
def team_nomination(plan, giay_khen):
    from units.enums import UnitKind

    hamlet = UnitFactory(name="Thôn Nà Mòn")
    team = UnitFactory(
        name="Tổ công nghệ số cộng đồng thôn Nà Mòn",
        kind=UnitKind.DIGITAL_TEAM,
        parent=hamlet,
    )
    return NominationFactory(
        award_kind=giay_khen, nominee_unit=team, proposing_unit=team
    )


def test_to_trinh_header_lines_not_broken_mid_name_and_a_draft_dated_today(
    team_nomination,
):
    with time_machine.travel(datetime.datetime(2026, 3, 5, 9, tzinfo=VN), tick=False):
        lines = lines_of(exports.to_trinh_pdf(team_nomination))
    header = [
        line.text
        for line in lines
        if line.page == 1 and line.x0 < 250 and line.top < 120
    ]
    assert header[:3] == ["THÔN NÀ MÒN", "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", "THÔN NÀ MÒN"]
    date = find_line(lines, "Phong Quang, ngày")
    assert date.italic
    assert date.text == "Phong Quang, ngày 05 tháng 3 năm 2026"
    assert find_line(lines, "DỰ THẢO").bold
    text = " ".join(line.text for line in lines)
    assert "cho 01 tập thể có thành tích" in text
    assert (
        "Căn cứ Luật Tổ chức chính quyền địa phương" not in text
    )  # the decision's only


def test_to_trinh_legal_bases_italic_and_the_plan_last(team_nomination):
    lines = lines_of(exports.to_trinh_pdf(team_nomination))
    paragraphs = _paragraphs(lines, "(qua Phòng Văn hóa - Xã hội)", "Căn cứ kết quả")
    texts = [" ".join(line.text for line in p) for p in paragraphs]
    assert texts[0].startswith("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15")
    assert all(t.endswith(";") for t in texts[:-1])
    assert texts[-1].startswith("Căn cứ Kế hoạch") and texts[-1].endswith(".")
    assert all(line.italic for p in paragraphs for line in p)


def test_report_header_bold_unit_and_a_draft_dated_today(team_nomination):
    with time_machine.travel(datetime.datetime(2026, 1, 7, 9, tzinfo=VN), tick=False):
        lines = lines_of(exports.report_pdf(team_nomination))
    assert find_line(lines, "TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG").bold
    assert not find_line(lines, "THÔN NÀ MÒN").bold
    date = find_line(lines, "Phong Quang, ngày")
    assert date.text == "Phong Quang, ngày 07 tháng 01 năm 2026"
    assert find_line(lines, "DỰ THẢO") is not None


def test_drafts_come_as_docx_too(team_nomination):
    paragraphs = docx_paragraphs(exports.to_trinh_docx(team_nomination))
    texts = [text for text, _italic in paragraphs]
    assert "TỜ TRÌNH" in texts
    assert "Tổ công nghệ số cộng đồng thôn Nà Mòn" in texts
    bases = [
        (t, i)
        for t, i in paragraphs
        if t.startswith("Căn cứ") and not t.startswith("Căn cứ kết quả")
    ]
    assert bases and all(italic for _t, italic in bases)
    assert all(t.endswith(";") for t, _i in bases[:-1]) and bases[-1][0].endswith(".")
    report = [
        text for text, _i in docx_paragraphs(exports.report_docx(team_nomination))
    ]
    assert "BÁO CÁO THÀNH TÍCH" in report
    assert "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" in report
    assert "III. HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG" in report


def test_docx_downloads(client, team_nomination, office_user):
    from django.urls import reverse

    client.force_login(office_user)
    for name in ("awards:to_trinh_docx", "awards:report_docx"):
        response = client.get(reverse(name, args=[team_nomination.pk]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml"
        )
        assert response.content[:2] == b"PK"


__all__ = ["datetime"]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Thôn Nà Mòn", ["THÔN NÀ MÒN"]),
        (
            "Tổ công nghệ số cộng đồng thôn Nà Mòn",
            ["TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG", "THÔN NÀ MÒN"],
        ),
        (
            "Trung tâm Phục vụ hành chính công xã",
            ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG XÃ"],
        ),
        (
            "Phòng Lao động - Thương binh và Xã hội xã",
            ["PHÒNG LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI XÃ"],
        ),
    ],
)
def test_header_lines_never_split_a_name(name, lines):
    assert exports.header_lines(name) == lines
