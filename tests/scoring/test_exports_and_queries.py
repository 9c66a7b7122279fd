"""The Excel summary and the PDF sheet; query counts of the list pages at 1 and many rows."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from scoring.enums import SheetState
from scoring.selectors import unit_scores

from .builders import campaign_with_criteria, sheet_with_points
from .conftest import council_score

pytestmark = pytest.mark.django_db


def test_excel_summary_is_printable_with_numbers_as_numbers(client, office_user):
    campaign = campaign_with_criteria()
    sheet_with_points(campaign, {"A.1": 40, "D.2": 50, "G.3": 2})
    sheet_with_points(campaign, {"A.1": 20, "D.2": 30, "E.4": 1})
    sheet_with_points(campaign, {"A.1": 10}, kind="office")
    client.force_login(office_user)

    response = client.get(reverse("scoring:ranking_export", args=[campaign.pk]))

    wb = load_workbook(io.BytesIO(response.content))
    assert [ws.title for ws in wb.worksheets] == ["Cơ quan, đơn vị", "Thôn"]
    ws = wb["Thôn"]
    assert ws["A1"].value == "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA"
    assert ws.freeze_panes == "C5"
    assert ws.print_title_rows == "$1:$4"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    header = [c.value for c in ws[4]]
    assert header[:2] == ["STT", "Đơn vị"]
    assert header[-3:] == ["Tổng điểm (thang 100)", "Xếp hạng", "Xếp loại"]
    first = [c.value for c in ws[5]]
    assert first[header.index("A.1 (40)")] == 40
    assert first[header.index("Tổng điểm (thang 100)")] == 92
    assert first[-2] == 1
    assert first[-1] == "Xuất sắc"
    second = [c.value for c in ws[6]]
    assert isinstance(second[header.index("Tổng điểm (thang 100)")], int | float)


def test_excel_summary_keeps_formula_like_unit_names_as_text(client, office_user):
    from tests.factories import UnitFactory

    campaign = campaign_with_criteria()
    sheet_with_points(campaign, {"A.1": 10}, unit=UnitFactory(name='=HYPERLINK("x")'))
    client.force_login(office_user)

    response = client.get(reverse("scoring:ranking_export", args=[campaign.pk]))

    ws = load_workbook(io.BytesIO(response.content))["Thôn"]
    assert ws["B5"].data_type == "s"
    assert ws["B5"].value == '=HYPERLINK("x")'


def test_sheet_pdf_is_a_pdf(client, office_user, reviewed_sheet):
    client.force_login(office_user)

    response = client.get(reverse("scoring:sheet_pdf", args=[reviewed_sheet.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_ranking_page_shows_ties_and_bands(client, office_user):
    campaign = campaign_with_criteria()
    a = sheet_with_points(campaign, {"A.1": 20, "D.2": 20})
    b = sheet_with_points(campaign, {"A.1": 30, "D.2": 10})
    client.force_login(office_user)

    body = client.get(reverse("scoring:ranking", args=[campaign.pk])).content.decode()

    scores = unit_scores(campaign=campaign)
    assert scores[a.unit_id].tied and scores[b.unit_id].tied
    assert body.count('<td class="rank">1= ') == 2
    assert body.count('<td class="band">Trung bình</td>') == 2


def _ranking_queries(client, campaign, django_assert_max_num_queries, n):
    url = reverse("scoring:ranking", args=[campaign.pk])
    client.get(url)  # warm the session and the user's roles
    with django_assert_max_num_queries(n) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("size", [1, 15])
def test_ranking_page_queries_do_not_grow(
    client, office_user, django_assert_num_queries, size
):
    campaign = campaign_with_criteria()
    for i in range(size):
        sheet_with_points(campaign, {"A.1": i % 40, "D.2": 30, "G.3": i % 5})
    client.force_login(office_user)
    client.get(reverse("scoring:ranking", args=[campaign.pk]))

    with django_assert_num_queries(15):
        response = client.get(reverse("scoring:ranking", args=[campaign.pk]))
    assert "X-Page-Cache" not in response  # a signed-in page is built every time

    assert len(response.context["rows"]) == size


@pytest.mark.parametrize("size", [1, 8])
def test_sheet_list_queries_do_not_grow(
    client, office_user, django_assert_num_queries, size
):
    campaign = campaign_with_criteria()
    for _ in range(size):
        sheet_with_points(campaign, {"A.1": 10}, state=SheetState.DRAFT)
    client.force_login(office_user)
    url = reverse("scoring:sheets", args=[campaign.pk])
    client.get(url)

    with django_assert_num_queries(8):
        response = client.get(url)

    assert len(response.context["sheets"]) == size


@pytest.mark.parametrize("members", [1, 3])
def test_sheet_page_queries_do_not_grow_with_council_members(
    client, office_user, self_assessed_sheet, django_assert_num_queries, members
):
    from tests.factories import user_with_role
    from units.enums import Role

    for i in range(members):
        council_score(
            self_assessed_sheet,
            user_with_role(Role.COUNCIL, username=f"hd_q{i}"),
            share=Decimal("0.5"),
        )
    client.force_login(office_user)
    client.get(self_assessed_sheet.get_absolute_url())

    # Issue 10 adds the submissions (prefetched) and the council's roster
    # (members and their ties to units): three queries, whatever their number.
    with django_assert_num_queries(12):
        response = client.get(self_assessed_sheet.get_absolute_url())

    assert len(response.context["members"]) == members
