"""Excel import of the criteria tree: the template round-trips; every bad input is refused whole."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from scoring.imports import CRITERIA_HEADERS, CRITERIA_SHEET, GROUP_HEADERS, GROUP_SHEET
from scoring.models import Criterion, CriterionGroup

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(
    groups, criteria, *, group_headers=GROUP_HEADERS, criteria_headers=None
):
    wb = Workbook()
    ws = wb.active
    ws.title = GROUP_SHEET
    ws.append(group_headers)
    for row in groups:
        ws.append(row)
    ws2 = wb.create_sheet(CRITERIA_SHEET)
    ws2.append(criteria_headers or CRITERIA_HEADERS)
    for row in criteria:
        ws2.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


GOOD_GROUPS = [["X", "a", "Tuyên truyền"], ["Y", "đ", "Kinh tế số"]]
GOOD_CRITERIA = [
    ["X", "X.1", "Tổ chức hội nghị tuyên truyền", 10, "Chuẩn", "Tất cả", "Có", ""],
    [
        "Y",
        "Y.1",
        "Hộ bán hàng trên sàn TMĐT",
        "7,5",
        "Chuẩn",
        "Thôn; Tổ công nghệ số",
        "Không",
        "",
    ],
    ["Y", "Y.2", "Mô hình kinh tế số mới", 3, "Thưởng", "", "Có", "Được công nhận"],
]


def snapshot(campaign):
    return (
        sorted(
            CriterionGroup.objects.filter(campaign=campaign).values_list(
                "code", "title"
            )
        ),
        sorted(
            Criterion.objects.filter(campaign=campaign).values_list(
                "code", "title", "max_points", "kind"
            )
        ),
    )


def post(client, campaign, content, name="tieu-chi.xlsx", content_type=XLSX):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(
        reverse("scoring:criteria_import", args=[campaign.pk]), {"file": upload}
    )


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


def test_import_creates_and_updates_by_code(office_client, plan):
    before = Criterion.objects.filter(campaign=plan).count()

    response = post(office_client, plan, workbook_bytes(GOOD_GROUPS, GOOD_CRITERIA))

    assert response.status_code == 302
    assert Criterion.objects.filter(campaign=plan).count() == before + 3
    y1 = Criterion.objects.get(campaign=plan, code="Y.1")
    assert y1.max_points == Decimal("7.5")
    assert y1.unit_kinds == ["hamlet", "digital_team"]
    assert y1.group.goal.code == "đ"
    assert Criterion.objects.get(campaign=plan, code="Y.2").kind == "bonus"


def test_template_download_imports_back_unchanged(office_client, plan):
    before = snapshot(plan)
    template = office_client.get(reverse("scoring:criteria_template", args=[plan.pk]))
    wb = load_workbook(io.BytesIO(template.content))
    assert [c.value for c in wb[CRITERIA_SHEET][1]] == CRITERIA_HEADERS
    assert wb[CRITERIA_SHEET].page_setup.orientation == "landscape"

    response = post(office_client, plan, template.content)

    assert response.status_code == 302
    assert snapshot(plan) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            workbook_bytes(
                GOOD_GROUPS,
                GOOD_CRITERIA,
                criteria_headers=[
                    "Mã nhóm",
                    "Mã",
                    "Tên",
                    "Điểm",
                    "Loại",
                    "Áp dụng",
                    "MC",
                    "Cách",
                ],
            ),
            "dòng 1: tiêu đề cột phải là",
        ),
        (
            workbook_bytes(GOOD_GROUPS, GOOD_CRITERIA + [GOOD_CRITERIA[0]]),
            "dòng 5: mã tiêu chí “X.1” bị trùng (đã có ở dòng 2)",
        ),
        (
            workbook_bytes(GOOD_GROUPS + [["X", "b", "Nhóm trùng"]], GOOD_CRITERIA),
            "dòng 4: mã nhóm “X” bị trùng",
        ),
        (
            workbook_bytes(
                GOOD_GROUPS,
                GOOD_CRITERIA
                + [["X", "X.9", "Tiêu chí", "mười", "Chuẩn", "", "Không", ""]],
            ),
            "dòng 5: điểm tối đa “mười” không phải là số",
        ),
        (
            workbook_bytes(
                GOOD_GROUPS,
                GOOD_CRITERIA
                + [["Z", "Z.1", "Tiêu chí mồ côi", 5, "Chuẩn", "", "Không", ""]],
            ),
            "dòng 5: nhóm “Z” không có trong sheet “Nhóm tiêu chí”",
        ),
        (
            workbook_bytes(
                GOOD_GROUPS,
                GOOD_CRITERIA
                + [["X", "X.8", "Tiêu chí", 5, "Cộng", "Chợ", "Có lẽ", ""]],
            ),
            "dòng 5: loại điểm “Cộng” phải là Chuẩn, Thưởng hoặc Trừ",
        ),
    ],
    ids=[
        "wrong-headers",
        "duplicate-code",
        "duplicate-group",
        "not-a-number",
        "missing-group",
        "bad-words",
    ],
)
def test_import_refuses_bad_rows_and_leaves_db_unchanged(
    office_client, plan, content, expected
):
    before = snapshot(plan)

    response = post(office_client, plan, content)

    assert response.status_code == 200
    body = response.content.decode()
    assert expected in body
    assert "Chưa nhập dòng nào" in body
    assert snapshot(plan) == before


def test_import_refuses_a_20_mb_file(office_client, plan):
    before = snapshot(plan)
    big = b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024)

    response = post(office_client, plan, big)

    assert response.status_code == 200
    assert "dung lượng 20 MB" in response.content.decode()
    assert snapshot(plan) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tieu-chi.xlsx", b"Ma nhom,Ma tieu chi\nA,A.1\n"),
        ("tieu-chi.xlsx", b"%PDF-1.4\n%fake\n"),
        ("tieu-chi.csv", b"Ma nhom,Ma tieu chi\nA,A.1\n"),
    ],
)
def test_import_refuses_a_file_that_is_not_xlsx(office_client, plan, name, content):
    before = snapshot(plan)

    response = post(office_client, plan, content, name=name, content_type="text/csv")

    assert response.status_code == 200
    assert "không phải là tài liệu được chấp nhận" in response.content.decode()
    assert snapshot(plan) == before


def test_import_reports_every_bad_row_at_once(office_client, plan):
    criteria = GOOD_CRITERIA + [
        ["Z", "Z.1", "Mồ côi", 5, "Chuẩn", "", "Không", ""],
        ["X", "X.1", "Trùng", "abc", "Chuẩn", "", "Không", ""],
    ]

    body = post(
        office_client, plan, workbook_bytes(GOOD_GROUPS, criteria)
    ).content.decode()

    assert "dòng 5" in body
    assert "dòng 6" in body
    assert "“abc”" in body
