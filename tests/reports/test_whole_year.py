"""Issue 11 on the report form and the board: nothing lost, confirmed submission,
withdrawal until the office opens it, dated extensions, Vietnamese numbers and
absolute links in e-mails. Each test is named after the case the issue reports."""

import datetime
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.enums import ReportState
from campaigns.models import IndicatorValue, ReportExtension
from campaigns.services import (
    report_accept,
    report_extension_grant,
    report_extension_revoke,
    report_mark_opened,
    report_return,
    report_start,
    report_submit,
    report_withdraw,
)
from phongquang_portal.core.models import ActivityLog

from .helpers import fill, form_data

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture
def before_due(time_machine):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))


@pytest.fixture
def draft(period, hamlet, hamlet_head, before_due):
    return report_start(unit=hamlet, period=period, actor=hamlet_head)


def edit_url(report):
    return reverse("campaigns:report_edit", args=[report.pk])


def indicator(report, code):
    return report.period.campaign.indicators.get(code=code)


# --- Nothing lost ----------------------------------------------------------------


def test_draft_with_one_bad_number_keeps_every_valid_field(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    goals = {g.code: g for g in draft.period.campaign.goals.all()}
    bad = indicator(draft, "a_buoi_tuyen_truyen")
    good = indicator(draft, "a_luot_nguoi_tham_du")
    data = {
        "action": "save",
        f"narrative_{goals['a'].pk}": "Tuyên truyền trên loa truyền thanh.",
        f"narrative_{goals['b'].pk}": "Tập huấn kỹ năng số cho 40 người.",
        f"value_{bad.pk}": "2,5",  # whole numbers only: the one bad entry
        f"value_{good.pk}": "120",
    }

    response = client.post(edit_url(draft), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert dict(draft.sections.values_list("goal__code", "narrative")) == {
        "a": "Tuyên truyền trên loa truyền thanh.",
        "b": "Tập huấn kỹ năng số cho 40 người.",
    }
    assert draft.values.get(indicator=good).value == Decimal(120)
    assert not draft.values.filter(indicator=bad).exists()
    # Only the bad field is marked; what was typed there is still in it.
    assert page.count("is-invalid") == 1
    assert 'value="2,5"' in page
    assert "Các nội dung khác đã được lưu; còn 1 mục cần sửa" in page


def test_draft_bad_number_keeps_the_stored_value(client, hamlet_head, draft):
    bad = indicator(draft, "a_buoi_tuyen_truyen")
    IndicatorValue.objects.create(report=draft, indicator=bad, value=4)
    client.force_login(hamlet_head)

    client.post(edit_url(draft), {"action": "save", f"value_{bad.pk}": "mười"})

    assert draft.values.get(indicator=bad).value == 4


def test_form_keeps_its_content_in_local_storage_until_saved(
    client, hamlet_head, draft
):
    client.force_login(hamlet_head)
    page = client.get(edit_url(draft)).content.decode()
    assert f'data-draft-key="report-{draft.pk}"' in page
    assert "data-saved" not in page
    assert 'id="draft-restored"' in page
    assert "/static/js/campaigns_report_form.js" in page

    response = client.post(edit_url(draft), form_data(draft))
    assert response.status_code == 302
    assert response["Location"].endswith("?saved=1")
    # The page after a successful save tells the script to let go of the copy.
    saved_page = client.get(response["Location"]).content.decode()
    assert 'data-saved="1"' in saved_page


def test_form_after_a_refused_entry_keeps_the_browser_copy(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    bad = indicator(draft, "a_buoi_tuyen_truyen")

    page = client.post(
        edit_url(draft), {"action": "save", f"value_{bad.pk}": "-5"}
    ).content.decode()

    assert "data-saved" not in page


def test_report_script_restores_and_clears_local_storage():
    """The script keeps a copy per report, restores it with a notice, drops it on save."""
    from django.conf import settings

    script = (settings.BASE_DIR / "static/js/campaigns_report_form.js").read_text()
    assert "localStorage" in script
    assert 'form.dataset.saved === "1"' in script
    assert "store.removeItem(key)" in script
    assert "draft-restored" in script


# --- Submitting: confirmation, the empty items as a list ------------------------------


def test_submit_asks_for_confirmation_without_inline_script(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    form_page = client.get(edit_url(draft)).content.decode()
    button = re.search(r'<button[^>]*id="submit-report"[^>]*>', form_page, re.S).group(
        0
    )
    assert 'data-confirm="Nộp báo cáo cho Phòng Văn hóa - Xã hội?' in button
    assert "onclick" not in form_page
    fill(draft, hamlet_head)
    detail = client.get(draft.get_absolute_url()).content.decode()
    submit_form = re.search(
        r"<form[^>]*report_action[^>]*>|<form[^>]*/submit/[^>]*>", detail
    ).group(0)
    assert "data-confirm=" in submit_form


def test_incomplete_submit_lists_what_is_empty_as_a_list(client, hamlet_head, draft):
    client.force_login(hamlet_head)
    goal_a = draft.period.campaign.goals.get(code="a")

    response = client.post(
        edit_url(draft),
        {"action": "submit", f"narrative_{goal_a.pk}": "Có kết quả."},
    )

    page = response.content.decode()
    checklist = re.search(r'<ul class="small mb-0 checklist">(.*?)</ul>', page, re.S)
    items = re.findall(r"<li>", checklist.group(1))
    assert len(items) == 21
    # The warning counts the items; it does not list 21 of them in one sentence.
    warning = re.search(r"alert-warning[^>]*>(.*?)<button", page, re.S).group(1)
    assert "còn 21 mục để trống" in warning
    assert warning.count(";") == 0
    draft.refresh_from_db()
    assert draft.state == ReportState.DRAFT


# --- Withdrawing until the office opens it ---------------------------------------------


@pytest.fixture
def submitted(draft, hamlet_head):
    fill(draft, hamlet_head)
    return report_submit(report=draft, actor=hamlet_head)


def test_unit_withdraws_submission_before_the_office_opens_it(
    client, submitted, hamlet_head
):
    client.force_login(hamlet_head)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert 'id="withdraw-report"' in page

    response = client.post(
        reverse("campaigns:report_action", args=[submitted.pk, "withdraw"])
    )

    assert response.status_code == 302
    assert response["Location"] == edit_url(submitted)
    submitted.refresh_from_db()
    assert submitted.state == ReportState.DRAFT
    assert submitted.submitted_at is None
    entry = ActivityLog.objects.get(action="campaigns.report.withdrawn")
    assert (entry.actor, entry.from_state, entry.to_state) == (
        hamlet_head,
        "submitted",
        "draft",
    )


def test_office_reading_a_submission_does_not_open_it(client, submitted, office_user):
    """GET reads: a link prefetcher or a crawler must not end the withdrawal."""
    client.force_login(office_user)
    page = client.get(submitted.get_absolute_url()).content.decode()
    client.get(reverse("admin:campaigns_report_change", args=[submitted.pk]))

    submitted.refresh_from_db()
    assert submitted.office_opened_at is None
    assert 'id="open-report"' in page
    assert not ActivityLog.objects.filter(
        action="campaigns.report.opened_by_office"
    ).exists()


def test_office_opening_a_submission_ends_the_withdrawal(
    client, submitted, hamlet_head, office_user
):
    client.force_login(office_user)
    url = reverse("campaigns:report_action", args=[submitted.pk, "open"])
    response = client.post(url, follow=True)
    client.post(url)

    assert "không thể rút lại" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.office_opened_by == office_user
    assert submitted.office_opened_at is not None
    assert (
        ActivityLog.objects.filter(action="campaigns.report.opened_by_office").count()
        == 1
    )
    with pytest.raises(ValidationError) as refused:
        report_withdraw(report=submitted, actor=hamlet_head)
    assert refused.value.code == "already_opened"
    assert (
        'id="open-report"'
        not in client.get(submitted.get_absolute_url()).content.decode()
    )
    client.force_login(hamlet_head)
    assert (
        'id="withdraw-report"'
        not in client.get(submitted.get_absolute_url()).content.decode()
    )


def test_office_opening_in_the_admin_ends_the_withdrawal(
    client, submitted, office_user
):
    client.force_login(office_user)
    client.post(
        reverse("admin:campaigns_report_changelist"),
        {"action": "open_selected", "_selected_action": [submitted.pk]},
    )
    submitted.refresh_from_db()
    assert submitted.office_opened_at is not None


def test_office_returning_a_submission_records_it_opened(submitted, office_user):
    """The office's first POST on a submission opens it too."""
    report_return(report=submitted, actor=office_user, reason="Bổ sung.", notify=False)
    submitted.refresh_from_db()
    assert submitted.office_opened_by == office_user


def test_council_cannot_open_a_submission(submitted, council_user):
    with pytest.raises(ValidationError) as refused:
        report_mark_opened(report=submitted, actor=council_user)
    assert refused.value.code == "permission_denied"
    submitted.refresh_from_db()
    assert submitted.office_opened_at is None


def test_withdraw_after_a_return_goes_back_to_returned(
    submitted, hamlet_head, office_user
):
    report_return(
        report=submitted, actor=office_user, reason="Bổ sung ảnh.", notify=False
    )
    report_submit(report=submitted, actor=hamlet_head)

    report_withdraw(report=submitted, actor=hamlet_head)

    assert submitted.state == ReportState.RETURNED


def test_resubmission_is_unopened_again(submitted, hamlet_head, office_user):
    report_mark_opened(report=submitted, actor=office_user)
    report_return(report=submitted, actor=office_user, reason="Bổ sung.", notify=False)
    report_submit(report=submitted, actor=hamlet_head)
    assert submitted.office_opened_at is None


def test_another_head_cannot_withdraw(submitted, other_head):
    with pytest.raises(ValidationError) as refused:
        report_withdraw(report=submitted, actor=other_head)
    assert refused.value.code == "permission_denied"


def test_accepted_report_cannot_be_withdrawn(submitted, hamlet_head, office_user):
    report_accept(report=submitted, actor=office_user, notify=False)
    with pytest.raises(ValidationError) as refused:
        report_withdraw(report=submitted, actor=hamlet_head)
    assert refused.value.code == "invalid_transition"


# --- Extensions -------------------------------------------------------------------------


def test_office_extension_lets_the_unit_submit_after_the_due_date(
    period, hamlet, hamlet_head, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    time_machine.move_to(datetime.datetime(2025, 12, 12, 9, 0, tzinfo=VN))
    with pytest.raises(ValidationError) as refused:
        report_submit(report=report, actor=hamlet_head)
    assert refused.value.code == "late"

    extension = report_extension_grant(
        period=period,
        unit=hamlet,
        until=datetime.date(2025, 12, 15),
        reason="Thôn mất điện do mưa lũ.",
        actor=office_user,
    )
    report_submit(report=report, actor=hamlet_head)

    assert report.state == ReportState.SUBMITTED
    assert report.days_late(extended_until=extension.until) == 0
    entry = ActivityLog.objects.get(action="campaigns.extension.granted")
    assert (entry.actor, entry.reason, entry.data["until"]) == (
        office_user,
        "Thôn mất điện do mưa lũ.",
        "15/12/2025",
    )


def test_extension_ends_at_the_end_of_its_day(
    period, hamlet, hamlet_head, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    report_extension_grant(
        period=period,
        unit=hamlet,
        until=datetime.date(2025, 12, 15),
        reason="Gia hạn.",
        actor=office_user,
    )
    time_machine.move_to(datetime.datetime(2025, 12, 16, 0, 0, 1, tzinfo=VN))
    with pytest.raises(ValidationError) as refused:
        report_submit(report=report, actor=hamlet_head)
    assert refused.value.code == "late"
    assert "15/12/2025" in refused.value.messages[0]


def test_extension_for_another_unit_does_not_help(
    period, hamlet, hamlet_head, other_hamlet, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    report = fill(
        report_start(unit=hamlet, period=period, actor=hamlet_head), hamlet_head
    )
    report_extension_grant(
        period=period,
        unit=other_hamlet,
        until=datetime.date(2025, 12, 20),
        reason="Gia hạn.",
        actor=office_user,
    )
    time_machine.move_to(datetime.datetime(2025, 12, 12, 9, 0, tzinfo=VN))
    with pytest.raises(ValidationError) as refused:
        report_submit(report=report, actor=hamlet_head)
    assert refused.value.code == "late"


@pytest.mark.parametrize(
    ("until", "reason", "code"),
    [
        (datetime.date(2025, 12, 10), "Lý do.", "extension_not_later"),
        (datetime.date(2026, 6, 1), "Lý do.", "extension_too_long"),
        (datetime.date(2025, 12, 20), "  ", "reason_required"),
    ],
)
def test_extension_needs_a_later_date_and_a_reason(
    period, hamlet, office_user, until, reason, code
):
    with pytest.raises(ValidationError) as refused:
        report_extension_grant(
            period=period, unit=hamlet, until=until, reason=reason, actor=office_user
        )
    assert refused.value.code == code


def test_only_the_office_extends(period, hamlet, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        report_extension_grant(
            period=period,
            unit=hamlet,
            until=datetime.date(2025, 12, 20),
            reason="Lý do.",
            actor=hamlet_head,
        )
    assert refused.value.code == "permission_denied"


def test_extension_changed_and_withdrawn_is_logged(period, hamlet, office_user):
    extension = report_extension_grant(
        period=period,
        unit=hamlet,
        until=datetime.date(2025, 12, 15),
        reason="Lần đầu.",
        actor=office_user,
    )
    report_extension_grant(
        period=period,
        unit=hamlet,
        until=datetime.date(2025, 12, 18),
        reason="Thêm ba ngày.",
        actor=office_user,
    )
    report_extension_revoke(extension=extension, reason="Đã đủ.", actor=office_user)

    assert ReportExtension.objects.count() == 1
    changed = ActivityLog.objects.get(action="campaigns.extension.changed")
    assert changed.data["changes"]["until"]["old"] == "15/12/2025"
    assert changed.data["changes"]["until"]["new"] == "18/12/2025"
    assert ActivityLog.objects.filter(action="campaigns.extension.revoked").exists()
    with pytest.raises(ValidationError) as refused:
        report_extension_revoke(extension=extension, reason="Lại.", actor=office_user)
    assert refused.value.code == "already_revoked"


def test_extension_shown_on_the_board_and_to_the_unit(
    client, period, hamlet, hamlet_head, office_user, draft
):
    client.force_login(office_user)
    response = client.post(
        reverse("campaigns:extension", args=[period.pk, hamlet.pk]),
        {"until": "2025-12-17", "reason": "Thôn mất điện."},
    )
    assert response.status_code == 302
    board = client.get(period.get_absolute_url()).content.decode()
    assert "gia hạn đến 17/12/2025" in board

    client.force_login(hamlet_head)
    form_page = client.get(edit_url(draft)).content.decode()
    assert "gia hạn nộp báo cáo cho đơn vị đến hết ngày 17/12/2025" in form_page
    listing = client.get(reverse("campaigns:report_list")).content.decode()
    assert "hạn 17/12/2025" in listing
    assert "Phòng đã gia hạn, hạn cũ 10/12/2025" in listing


def test_extension_page_refuses_a_bad_date_with_a_message(
    client, period, hamlet, office_user
):
    client.force_login(office_user)
    response = client.post(
        reverse("campaigns:extension", args=[period.pk, hamlet.pk]),
        {"until": "2025-12-01", "reason": "Lý do."},
    )
    assert response.status_code == 200
    assert "Ngày gia hạn phải sau hạn nộp (10/12/2025)." in response.content.decode()


# --- Absolute links in every e-mail --------------------------------------------------------

LINK = re.compile(r"(?:https?://[^\s]+|(?<![\w/])/(?:campaigns|awards|units)/[^\s]*)")


def _links(message):
    return LINK.findall(message.body)


def test_every_email_link_carries_the_site_address(
    settings,
    client,
    submitted,
    hamlet,
    hamlet_head,
    office_user,
    period,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_BASE_URL = "https://thidua.phongquang.gov.vn"
    hamlet_head.email = "thon@example.test"
    hamlet_head.save()
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=submitted, actor=office_user, reason="Bổ sung ảnh.")
        report_submit(report=submitted, actor=hamlet_head)
        report_accept(report=submitted, actor=office_user)
        report_extension_grant(
            period=period,
            unit=hamlet,
            until=datetime.date(2025, 12, 20),
            reason="Lý do.",
            actor=office_user,
        )
    client.force_login(office_user)
    from campaigns.services import report_reminders_send
    from tests.factories import UnitFactory, unit_head

    silent = UnitFactory(name="Thôn Chưa Nộp")
    head = unit_head(silent, username="chua_nop")
    head.email = "chua_nop@example.test"
    head.save()
    client.post(reverse("campaigns:remind", args=[period.pk]))
    report_reminders_send(period=period, actor=office_user)

    assert len(mail.outbox) >= 5
    for message in mail.outbox:
        links = _links(message)
        assert links, message.subject
        assert all(
            link.startswith("https://thidua.phongquang.gov.vn/") for link in links
        ), (message.subject, links)


# --- Vietnamese numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1.000", Decimal(1000)), ("12.500", Decimal(12500)), ("1 000", Decimal(1000))],
)
def test_one_thousand_typed_the_vietnamese_way_is_accepted(
    client, hamlet_head, draft, typed, stored
):
    client.force_login(hamlet_head)
    people = indicator(draft, "a_luot_nguoi_tham_du")

    response = client.post(
        edit_url(draft), form_data(draft, **{f"value_{people.pk}": typed})
    )

    assert response.status_code == 302
    assert draft.values.get(indicator=people).value == stored


def test_decimal_with_thousands_is_accepted(plan):
    from campaigns.services import parse_indicator_value

    money = plan.indicators.get(code="c_kinh_phi")
    assert parse_indicator_value(money, "1.234,5") == Decimal("1234.5")
    assert parse_indicator_value(money, "1,234.5") == Decimal("1234.5")
    with pytest.raises(ValidationError) as refused:
        parse_indicator_value(money, "1.23.4")
    assert refused.value.code == "not_a_number"


def test_numbers_print_with_thousands_separators(client, hamlet_head, draft):
    people = indicator(draft, "a_luot_nguoi_tham_du")
    IndicatorValue.objects.create(report=draft, indicator=people, value=3127)
    client.force_login(hamlet_head)

    detail = client.get(draft.get_absolute_url()).content.decode()
    form_page = client.get(edit_url(draft)).content.decode()

    assert "3.127 lượt" in detail
    assert 'value="3.127"' in form_page


def test_aggregate_page_pdf_and_excel_group_thousands(
    client, hamlet_head, office_user, draft
):
    import io as _io

    from openpyxl import load_workbook

    from tests.pdfcheck import pdf_lines

    fill(draft, hamlet_head)
    people = indicator(draft, "a_luot_nguoi_tham_du")
    IndicatorValue.objects.filter(report=draft, indicator=people).update(value=3127)
    report_submit(report=draft, actor=hamlet_head)
    client.force_login(office_user)
    url = reverse("campaigns:aggregate", args=[draft.period_id])

    page = client.get(url).content.decode()
    assert "3.127 lượt" in page
    pdf = client.get(reverse("campaigns:aggregate_pdf", args=[draft.period_id])).content
    assert any("3.127" in line.text for line in pdf_lines(pdf))
    workbook = load_workbook(
        _io.BytesIO(
            client.get(
                reverse("campaigns:aggregate_xlsx", args=[draft.period_id])
            ).content
        )
    )
    cell = next(
        row[5]
        for row in workbook.active.iter_rows(min_row=6)
        if row[2].value == people.name
    )
    assert (cell.value, cell.number_format) == (3127, "#,##0")


def test_a_paper_report_the_office_recorded_cannot_be_withdrawn(
    draft, hamlet_head, office_user
):
    from campaigns.services import report_record_paper

    fill(draft, office_user)
    report_record_paper(
        report=draft,
        actor=office_user,
        received_on=datetime.date(2025, 12, 1),
        reason="Báo cáo giấy.",
    )
    with pytest.raises(ValidationError) as refused:
        report_withdraw(report=draft, actor=hamlet_head)
    assert refused.value.code == "already_opened"
