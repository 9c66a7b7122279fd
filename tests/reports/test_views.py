import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.enums import ReportState
from campaigns.models import IndicatorValue, Report, ReportAttachment
from campaigns.services import report_attachment_add, report_start
from phongquang_portal.core.models import ActivityLog

from .helpers import EXE_BYTES, PDF_BYTES, form_data, pdf_file, submitted_units

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture
def before_due(time_machine):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))


@pytest.fixture
def draft(period, hamlet, hamlet_head, before_due):
    return report_start(unit=hamlet, period=period, actor=hamlet_head)


@pytest.fixture
def attachment(draft, hamlet_head):
    return report_attachment_add(report=draft, actor=hamlet_head, file=pdf_file())


def edit_url(report):
    return reverse("campaigns:report_edit", args=[report.pk])


# --- Permissions -------------------------------------------------------------


def _report_urls(report, attachment):
    return [
        report.get_absolute_url(),
        reverse("campaigns:attachment", args=[report.pk, attachment.pk]),
    ]


@pytest.mark.parametrize(
    "role", ["hamlet_head", "office_user", "council_user", "chairman"]
)
def test_report_pages_readable_by_owner_and_readers(
    client, request, draft, attachment, role
):
    client.force_login(request.getfixturevalue(role))
    for url in _report_urls(draft, attachment):
        assert client.get(url).status_code == 200, url


def test_report_pages_of_another_unit_answer_404(client, other_head, draft, attachment):
    client.force_login(other_head)
    for url in [*_report_urls(draft, attachment), edit_url(draft)]:
        assert client.get(url).status_code == 404, url
    for action in ["submit", "accept", "return", "reopen"]:
        url = reverse("campaigns:report_action", args=[draft.pk, action])
        assert client.post(url, {"reason": "x"}).status_code == 404
    upload = reverse("campaigns:attachment_upload", args=[draft.pk])
    assert client.post(upload, {"file": pdf_file()}).status_code == 404
    delete = reverse("campaigns:attachment_delete", args=[draft.pk, attachment.pk])
    assert client.post(delete).status_code == 404
    assert ReportAttachment.objects.filter(pk=attachment.pk).exists()


def test_report_start_for_another_unit_answers_404(client, other_head, period, hamlet):
    client.force_login(other_head)
    url = reverse("campaigns:report_start", args=[period.pk, hamlet.pk])
    assert client.post(url).status_code == 404
    assert not Report.objects.filter(unit=hamlet).exists()


def test_report_pages_send_anonymous_visitors_to_login(client, draft, attachment):
    for url in [*_report_urls(draft, attachment), edit_url(draft)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["council_user", "chairman"])
def test_readers_cannot_edit_or_review(client, request, submitted_report, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(edit_url(submitted_report))
    assert response.status_code == 302
    assert response.url == submitted_report.get_absolute_url()
    for action in ["accept", "return", "reopen"]:
        url = reverse("campaigns:report_action", args=[submitted_report.pk, action])
        assert client.post(url, {"reason": "x"}).status_code == 404
    submitted_report.refresh_from_db()
    assert submitted_report.state == ReportState.SUBMITTED


@pytest.mark.parametrize(
    "name",
    [
        "campaigns:board",
        "campaigns:aggregate",
        "campaigns:aggregate_xlsx",
        "campaigns:aggregate_pdf",
    ],
)
def test_period_pages_hidden_from_unit_heads(client, hamlet_head, period, name):
    client.force_login(hamlet_head)
    assert client.get(reverse(name, args=[period.pk])).status_code == 404


@pytest.mark.parametrize("role", ["office_user", "council_user", "chairman"])
def test_period_pages_open_to_readers(client, request, period, submitted_report, role):
    client.force_login(request.getfixturevalue(role))
    for name in ["campaigns:board", "campaigns:aggregate"]:
        assert client.get(reverse(name, args=[period.pk])).status_code == 200
    dashboard = reverse("campaigns:dashboard", args=[period.campaign_id])
    assert client.get(dashboard).status_code == 200


def test_board_shows_review_buttons_to_office_only(
    client, office_user, council_user, submitted_report, period
):
    client.force_login(office_user)
    accept = reverse("campaigns:report_action", args=[submitted_report.pk, "accept"])
    assert accept in client.get(period.get_absolute_url()).content.decode()
    client.force_login(council_user)
    assert accept not in client.get(period.get_absolute_url()).content.decode()


def test_unit_head_cannot_edit_submitted_report(client, hamlet_head, submitted_report):
    client.force_login(hamlet_head)
    response = client.post(
        edit_url(submitted_report), form_data(submitted_report, narrative="Sửa")
    )
    assert response.status_code == 302
    assert not submitted_report.sections.filter(narrative__startswith="Sửa").exists()


def test_office_one_click_accept_and_return_from_board(
    client, office_user, period, before_due
):
    first, second = submitted_units(period, 2)
    client.force_login(office_user)
    board = period.get_absolute_url()
    accept = reverse("campaigns:report_action", args=[first.pk, "accept"])
    back = reverse("campaigns:report_action", args=[second.pk, "return"])

    assert client.post(accept, {"next": board}).url == board
    response = client.post(
        back, {"next": board, "reason": "Bổ sung minh chứng."}, follow=True
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == ReportState.ACCEPTED
    assert second.state == ReportState.RETURNED
    assert second.return_reason == "Bổ sung minh chứng."
    assert "Đã trả lại báo cáo của Thôn Số 1 kèm ý kiến." in response.content.decode()


def test_office_return_without_comment_keeps_report_submitted(
    client, office_user, submitted_report
):
    client.force_login(office_user)
    url = reverse("campaigns:report_action", args=[submitted_report.pk, "return"])
    response = client.post(url, {"reason": ""}, follow=True)
    submitted_report.refresh_from_db()
    assert submitted_report.state == ReportState.SUBMITTED
    assert "Vui lòng ghi rõ nội dung đơn vị cần sửa." in response.content.decode()


def test_unsafe_next_is_ignored(client, office_user, submitted_report):
    client.force_login(office_user)
    url = reverse("campaigns:report_action", args=[submitted_report.pk, "accept"])
    response = client.post(url, {"next": "https://evil.example/"})
    assert response.url == submitted_report.get_absolute_url()


# --- The form: save, submit, bad input ----------------------------------------


def test_form_save_draft_keeps_partial_report(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    goal_a = draft.period.campaign.goals.get(code="a")
    response = client.post(
        edit_url(draft), {"action": "save", f"narrative_{goal_a.pk}": "Mới làm mục a."}
    )
    assert response.status_code == 302
    assert draft.sections.get(goal=goal_a).narrative == "Mới làm mục a."
    page = client.get(edit_url(draft)).content.decode()
    assert "Mới làm mục a." in page
    assert "Mục b: kết quả" in page  # the checklist names what is still empty


def test_form_submit_complete_report(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    response = client.post(edit_url(draft), form_data(draft, action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == ReportState.SUBMITTED


def test_form_submit_with_empty_narrative_keeps_everything_typed(
    client, hamlet_head, draft
):
    client.force_login(hamlet_head)
    goal_b = draft.period.campaign.goals.get(code="b")
    data = form_data(draft, action="submit", narrative="Kết quả rõ ràng", value="17")
    data[f"narrative_{goal_b.pk}"] = "   "

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng nhập kết quả của mục này." in page
    assert "Kết quả rõ ràng (a)" in page
    assert 'value="17"' in page
    draft.refresh_from_db()
    assert draft.state == ReportState.DRAFT
    # The draft itself was kept on the server too.
    assert draft.values.filter(value=17).count() == len(
        [k for k in data if k.startswith("value_")]
    )


@pytest.mark.parametrize(
    ("code", "typed", "message"),
    [
        ("a_buoi_tuyen_truyen", "-5", "không được âm"),
        ("a_buoi_tuyen_truyen", "2,5", "phải là số nguyên"),
        ("d_vneid_muc_2", "150", "chỉ được tối đa 100 %"),
        ("d_vneid_muc_2", "mười", "không phải là số"),
    ],
)
def test_form_bad_indicator_value_is_refused_and_typing_kept(
    client, hamlet_head, draft, code, typed, message
):
    client.force_login(hamlet_head)
    indicator = draft.period.campaign.indicators.get(code=code)
    data = form_data(draft, narrative="Giữ nguyên nội dung")
    data[f"value_{indicator.pk}"] = typed

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'value="{typed}"' in page
    assert "Giữ nguyên nội dung (h)" in page
    # Only the bad number waits; every valid entry of the draft is stored.
    assert not IndicatorValue.objects.filter(report=draft, indicator=indicator).exists()
    assert draft.values.count() == len([k for k in data if k.startswith("value_")]) - 1
    assert draft.sections.count() == 8


def test_form_decimal_comma_is_accepted(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    indicator = draft.period.campaign.indicators.get(code="d_vneid_muc_2")
    data = form_data(draft)
    data[f"value_{indicator.pk}"] = "87,5"
    assert client.post(edit_url(draft), data).status_code == 302
    assert draft.values.get(indicator=indicator).value == Decimal("87.5")


def test_form_ten_thousand_characters_refused_and_kept(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    goal = draft.period.campaign.goals.get(code="c")
    long_text = "Nội dung dài." * 770  # 10,010 characters
    data = form_data(draft)
    data[f"narrative_{goal.pk}"] = long_text

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert "Mục c dài 10.010 ký tự; tối đa 5.000 ký tự." in page
    assert long_text.strip() in page
    assert "maxlength" not in page
    # The long section waits for shortening; the seven others are stored.
    assert not draft.sections.filter(goal=goal).exists()
    assert draft.sections.count() == 7


def test_form_file_renamed_to_pdf_is_refused_and_typing_kept(
    client, hamlet_head, draft
):
    client.force_login(hamlet_head)
    data = form_data(draft, narrative="Không mất chữ")
    data["attachment"] = pdf_file("bao-cao.pdf", EXE_BYTES)

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert "không phải là tài liệu được chấp nhận" in page
    assert "Không mất chữ (a)" in page
    assert not draft.attachments.exists()


def test_form_oversized_file_is_refused(client, hamlet_head, draft, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    client.force_login(hamlet_head)
    data = form_data(draft, narrative="Vẫn còn đây")
    data["attachment"] = pdf_file("lon.pdf", PDF_BYTES + b" " * 2048)

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert "giới hạn cho phép là" in page
    assert "Vẫn còn đây (a)" in page
    assert not draft.attachments.exists()


def test_form_attachment_without_javascript_is_stored(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    goal = draft.period.campaign.goals.get(code="a")
    data = form_data(draft, attachment=pdf_file(), attachment_goal=str(goal.pk))
    assert client.post(edit_url(draft), data).status_code == 302
    attachment = draft.attachments.get()
    assert attachment.original_name == "bien-ban.pdf"
    assert attachment.goal == goal
    assert "bien-ban" not in attachment.file.name  # stored under a generated name


def test_html_in_narrative_is_escaped_on_every_page(
    client, hamlet_head, office_user, draft, period
):
    client.force_login(hamlet_head)
    script = "<script>alert('x')</script><b>đậm</b>"
    client.post(edit_url(draft), form_data(draft, narrative=script, action="submit"))
    draft.refresh_from_db()
    assert draft.state == ReportState.SUBMITTED

    client.force_login(office_user)
    for url in [
        draft.get_absolute_url(),
        reverse("campaigns:aggregate", args=[period.pk]),
    ]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_html_in_narrative_is_escaped_in_the_pdf(submitted_report, hamlet_head, period):
    from django.template.loader import render_to_string

    from campaigns.exports import aggregate_period

    section = submitted_report.sections.first()
    section.narrative = "<script>alert(1)</script>"
    section.save()
    html = render_to_string(
        "campaigns/pdf/aggregate.html",
        {"aggregate": aggregate_period(period, expected=1), "commune": "Phong Quang"},
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Attachments with JavaScript ----------------------------------------------


def test_xhr_upload_returns_json(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    url = reverse("campaigns:attachment_upload", args=[draft.pk])
    response = client.post(
        url, {"file": pdf_file()}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True
    assert data["name"] == "bien-ban.pdf"
    download = client.get(data["url"])
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_xhr_upload_wrong_type_returns_message(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    url = reverse("campaigns:attachment_upload", args=[draft.pk])
    response = client.post(
        url,
        {"file": pdf_file("x.pdf", EXE_BYTES)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 400
    assert "không phải là tài liệu được chấp nhận" in response.json()["errors"][0]


def test_attachment_remove_by_owner(client, hamlet_head, draft, attachment):
    client.force_login(hamlet_head)
    url = reverse("campaigns:attachment_delete", args=[draft.pk, attachment.pk])
    assert client.post(url).status_code == 302
    assert not draft.attachments.exists()


# --- Due date through the page ---------------------------------------------------


def test_form_submit_after_due_day_is_refused_with_message(
    client, hamlet_head, draft, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 11, 0, 0, 1, tzinfo=VN))
    client.force_login(hamlet_head)
    response = client.post(edit_url(draft), form_data(draft, action="submit"))
    page = response.content.decode()
    assert "Không thể nộp báo cáo nữa" in page
    draft.refresh_from_db()
    assert draft.state == ReportState.DRAFT
    assert draft.sections.count() == 8  # the draft was still saved


# --- Board, list, exports ----------------------------------------------------------


def test_board_states_and_days_late(
    client, office_user, period, hamlet, before_due, time_machine
):
    reports = submitted_units(period, 2)
    drafts = submitted_units(period, 1, submit=False, prefix="Thôn Nháp")
    time_machine.move_to(datetime.datetime(2025, 12, 13, 10, 0, tzinfo=VN))
    client.force_login(office_user)

    response = client.get(period.get_absolute_url())

    rows = {row.unit.name: row for row in response.context["rows"]}
    assert rows[reports[0].unit.name].state == "submitted"
    assert rows[drafts[0].unit.name].state == "overdue"
    assert rows[drafts[0].unit.name].days_late == 3
    assert rows[hamlet.name].state == "overdue"  # never started
    overdue = client.get(period.get_absolute_url(), {"state": "overdue"})
    assert {row.unit.name for row in overdue.context["rows"]} == {
        drafts[0].unit.name,
        hamlet.name,
    }


def _board_queries(client, period, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(period.get_absolute_url())
    return response


# One query each more than before issue 11: the period's due-date extensions.
BOARD_QUERIES = 8
LIST_QUERIES = 7
HEAD_LIST_QUERIES = 8


@pytest.mark.parametrize("count", [3, 30])
def test_board_query_count_is_fixed(
    client, office_user, period, before_due, django_assert_num_queries, count
):
    submitted_units(period, count)
    client.force_login(office_user)
    response = _board_queries(client, period, django_assert_num_queries, BOARD_QUERIES)
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_report_list_query_count_is_fixed(
    client, office_user, period, before_due, django_assert_num_queries, count
):
    submitted_units(period, count)
    client.force_login(office_user)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(
            reverse("campaigns:report_list"), {"campaign": period.campaign_id}
        )
    assert len(response.context["reports"]) == count


@pytest.mark.parametrize("count", [1, 4])
def test_head_report_list_query_count_is_fixed(
    client, period, before_due, django_assert_num_queries, count
):
    from tests.factories import UnitFactory, user_with_role
    from units.enums import Role

    head = None
    for index in range(count):
        unit = UnitFactory(name=f"Thôn Đếm {index}")
        head = user_with_role(Role.UNIT_HEAD, unit=unit, username="truong_nhieu_thon")
        report_start(unit=unit, period=period, actor=head)
    client.force_login(head)
    with django_assert_num_queries(HEAD_LIST_QUERIES):
        response = client.get(
            reverse("campaigns:report_list"), {"campaign": period.campaign_id}
        )
    # Each unit reports in both periods of the campaign.
    assert len(response.context["head_rows"]) == 2 * count


def test_aggregate_excel_holds_numbers_and_formula_text_stays_text(
    client, office_user, hamlet_head, draft, period
):
    client.force_login(hamlet_head)
    formula = '=HYPERLINK("http://evil.example","bấm vào đây")'
    data = form_data(draft, narrative="Kết quả", value="12", action="submit")
    goal_e = period.campaign.goals.get(code="e")
    data[f"narrative_{goal_e.pk}"] = formula
    client.post(edit_url(draft), data)
    client.force_login(office_user)

    response = client.get(reverse("campaigns:aggregate_xlsx", args=[period.pk]))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Tổng hợp"
    assert "Mục đ" in workbook.sheetnames and len(workbook.sheetnames) == 9
    summary = workbook["Tổng hợp"]
    # Indicators by their names: the workbook carries no internal code.
    name = period.campaign.indicators.get(code="a_buoi_tuyen_truyen").name
    results = {row[2]: row[5] for row in summary.iter_rows(min_row=6, values_only=True)}
    assert results[name] == 12
    assert isinstance(results[name], int)
    sheet_e = workbook["Mục e"]
    cells = [c for row in sheet_e.iter_rows() for c in row if c.value == formula]
    assert len(cells) == 1
    assert cells[0].data_type == "s"


def test_aggregate_pdf_is_a_pdf(client, office_user, submitted_report, period):
    client.force_login(office_user)
    response = client.get(reverse("campaigns:aggregate_pdf", args=[period.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_aggregate_accepted_only_leaves_submitted_out(
    client, office_user, submitted_report, period
):
    client.force_login(office_user)
    both = client.get(reverse("campaigns:aggregate", args=[period.pk]))
    accepted = client.get(
        reverse("campaigns:aggregate", args=[period.pk]), {"accepted": "1"}
    )
    assert len(both.context["aggregate"].reports) == 1
    assert len(accepted.context["aggregate"].reports) == 0


def test_dashboard_tables_hold_the_numbers(client, office_user, period, before_due):
    submitted_units(period, 3)
    client.force_login(office_user)
    response = client.get(
        reverse("campaigns:dashboard", args=[period.campaign_id]),
        {"period": period.pk, "indicator": "d_thanh_vien_to_cns"},
    )
    data = response.context["data"]
    final = next(row for row in data["submission"] if row["period"] == period)
    assert final["submitted"] == 3
    people = next(
        r for r in data["progress"] if r["indicator"].code == "a_buoi_tuyen_truyen"
    )
    assert people["result"] == Decimal(15)
    assert [row["value"] for row in data["hamlets"]] == [Decimal(5)] * 3
    assert "chart.umd.min.js" in response.content.decode()


def test_office_opens_and_reopens_a_report_for_a_silent_unit_after_due_day(
    client, office_user, hamlet, hamlet_head, period, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 15, 9, 0, tzinfo=VN))
    client.force_login(office_user)
    start = reverse("campaigns:report_start", args=[period.pk, hamlet.pk])
    response = client.post(start)
    report = Report.objects.get(unit=hamlet, period=period)
    assert response.url == report.get_absolute_url()
    reopen = reverse("campaigns:report_action", args=[report.pk, "reopen"])
    client.post(reopen, {"reason": "Thôn mới bầu trưởng thôn."})

    client.force_login(hamlet_head)
    response = client.post(edit_url(report), form_data(report, action="submit"))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED
    assert report.days_late() == 5


def test_admin_pages_for_office(client, office_user, submitted_report, period):
    client.force_login(office_user)
    for url in [
        reverse("admin:campaigns_report_changelist"),
        reverse("admin:campaigns_report_change", args=[submitted_report.pk]),
        reverse("admin:campaigns_reportingperiod_change", args=[period.pk]),
        reverse("admin:campaigns_indicator_changelist"),
    ]:
        assert client.get(url).status_code == 200, url


def test_admin_period_form_stores_unit_kinds_as_list(client, office_user, period):
    client.force_login(office_user)
    url = reverse("admin:campaigns_reportingperiod_change", args=[period.pk])
    response = client.post(
        url,
        {
            "campaign": period.campaign_id,
            "name": period.name,
            "position": period.position,
            "opens_on": "15/11/2025",
            "due_on": "10/12/2025",
            "unit_kinds": ["hamlet", "office"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    period.refresh_from_db()
    assert period.unit_kinds == ["hamlet", "office"]


def test_admin_accept_action_goes_through_the_service(
    client, office_user, submitted_report
):
    client.force_login(office_user)
    response = client.post(
        reverse("admin:campaigns_report_changelist"),
        {"action": "accept_selected", "_selected_action": [submitted_report.pk]},
    )
    assert response.status_code == 302
    submitted_report.refresh_from_db()
    assert submitted_report.state == ReportState.ACCEPTED
    assert ActivityLog.objects.filter(
        object_id=submitted_report.pk,
        action="campaigns.report.accepted",
        actor=office_user,
    ).exists()
