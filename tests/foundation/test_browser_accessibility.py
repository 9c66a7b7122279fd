"""Issue 17: the key pages meet WCAG 2.1 AA, measured with axe-core in Chromium.

Every role of the demo commune walks its key pages at a phone's 390 px and a
laptop's 1366 px; axe-core (bundled by axe-playwright-python, injected with
``page.evaluate``, which the Content-Security-Policy does not govern) must
find nothing serious or critical. Beside it, what axe cannot see: selects
that act only through their button (WCAG 3.2.2), a refused log-in that is
announced and focused, and the report form's sticky bar that never hides
the field the keyboard moves to.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import browser_login
from tests.foundation.test_browser_whole_year import _page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "PhongQuang@2025"
WIDTHS = (390, 1366)
BLOCKING = {"serious", "critical"}
# WCAG 2.1 A and AA only (axe's best-practice rules are advice, and slower).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    },
    "resultTypes": ["violations"],
}


@pytest.fixture
def key_pages(demo_committed):
    """The ~24 key pages of the demo commune, by the role that opens them.

    The council's next meeting is opened first, so that its page shows the
    ballot (the demo leaves it at the roll call).
    """
    from django.contrib.auth import get_user_model

    from awards import services as award_services
    from awards.models import (
        AwardCertificate,
        CouncilMeeting,
        MeetingAttendance,
        Nomination,
    )
    from campaigns.models import Campaign, Report
    from campaigns.selectors import current_period
    from scoring.models import ScoreSheet
    from units.selectors import units_headed_by

    users = get_user_model().objects
    office = users.get(username="vanhoa")
    meeting = CouncilMeeting.objects.get(state="preparing")
    award_services.meeting_attendance_record(
        meeting=meeting,
        present=[a.member for a in MeetingAttendance.objects.filter(meeting=meeting)],
        actor=office,
    )
    award_services.meeting_open(meeting=meeting, actor=office)

    campaign = Campaign.objects.get(year=2026)
    period = current_period(campaign)
    head = users.get(username="thon3")
    head_units = units_headed_by(head)
    draft = Report.objects.get(period=period, unit__in=head_units, state="draft")
    submitted = Report.objects.filter(period=period, state="submitted").first()
    own_sheet = ScoreSheet.objects.filter(unit__in=head_units).first()
    council_sheet = ScoreSheet.objects.filter(state="reviewed").first()
    nomination = Nomination.objects.filter(state="submitted").order_by("pk").first()
    certificate = AwardCertificate.objects.order_by("pk").first()
    return {
        None: [
            "/",
            "/accounts/login/",
            "/scoring/honor-board/",
            "/awards/honor/",
            f"/xac-minh/{certificate.code}/",
            "/exemplars/",
        ],
        "vanhoa": [
            "/",
            f"/campaigns/periods/{period.pk}/",
            f"/campaigns/reports/{submitted.pk}/",
            f"/scoring/campaign/{campaign.pk}/ranking/",
            f"/yearend/periods/{period.pk}/",
            "/yearend/statistics/",
            "/exemplars/register/",
            "/awards/",
            f"/awards/{nomination.pk}/",
        ],
        "thon3": [
            "/",
            f"/campaigns/reports/{draft.pk}/edit/",
            "/awards/new/",
            f"/scoring/sheets/{own_sheet.pk}/",
        ],
        "hoidong2": [
            "/awards/council/",
            f"/awards/council/meetings/{meeting.pk}/",
            f"/scoring/sheets/{council_sheet.pk}/",
        ],
        "chutich": ["/admin/", "/admin/awards/nomination/"],
    }


def _context(browser, live_server, width):
    page = _page(browser, live_server, width)
    return page.context, page


def _findings(page, path, axe):
    """Return one line per serious or critical axe finding on ``path``."""
    response = page.goto(page.base_url + path)
    assert response.status == 200, f"{path} answered {response.status}"
    width = page.viewport_size["width"]
    found = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            found.append(
                f"{width}px {path}: {violation['id']} ({violation['impact']}) "
                f"{node['target']} {node.get('failureSummary', '')!r:.160}"
            )
    return found


def test_key_pages_have_no_serious_accessibility_violation(
    browser, live_server, key_pages
):
    axe = Axe()
    found = []
    for username, paths in key_pages.items():
        context, page = _context(browser, live_server, WIDTHS[0])
        try:
            if username:
                browser_login(page, username, DEMO_PASSWORD)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                for path in paths:
                    found += _findings(page, path, axe)
        finally:
            context.close()

    assert sum(len(paths) for paths in key_pages.values()) >= 22
    assert found == [], "\n".join(found)


def test_axe_reports_what_it_should(browser, live_server, demo_committed):
    """The measuring stick measures: a low-contrast link is a serious finding."""
    context, page = _context(browser, live_server, 1366)
    try:
        page.goto(live_server.url + "/accounts/login/")
        page.evaluate(
            """() => {
              const a = document.createElement('a');
              a.href = '#'; a.textContent = 'Mờ'; a.style.color = '#dd9d9a';
              document.querySelector('main').prepend(a);
            }"""
        )
        found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    finally:
        context.close()

    assert any(v["id"] == "color-contrast" and v["impact"] == "serious" for v in found)


# --- What axe cannot see ----------------------------------------------------------


def test_selects_change_nothing_until_their_button_is_pressed(
    browser, live_server, demo_committed
):
    context, page = _context(browser, live_server, 390)
    try:
        browser_login(page, "vanhoa", DEMO_PASSWORD)
        page.goto(page.base_url + "/yearend/statistics/")
        years = page.locator("#id_year option").evaluate_all(
            "options => options.map(o => o.value)"
        )
        other_year = next(y for y in years if y != page.input_value("#id_year"))
        page.select_option("#id_year", other_year)
        page.wait_for_timeout(300)
        assert "year=" not in page.url
        page.click("form:has(#id_year) button")
        page.wait_for_load_state("networkidle")
        assert f"year={other_year}" in page.url

        # The language: the switch acts through its button, then English shows.
        page.set_viewport_size({"width": 1366, "height": 900})
        page.select_option("#lang-select", "en")
        page.wait_for_timeout(300)
        assert page.locator("html").get_attribute("lang") == "vi"
        page.click("form:has(#lang-select) button")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()


def test_refused_login_is_announced_and_focused(browser, live_server, demo_committed):
    context, page = _context(browser, live_server, 390)
    try:
        page.goto(page.base_url + "/accounts/login/")
        page.fill("input[name=username]", "vanhoa")
        page.fill("input[name=password]", "sai-mat-khau")
        page.click("form button[type=submit]")
        page.wait_for_load_state("networkidle")

        alert = page.locator("#login-error")
        assert alert.get_attribute("role") == "alert"
        assert "tên đăng nhập" in alert.inner_text().lower()
        assert page.evaluate("document.activeElement.id") == "login-error"
        for field in ("username", "password"):
            described = page.get_attribute(f"#id_{field}", "aria-describedby")
            assert "login-error" in described.split()
    finally:
        context.close()


FOCUS_VS_BAR = """() => {
  const bar = document.querySelector('.report-actions');
  const field = document.activeElement;
  if (bar.contains(field)) return null;
  return {
    field: field.id || field.tagName,
    bottom: field.getBoundingClientRect().bottom,
    barTop: bar.getBoundingClientRect().top,
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_report_form_bar_never_hides_the_focused_field(
    browser, live_server, demo_committed, width
):
    """Tab through the report form: every field shows whole above the sticky bar."""
    from django.contrib.auth import get_user_model

    from campaigns.models import Campaign, Report
    from campaigns.selectors import current_period
    from units.selectors import units_headed_by

    head = get_user_model().objects.get(username="thon3")
    report = Report.objects.get(
        period=current_period(Campaign.objects.get(year=2026)),
        unit__in=units_headed_by(head),
        state="draft",
    )
    context, page = _context(browser, live_server, width)
    try:
        browser_login(page, "thon3", DEMO_PASSWORD)
        page.goto(page.base_url + f"/campaigns/reports/{report.pk}/edit/")
        page.wait_for_load_state("networkidle")
        page.focus("#report-form textarea")
        hidden, seen = [], []
        for _ in range(300):
            where = page.evaluate(FOCUS_VS_BAR)
            if where is None:
                break  # the focus reached the bar's own buttons
            seen.append(where["field"])
            if where["bottom"] > where["barTop"] + 0.5:
                hidden.append(where)
            page.keyboard.press("Tab")
    finally:
        context.close()

    assert "id_attachment" in seen  # the last field above the bar was reached
    assert len(seen) > 20
    assert hidden == []
