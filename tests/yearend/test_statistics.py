"""The province's statistics (issue 11): awards by form, recipient group and method,
in the layout of forms 0601, 0602 and 0603 of Thông tư 18/2025/TT-BNV (issue 17:
it replaces Thông tư 02/2023/TT-BNV; its period runs from 01/12 to 30/11)."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import services as award_services
from tests.awards.factories import NominationFactory, kind_for, record_plan, voted
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory
from units.enums import PersonKind
from yearend.statistics import (
    statistics_period,
    statistics_table,
    statistics_workbook,
    year_statistics,
)

pytestmark = pytest.mark.django_db


def _decide(plan, chairman, office_user, code, nominees, signed_on, number):
    kind = kind_for(plan, code)
    unit = UnitFactory(name=f"Thôn {number}")
    for nominee in nominees:
        if nominee == "unit":
            kwargs = {"nominee_unit": unit}
        elif nominee == "leader":
            kwargs = {
                "nominee_unit": None,
                "nominee_person": PersonFactory(unit=unit, kind=PersonKind.OFFICIAL),
            }
        elif nominee == "person":
            kwargs = {
                "nominee_unit": None,
                "nominee_person": PersonFactory(unit=unit, kind=PersonKind.RESIDENT),
            }
        else:
            kwargs = {
                "nominee_unit": None,
                "nominee_household": HouseholdFactory(hamlet=unit),
            }
        nomination = voted(
            NominationFactory(award_kind=kind, proposing_unit=unit, **kwargs)
        )
        award_services.nomination_approve(nomination=nomination, actor=chairman)
    return award_services.decision_issue(
        campaign=plan,
        award_kind=kind,
        number=number,
        signed_on=signed_on,
        actor=office_user,
    )


@pytest.fixture
def awards(plan, chairman, office_user):
    record_plan(plan)
    # Counted in 2025: signed between 01/12/2024 and 30/11/2025.
    _decide(
        plan,
        chairman,
        office_user,
        "giay_khen_xa",
        ["unit", "leader", "household"],
        datetime.date(2025, 11, 20),
        "201",
    )
    _decide(
        plan,
        chairman,
        office_user,
        "bang_khen_tinh",
        ["unit", "person"],
        datetime.date(2025, 11, 30),
        "202",
    )
    _decide(
        plan,
        chairman,
        office_user,
        "dot_xuat",
        ["person"],
        datetime.date(2025, 9, 2),
        "150",
    )
    # After the cut-off: counted in 2026.
    _decide(
        plan,
        chairman,
        office_user,
        "giay_khen_xa",
        ["person"],
        datetime.date(2025, 12, 1),
        "215",
    )


def test_reporting_period_runs_from_1_december_to_30_november():
    assert statistics_period(2026) == (
        datetime.date(2025, 12, 1),
        datetime.date(2026, 11, 30),
    )


def test_awards_counted_by_form_group_and_method(awards):
    stats, rows = statistics_table(2025)
    by_name = {row["name"]: row for row in rows}
    # groups: collectives, individuals, households; methods: regular, thematic, ad hoc
    assert by_name["Giấy khen của Chủ tịch UBND xã"]["groups"] == [1, 1, 1]
    assert by_name["Giấy khen của Chủ tịch UBND xã"]["methods"] == [0, 3, 0]
    assert by_name["Bằng khen của Chủ tịch UBND tỉnh"]["groups"] == [1, 1, 0]
    assert by_name["Khen thưởng đột xuất"]["methods"] == [0, 0, 1]
    assert sum(row["total"] for row in rows) == 6
    assert year_statistics(2026).awards[0].kind_code == "giay_khen_xa"


def _rows(sheet):
    return {
        row[1].value: [cell.value for cell in row]
        for row in sheet.iter_rows(min_row=11)
        if row[1].value
    }


def test_workbook_has_the_three_forms_in_the_circulars_layout(awards, plan):
    workbook = statistics_workbook(2025)
    assert workbook.sheetnames == ["0601", "0602", "0603", "Bảng tổng hợp bổ sung"]

    movements = workbook["0601"]
    assert movements["A1"].value == "Biểu số: 0601.N/BNV-TĐKT"
    assert movements["A2"].value == (
        "Ban hành kèm theo Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ trưởng "
        "Bộ Nội vụ"
    )
    assert movements["A6"].value == (
        "Năm 2025 (số liệu từ ngày 01/12/2024 đến ngày 30/11/2025)"
    )
    assert movements["A3"].value == (
        "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo (15/12/2025)"
    )
    assert movements["A5"].value == "SỐ PHONG TRÀO THI ĐUA"
    assert [c.value for c in movements[10]][:6] == ["A", "B", "1", "2", "3", "4"]
    rows = _rows(movements)
    assert rows["01"][2:6] == [1, 0, 0, 1]  # one campaign, launched by the commune
    assert rows["07"][2] == 1  # of one year
    assert rows["11"][2] == 1  # thematic

    provincial = workbook["0603"]
    assert provincial["A1"].value == "Biểu số: 0603.N/BNV-TĐKT"
    rows = _rows(provincial)
    assert rows["01"][3:5] == [2, 2]  # total, of which Bằng khen
    assert rows["02"][3] == 1  # collectives
    assert rows["05"][3] == 1  # individuals
    assert rows["12"][3] == 2  # thematic

    state = workbook["0602"]
    assert state["A5"].value == "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
    assert _rows(state)["01"][3] == 0

    for sheet in workbook.worksheets:
        texts = " ".join(
            str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value
        )
        assert "02/2023" not in texts, sheet.title

    by_form = workbook["Bảng tổng hợp bổ sung"]
    # Not one of the circular's forms: no form number, no circular, no "mẫu".
    assert by_form["A1"].value == "Bảng tổng hợp bổ sung (không phải biểu mẫu)"
    texts = [
        str(cell.value)
        for row in by_form.iter_rows()
        for cell in row
        if cell.value and cell.coordinate != "A1"
    ]
    assert not [t for t in texts if "Biểu" in t or "biểu" in t or "mẫu" in t]
    assert not [t for t in texts if "Thông tư" in t]
    assert "Người lập bảng" in texts
    rows = _rows(by_form)
    assert rows["01"][3] == 6
    assert rows["04"][3] == 1  # households
    assert rows["09"][3] == 1  # the official among the individuals
    assert rows["13"][3] == 1  # ad hoc


def test_statistics_page_and_download(client, awards, office_user, hamlet_head):
    client.force_login(office_user)
    page = client.get(reverse("yearend:statistics") + "?year=2025").content.decode()
    assert "Số liệu từ ngày 01/12/2024 đến ngày 30/11/2025" in page
    assert "Thông tư 18/2025/TT-BNV ngày 08/10/2025" in page
    assert "02/2023" not in page
    assert "ngày nhận báo cáo là 15/12/2025" in page
    assert "không phải là biểu mẫu" in page
    response = client.get(reverse("yearend:statistics_xlsx") + "?year=2025")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).sheetnames[0] == "0601"
    client.force_login(hamlet_head)
    assert client.get(reverse("yearend:statistics")).status_code == 404
