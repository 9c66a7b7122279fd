import pytest

from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hamlet_head_on_phone_sees_their_hamlet(
    phone_page, hamlet, hamlet_head, other_hamlet
):
    page = phone_page
    browser_login(page, "thon_test")

    assert page.locator("#my-units").is_visible()
    page.click("text=Thôn Nà Mòn")
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").inner_text() == "Thôn Nà Mòn"
    assert "Thôn" in page.content()
    # The layout fits a phone: no horizontal scrolling.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390
    # Another hamlet's page is not found for this head.
    response = page.goto(page.base_url + other_hamlet.get_absolute_url())
    assert response.status == 404


def test_pages_fit_a_360_px_phone(browser, live_server, plan, hamlet, hamlet_head):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    page.base_url = live_server.url
    try:
        for path in ["/", plan.get_absolute_url(), "/accounts/login/"]:
            page.goto(live_server.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        browser_login(page, "thon_test")
        for path in ["/", hamlet.get_absolute_url()]:
            page.goto(live_server.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        # The menu collapses behind the toggler and opens on a tap.
        page.click("button.navbar-toggler")
        page.wait_for_selector("#mainnav.show")
        assert page.locator("#mainnav").get_by_text("Đăng xuất").is_visible()
    finally:
        context.close()
