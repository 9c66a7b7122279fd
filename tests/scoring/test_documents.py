"""Issue 10 (documents of the council): the score-sheet PDF and the ranking workbook."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from phongquang_portal.core.permissions import SYSTEM
from scoring.enums import CriterionKind
from scoring.exports import ranking_workbook
from scoring.models import Criterion
from tests.factories import UserFactory
from tests.pdfcheck import find_line, page_count, pdf_lines
from units.enums import Role
from units.services import membership_grant

from .builders import campaign_with_criteria, sheet_with_points

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(db):
    user = UserFactory(username="chu_tich_hd", first_name="Đông", last_name="Hoàng Văn")
    membership_grant(user=user, role=Role.COUNCIL_CHAIR, actor=SYSTEM, reason="x")
    return user


def _long_campaign(count=36):
    criteria = [
        ("abcdegh"[i % 7], Decimal("2.5"), CriterionKind.STANDARD, [])
        for i in range(count)
    ]
    campaign = campaign_with_criteria(criteria)
    for criterion in Criterion.objects.filter(campaign=campaign):
        number = criterion.code.split(".")[1]
        criterion.title = (
            "Tiêu chí dài có nhiều chữ để dòng của bảng cao và kéo sang trang sau " * 3
            + f"[{number}]"
        )
        criterion.save(update_fields=["title"])
    return campaign


def test_score_sheet_rows_never_split_across_pages(client, office_user, chair):
    campaign = _long_campaign()
    sheet = sheet_with_points(campaign, {})
    client.force_login(office_user)

    pdf = client.get(reverse("scoring:sheet_pdf", args=[sheet.pk])).content
    lines = pdf_lines(pdf)

    assert page_count(pdf) >= 2
    for criterion in Criterion.objects.filter(campaign=campaign):
        number = criterion.code.split(".")[1]
        start = find_line(lines, f"{criterion.code}.")
        end = find_line(lines, f"[{number}]")
        assert start is not None and end is not None
        assert start.page == end.page, criterion.code


def test_score_sheet_is_signed_for_the_council_by_its_chair(client, office_user, chair):
    campaign = campaign_with_criteria()
    sheet = sheet_with_points(campaign, {"A.1": 30, "D.2": "45.5"})
    client.force_login(office_user)

    lines = pdf_lines(client.get(reverse("scoring:sheet_pdf", args=[sheet.pk])).content)

    on_behalf = find_line(lines, "TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")
    position = find_line(lines, "CHỦ TỊCH", page=on_behalf.page)
    name = find_line(lines, "Hoàng Văn Đông")
    assert on_behalf.bold and position.bold
    assert on_behalf.top < position.top < name.top
    assert on_behalf.x0 > on_behalf.page_width / 2 - 40  # bottom right
    assert abs(position.centre - on_behalf.centre) < 6
    total = find_line(lines, "Tổng điểm quy đổi thang 100")
    row = [line.text for line in lines if abs(line.top - total.top) < 2]
    assert "75,50" in row  # the final total, two decimals


def test_ranking_workbook_header_rows_are_tall_enough_and_points_have_two_decimals():
    campaign = _long_campaign(count=3)
    sheet_with_points(campaign, {"A.1": 2, "B.2": "1.5"})

    content = io.BytesIO()
    ranking_workbook(campaign).save(content)
    ws = load_workbook(io.BytesIO(content.getvalue()))["Thôn"]

    title_length = len(Criterion.objects.filter(campaign=campaign).first().title)
    lines = -(-min(title_length, 120) // int(12 * 1.1))
    assert ws.row_dimensions[1].height >= 20
    assert ws.row_dimensions[3].height >= 12 * lines
    assert ws.row_dimensions[4].height >= 30
    assert ws.column_dimensions["C"].width == 12
    first = list(ws.iter_rows(min_row=5, max_row=5))[0]
    header = [c.value for c in ws[4]]
    assert first[header.index("A.1 (2.5)")].number_format == "0.00"
    assert first[header.index("Tổng điểm (thang 100)")].number_format == "0.00"
    assert first[header.index("Tổng điểm (thang 100)")].value == pytest.approx(46.67)
