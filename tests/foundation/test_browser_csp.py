"""The Content-Security-Policy holds in a real browser: no page breaks a directive.

Chromium reports every blocked inline script, inline handler, inline style
or foreign source as a ``securitypolicyviolation`` event; the pages of each
role and the admin's screens must raise none.
"""

import pytest

from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__csp.push(event.violatedDirective + " " + (event.blockedURI || "inline")
    + " line " + event.lineNumber);
});
"""


def _violations(page, path):
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    return [f"{path}: {v}" for v in page.evaluate("window.__csp || []")]


@pytest.fixture
def commune(demo_committed):
    """The demo commune, committed for the live server (tests/demo_world.py)."""


def _page(browser, live_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.base_url = live_server.url
    return context, page


def _walk(browser, live_server, username, paths):
    context, page = _page(browser, live_server)
    try:
        if username:
            browser_login(page, username, "PhongQuang@2025")
        found = []
        for path in paths:
            found += _violations(page, path)
        return found
    finally:
        context.close()


def test_public_pages_break_no_csp_directive(browser, live_server, commune):
    assert (
        _walk(browser, live_server, None, ["/", "/accounts/login/", "/campaigns/"])
        == []
    )


def test_office_pages_and_admin_break_no_csp_directive(browser, live_server, commune):
    paths = [
        "/",
        "/units/",
        "/admin/",
        "/admin/units/unit/",
        "/admin/units/unit/add/",
        "/admin/units/membership/add/",
        "/admin/core/activitylog/",
    ]

    assert _walk(browser, live_server, "vanhoa", paths) == []


def test_sysadmin_admin_breaks_no_csp_directive(browser, live_server, commune):
    from django.contrib.auth import get_user_model

    thon1 = get_user_model().objects.get(username="thon1")
    paths = [
        "/admin/",
        "/admin/auth/user/",
        f"/admin/auth/user/{thon1.pk}/change/",
        f"/admin/auth/user/{thon1.pk}/password/",
    ]

    assert _walk(browser, live_server, "quantri", paths) == []


def test_whole_year_pages_break_no_csp_directive(browser, live_server, commune):
    """Issue 11's pages: the register, the summary, the statistics, the extensions."""
    from campaigns.models import Campaign
    from campaigns.selectors import current_period
    from exemplars.models import ExemplaryModel

    campaign = Campaign.objects.get(year=2026)
    period = current_period(campaign)
    model = ExemplaryModel.objects.filter(campaign=campaign).order_by("pk").first()
    unit = period.extensions.first().unit_id
    office_paths = [
        "/exemplars/",
        "/exemplars/register/",
        "/exemplars/new/",
        model.get_absolute_url(),
        f"/exemplars/{model.pk}/edit/",
        "/yearend/",
        f"/yearend/periods/{period.pk}/",
        "/yearend/statistics/",
        f"/campaigns/periods/{period.pk}/extensions/{unit}/",
        "/awards/extensions/",
    ]
    assert _walk(browser, live_server, "vanhoa", office_paths) == []
    assert _walk(browser, live_server, None, ["/exemplars/"]) == []
