"""The province's statistics (issue 11): awards by form, recipient group and method,
in the layout of forms 0601, 0602 and 0603 of Thông tư 02/2023/TT-BNV."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards import services as award_services
from tests.awards.factories import NominationFactory, kind_for, voted
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
    # Counted in 2025: signed between 15/12/2024 and 14/12/2025.
    _decide(
        plan,
        chairman,
        office_user,
        "giay_khen_xa",
        ["unit", "leader", "household"],
        datetime.date(2025, 12, 10),
        "201",
    )
    _decide(
        plan,
        chairman,
        office_user,
        "bang_khen_tinh",
        ["unit", "person"],
        datetime.date(2025, 12, 12),
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
        datetime.date(2025, 12, 20),
        "215",
    )


def test_reporting_period_runs_to_the_day_before_the_report_reaches_the_province():
    assert statistics_period(2026) == (
        datetime.date(2025, 12, 15),
        datetime.date(2026, 12, 14),
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
    assert workbook.sheetnames == ["0601", "0602", "0603", "Theo hình thức"]

    movements = workbook["0601"]
    assert movements["A1"].value == "Biểu số: 0601.N/BNV-TĐKT"
    assert "Thông tư số 02/2023/TT-BNV" in movements["A2"].value
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

    by_form = workbook["Theo hình thức"]
    rows = _rows(by_form)
    assert rows["01"][3] == 6
    assert rows["04"][3] == 1  # households
    assert rows["09"][3] == 1  # the official among the individuals
    assert rows["13"][3] == 1  # ad hoc


def test_statistics_page_and_download(client, awards, office_user, hamlet_head):
    client.force_login(office_user)
    page = client.get(reverse("yearend:statistics") + "?year=2025").content.decode()
    assert "Số liệu từ ngày 15/12/2024 đến ngày 14/12/2025" in page
    assert "ngày nhận báo cáo là 15/12/2025" in page
    response = client.get(reverse("yearend:statistics_xlsx") + "?year=2025")
    assert response.status_code == 200
    assert load_workbook(io.BytesIO(response.content)).sheetnames[0] == "0601"
    client.force_login(hamlet_head)
    assert client.get(reverse("yearend:statistics")).status_code == 404
