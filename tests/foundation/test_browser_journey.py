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
