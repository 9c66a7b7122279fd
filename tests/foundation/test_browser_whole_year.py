"""Issue 11 in a real browser: the top menu at 1366 px, the campaign selects and
the decision page at 360 px, the report form that loses nothing when the
connection drops, and the confirmation before "Nộp"."""

import datetime

import pytest
from django.utils import timezone

from awards import services as award_services
from campaigns.models import ReportingPeriod
from campaigns.services import campaign_copy, report_start
from tests.awards.factories import NominationFactory, kind_for, record_plan, voted
from tests.conftest import browser_login
from tests.factories import PersonFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(browser, live_server, width, **extra):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="vi-VN", **extra
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    return page


@pytest.fixture
def two_campaigns(plan, office_user):
    """The 2025 plan and its 2026 copy: the long names the selects list."""
    copy = campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        actor=office_user,
    )
    return plan, copy


def _menu_on_one_line(page):
    return page.evaluate(
        """() => {
          const links = [...document.querySelectorAll('#mainnav .navbar-nav > .nav-item > .nav-link')];
          const tops = links.map(a => Math.round(a.getBoundingClientRect().top));
          const heights = links.map(a => a.getBoundingClientRect().height);
          const lineHeight = parseFloat(getComputedStyle(links[0]).lineHeight);
          const padding = parseFloat(getComputedStyle(links[0]).paddingTop) * 2;
          return {
            count: links.length,
            oneRow: new Set(tops).size === 1,
            oneLine: heights.every(h => h <= lineHeight + padding + 2),
            scroll: document.documentElement.scrollWidth,
          };
        }"""
    )


@pytest.mark.parametrize("role", ["office", "chairman", "head", "anonymous"])
def test_top_menu_at_1366_keeps_each_item_on_one_line(
    browser, live_server, two_campaigns, office_user, chairman, hamlet_head, role
):
    from phongquang_portal.core.permissions import SYSTEM
    from units.enums import Role
    from units.services import membership_grant

    if role == "chairman":
        # The chairman of a small commune also sits on the council: most links.
        membership_grant(
            user=chairman, role=Role.COUNCIL, actor=SYSTEM, reason="Thử thực đơn"
        )
    page = _page(browser, live_server, 1366)
    username = {
        "office": "vanhoa_test",
        "chairman": "chutich_test",
        "head": "thon_test",
    }.get(role)
    if username:
        browser_login(page, username)
    page.goto(page.base_url + "/?portal=1")
    page.wait_for_load_state("networkidle")

    menu = _menu_on_one_line(page)

    assert menu["count"] >= 2
    assert menu["oneRow"] and menu["oneLine"], menu
    assert menu["scroll"] <= 1366
    # The public pages sit in one "Công khai" menu.
    page.click("#public-menu > a")
    assert page.locator(
        "#public-menu .dropdown-item", has_text="Điển hình tiên tiến"
    ).is_visible()
    page.context.close()


@pytest.mark.parametrize("url", ["/awards/", "/awards/honor/"])
def test_campaign_selects_fit_a_360_px_phone(
    browser, live_server, two_campaigns, hamlet_head, url
):
    page = _page(browser, live_server, 360, is_mobile=True, has_touch=True)
    browser_login(page, "thon_test")
    page.goto(page.base_url + url)
    page.wait_for_load_state("networkidle")

    right = page.evaluate(
        "document.getElementById('campaign-picker').getBoundingClientRect().right"
    )
    assert right <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()


@pytest.fixture
def decision(plan, chairman, office_user):
    kind = kind_for(record_plan(plan))
    unit = UnitFactory(name="Thôn Khuổi Tát")
    for kwargs in (
        {"nominee_unit": unit},
        {"nominee_unit": None, "nominee_person": PersonFactory(unit=unit)},
    ):
        nomination = voted(
            NominationFactory(award_kind=kind, proposing_unit=unit, **kwargs)
        )
        award_services.nomination_approve(nomination=nomination, actor=chairman)
    return award_services.decision_issue(
        campaign=plan,
        award_kind=kind,
        number="125",
        signed_on=datetime.date(2025, 12, 5),
        actor=office_user,
    )


@pytest.mark.parametrize("width", [360, 1366])
def test_decision_offsets_do_not_overlap_the_button(
    browser, live_server, decision, width
):
    page = _page(browser, live_server, width)
    browser_login(page, "vanhoa_test")
    page.goto(page.base_url + decision.get_absolute_url())
    page.wait_for_load_state("networkidle")

    boxes = page.evaluate(
        """() => {
          const form = document.querySelector('form[action$="giay-khen-in-phoi.pdf"]');
          const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
          return {
            inputs: [...form.querySelectorAll('input[type=number]')].map(box),
            button: box(form.querySelector('button')),
            cols: [...form.querySelectorAll('input[type=number]')].map(i => box(i.parentElement)),
          };
        }"""
    )

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    for field, column in zip(boxes["inputs"], boxes["cols"], strict=True):
        assert not overlap(field, boxes["button"]), boxes
        assert field[2] <= column[2] + 0.5, boxes  # the input stays in its column
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()


@pytest.fixture
def open_report(plan, hamlet, hamlet_head):
    today = timezone.localdate()
    period = ReportingPeriod.objects.create(
        campaign=plan,
        name="Kỳ báo cáo thử nghiệm",
        position=3,
        opens_on=today - datetime.timedelta(days=1),
        due_on=today + datetime.timedelta(days=30),
        unit_kinds=["hamlet"],
    )
    return report_start(unit=hamlet, period=period, actor=hamlet_head)


def test_report_form_loses_nothing_when_the_connection_drops(
    browser, live_server, open_report
):
    page = _page(browser, live_server, 390, is_mobile=True, has_touch=True)
    browser_login(page, "thon_test")
    edit = page.base_url + f"/campaigns/reports/{open_report.pk}/edit/"
    page.goto(edit)
    first = page.locator("textarea[name^=narrative_]").first
    first.fill("Họp thôn, hướng dẫn 40 hộ cài VNeID.")
    page.locator("input[data-code=a_luot_nguoi_tham_du]").fill("1.000")

    page.context.set_offline(True)
    with pytest.raises(Exception):  # noqa: B017 - the browser reports the lost connection
        page.click("#save-draft", timeout=5_000)
        page.wait_for_url("**/edit/?saved=1", timeout=5_000)
    page.context.set_offline(False)

    # Back on the form later: what was typed is there again, with a notice.
    page.goto(edit)
    page.wait_for_load_state("networkidle")
    assert first.input_value() == "Họp thôn, hướng dẫn 40 hộ cài VNeID."
    assert (
        page.locator("input[data-code=a_luot_nguoi_tham_du]").input_value() == "1.000"
    )
    assert page.locator("#draft-restored").is_visible()
    assert "chưa được gửi lên máy chủ" in page.locator("#draft-restored").inner_text()

    page.click("#save-draft")
    page.wait_for_load_state("networkidle")
    assert "Đã lưu nháp." in page.content()
    stored = page.evaluate(
        f"window.localStorage.getItem('phongquang:report-{open_report.pk}')"
    )
    assert stored is None
    open_report.refresh_from_db()
    assert open_report.values.get(indicator__code="a_luot_nguoi_tham_du").value == 1000
    page.goto(edit)
    assert not page.locator("#draft-restored").is_visible()
    page.context.close()


def test_submit_asks_for_confirmation(browser, live_server, open_report, hamlet_head):
    from tests.reports.helpers import fill

    fill(open_report, hamlet_head)
    page = _page(browser, live_server, 390, is_mobile=True, has_touch=True)
    browser_login(page, "thon_test")
    page.goto(page.base_url + f"/campaigns/reports/{open_report.pk}/edit/")
    messages = []

    def dismiss(dialog):
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("#submit-report")
    page.wait_for_timeout(300)
    open_report.refresh_from_db()
    assert open_report.state == "draft"
    assert messages and messages[0].startswith(
        "Nộp báo cáo cho Phòng Văn hóa - Xã hội?"
    )

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#submit-report")
    page.wait_for_load_state("networkidle")
    open_report.refresh_from_db()
    assert open_report.state == "submitted"
    page.context.close()
