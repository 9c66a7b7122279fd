import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command

from campaigns.enums import CampaignStatus
from campaigns.services import campaign_set_status
from phongquang_portal.core.models import ActivityLog
from tests.factories import UnitFactory, unit_head

from .helpers import submitted_units

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture
def reminder_setup(period, time_machine):
    time_machine.move_to(datetime.datetime(2025, 12, 5, 7, 0, tzinfo=VN))
    submitted_units(period, 1, prefix="Thôn Đã Nộp")
    silent = UnitFactory(name="Thôn Chưa Nộp")
    unit_head(silent, username="truong_chua_nop")
    UnitFactory(name="Thôn Không Thư")  # no head, no address
    return silent


def test_send_report_reminders_mails_units_that_have_not_submitted(reminder_setup):
    out = io.StringIO()

    call_command("send_report_reminders", stdout=out)

    assert [m.to for m in mail.outbox] == [["truong_chua_nop@example.test"]]
    message = mail.outbox[0]
    assert "Tổng kết năm 2025" in message.subject
    assert "10/12/2025" in message.subject
    assert "Kính gửi Trưởng Thôn Chưa Nộp" in message.body
    assert "Còn 5 ngày." in message.body
    assert "đã nhắc 1/2 đơn vị chưa nộp" in out.getvalue()


def test_send_report_reminders_dry_run_sends_nothing(reminder_setup):
    out = io.StringIO()
    call_command("send_report_reminders", "--dry-run", stdout=out)
    assert mail.outbox == []
    assert "2 đơn vị chưa nộp" in out.getvalue()


def test_send_report_reminders_skips_closed_campaigns(
    reminder_setup, plan, office_user
):
    campaign_set_status(campaign=plan, status=CampaignStatus.CLOSED, actor=office_user)
    call_command("send_report_reminders", stdout=io.StringIO())
    assert mail.outbox == []


def test_board_reminder_button_for_office(client, office_user, reminder_setup, period):
    client.force_login(office_user)
    response = client.post(f"/campaigns/periods/{period.pk}/remind/", follow=True)
    assert len(mail.outbox) == 1
    assert (
        "Chưa có địa chỉ thư điện tử của: Thôn Không Thư." in response.content.decode()
    )
    assert ActivityLog.objects.filter(action="campaigns.period.reminded").count() == 1
