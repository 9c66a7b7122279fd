"""A hamlet head reports on a phone; the office returns, then accepts; Excel holds the numbers."""

import datetime

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.models import Report, ReportingPeriod
from tests.conftest import browser_login

from .helpers import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_period(plan):
    """A period open today and due in a month, so the real clock can be used."""
    today = timezone.localdate()
    return ReportingPeriod.objects.create(
        campaign=plan,
        name="Kỳ báo cáo thử nghiệm",
        position=3,
        opens_on=today - datetime.timedelta(days=1),
        due_on=today + datetime.timedelta(days=30),
        unit_kinds=["hamlet"],
    )


def _no_horizontal_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_report_journey_on_a_phone(
    phone_page, desktop_page, open_period, hamlet, hamlet_head, office_user, tmp_path
):
    page = phone_page
    # "Nộp" asks for confirmation (issue 11): the head confirms.
    page.on("dialog", lambda dialog: dialog.accept())
    browser_login(page, "thon_test")

    # The hamlet head starts the report from the report list.
    page.goto(page.base_url + "/campaigns/reports/")
    card = page.locator(
        "#my-reports .list-group-item", has_text="Kỳ báo cáo thử nghiệm"
    )
    card.get_by_role("button", name="Bắt đầu nhập báo cáo").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#checklist").is_visible()
    _no_horizontal_scroll(page)

    # Fill every section: a narrative and the numbers.
    for textarea in page.locator("textarea[name^=narrative_]").all():
        textarea.fill("Tổ chức họp thôn, hướng dẫn người dân cài VNeID.")
    for field in page.locator("input[name^=value_]").all():
        field.fill("7")

    # Attach a PDF: it goes up at once with a progress bar.
    pdf = tmp_path / "bien-ban-hop-thon.pdf"
    pdf.write_bytes(PDF_BYTES)
    page.set_input_files("input[type=file][name=attachment]", str(pdf))
    page.locator("#attachment-list", has_text="bien-ban-hop-thon.pdf").wait_for()
    assert "Đã đính kèm" in page.locator("#upload-status").inner_text()

    page.click("#save-draft")
    page.wait_for_load_state("networkidle")
    assert "Đã lưu nháp." in page.content()
    assert "Đã nhập đầy đủ" in page.locator("#checklist").inner_text()
    _no_horizontal_scroll(page)

    page.click("#submit-report")
    page.wait_for_load_state("networkidle")
    assert "Đã nộp báo cáo về Phòng Văn hóa - Xã hội." in page.content()
    report = Report.objects.get(unit=hamlet, period=open_period)
    assert report.state == "submitted"

    # The office returns it from the board with a comment.
    office = desktop_page
    browser_login(office, "vanhoa_test")
    office.goto(office.base_url + open_period.get_absolute_url())
    row = office.locator(f"#board tr[data-unit='{hamlet.pk}']")
    assert "Đã nộp" in row.inner_text()
    row.locator("summary", has_text="Trả lại").click()
    row.locator("textarea[name=reason]").fill(
        "Bổ sung số hộ dùng thanh toán không tiền mặt."
    )
    row.locator("form[action$='/return/'] button").click()
    office.wait_for_load_state("networkidle")
    assert (
        "Trả lại" in office.locator(f"#board tr[data-unit='{hamlet.pk}']").inner_text()
    )

    # The hamlet head sees the comment, fixes one number and submits again.
    page.goto(page.base_url + report.get_absolute_url())
    assert (
        "Bổ sung số hộ dùng thanh toán không tiền mặt."
        in page.locator("#return-reason").inner_text()
    )
    page.click("text=Sửa báo cáo")
    page.wait_for_load_state("networkidle")
    page.locator("input[data-code=dd_ho_thanh_toan_kdtm]").fill("42")
    page.click("#submit-report")
    page.wait_for_load_state("networkidle")
    report.refresh_from_db()
    assert report.state == "submitted"

    # The office accepts it with one click.
    office.goto(office.base_url + open_period.get_absolute_url())
    row = office.locator(f"#board tr[data-unit='{hamlet.pk}']")
    row.get_by_role("button", name="Duyệt").click()
    office.wait_for_load_state("networkidle")
    report.refresh_from_db()
    assert report.state == "accepted"

    # The aggregated Excel export holds the numbers the hamlet typed.
    office.goto(office.base_url + f"/campaigns/periods/{open_period.pk}/aggregate/")
    with office.expect_download() as download_info:
        office.click("#export-xlsx")
    path = tmp_path / "tong-hop.xlsx"
    download_info.value.save_as(path)
    workbook = load_workbook(path)
    # Indicators by their names: the workbook carries no internal code.
    names = dict(open_period.campaign.indicators.values_list("code", "name").order_by())
    results = {
        row[2]: row[5]
        for row in workbook["Tổng hợp"].iter_rows(min_row=6, values_only=True)
    }
    assert results[names["dd_ho_thanh_toan_kdtm"]] == 42
    assert results[names["a_buoi_tuyen_truyen"]] == 7
    sheet = workbook["Mục đ"]
    assert [c.value for c in sheet[4]][:2] == ["Thôn Nà Mòn", "Đã duyệt"]
    assert 42 in [c.value for c in sheet[4]]


def test_report_pages_run_under_the_content_security_policy(
    desktop_page, open_period, hamlet, hamlet_head, office_user
):
    """No inline script, handler or style is refused on the app's pages."""
    from campaigns.services import report_start

    report = report_start(unit=hamlet, period=open_period, actor=hamlet_head)
    page = desktop_page
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    browser_login(page, "vanhoa_test")
    for url in [
        open_period.campaign.get_absolute_url(),
        open_period.get_absolute_url(),
        f"/campaigns/{open_period.campaign_id}/dashboard/",
        f"/campaigns/periods/{open_period.pk}/aggregate/",
        report.get_absolute_url(),
        f"/campaigns/reports/{report.pk}/edit/",
        f"/admin/campaigns/campaign/{open_period.campaign_id}/dates/",
    ]:
        page.goto(page.base_url + url)
        page.wait_for_load_state("networkidle")
    assert refused == []
