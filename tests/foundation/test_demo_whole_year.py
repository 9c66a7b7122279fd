"""The demo leaves every login something to do in the 2026 campaign (issue 11), as
the README's demo-login table says, and the hamlet head's home page lists what is
due: the year-end report (10/12), the dossier deadline (15/12), extensions."""

import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model

from campaigns.enums import ReportState
from campaigns.models import Report
from campaigns.selectors import current_period
from exemplars.models import ExemplaryModel
from phongquang_portal.core.permissions import has_perm
from tests.demo_world import DEMO_DAY
from units.enums import Role
from units.models import Membership

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def report_of(username, period):
    unit = (
        Membership.objects.filter(user__username=username, role=Role.UNIT_HEAD)
        .exclude(unit__kind="digital_team")[0]
        .unit
    )
    return unit, Report.objects.filter(unit=unit, period=period).first()


def test_demo_logins_each_have_something_to_do(demo, client):
    from campaigns.models import Campaign

    period = current_period(Campaign.objects.get(year=2026))
    assert period.name == "Tổng kết năm 2026"

    _unit, thon1 = report_of("thon1", period)
    assert thon1 is None  # the year-end report is still to write
    _unit, thon2 = report_of("thon2", period)
    assert thon2.state == ReportState.SUBMITTED and thon2.office_opened_at is None
    assert has_perm(user("thon2"), "campaigns.withdraw_report", thon2)
    assert report_of("thon3", period)[1].state == ReportState.DRAFT
    assert report_of("thon5", period)[1].state == ReportState.RETURNED
    assert period.extensions.get().unit == report_of("thon9", period)[0]
    assert ExemplaryModel.objects.filter(
        campaign=period.campaign, status="proposed", unit=report_of("thon4", period)[0]
    ).exists()
    states = {
        name: getattr(report_of(name, period)[1], "state", None)
        for name in ("vpubnd", "hoiphunu", "phongkt", "bcdcds", "phongvhxh", "congan")
    }
    assert states == {
        "vpubnd": None,
        "hoiphunu": None,
        "phongkt": "submitted",
        "bcdcds": "submitted",
        "phongvhxh": "draft",
        "congan": "returned",
    }
    assert Report.objects.filter(period=period, state=ReportState.SUBMITTED).exists()

    # Every unit head's home page lists what is due.
    heads = set(
        Membership.objects.filter(role=Role.UNIT_HEAD).values_list(
            "user__username", flat=True
        )
    )
    with time_machine.travel(DEMO_DAY, tick=False):
        for username in sorted(heads):
            client.force_login(user(username))
            page = client.get("/").content.decode()
            assert 'id="due-items"' in page, username


def test_home_page_shows_the_hamlet_heads_due_items(demo, client):
    with time_machine.travel(DEMO_DAY, tick=False):
        client.force_login(user("thon1"))
        page = client.get("/").content.decode()
        due = page[page.index('id="due-items"') : page.index('id="my-units"')]
        items = re.findall(
            r'<li class="list-group-item[^"]*due-item.*?</li>', due, re.S
        )
        assert "Báo cáo “Tổng kết năm 2026”" in items[0]
        assert "Chưa nộp" in items[0]
        assert "hạn <strong>10/12/2026</strong>" in items[0]
        assert "còn 8 ngày" in items[0]
        assert "Hồ sơ đề nghị: Giấy khen của Chủ tịch UBND xã" in due
        assert "hạn <strong>15/12/2026</strong>" in due

        client.force_login(user("thon9"))
        page = client.get("/").content.decode()
        assert "Phòng Văn hóa - Xã hội gia hạn đến 17/12/2026" in page

        client.force_login(user("thon3"))
        page = client.get("/").content.decode()
        assert "Phòng Văn hóa - Xã hội gia hạn đến 20/12/2026" in page
