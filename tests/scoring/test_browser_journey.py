"""A hamlet head self-assesses on a phone; a council member marks and submits; the office finalises."""

import pytest

from scoring.models import ScoreSheet
from scoring.selectors import unit_scores
from scoring.services import sheets_open
from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n%minh chung thon Na Mon\n%%EOF\n"


def _watch_csp(page, refusals):
    """Collect the browser's Content-Security-Policy refusals on ``page``."""
    page.on(
        "console",
        lambda message: (
            refusals.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )


def _fill_cards(page, points):
    for card in page.locator(".criterion-card").all():
        value = "0" if card.get_attribute("data-kind") == "penalty" else points
        card.locator("input.points-input").fill(value)


def test_scoring_journey_from_phone_to_ranking(
    phone_page,
    browser,
    live_server,
    plan,
    hamlet,
    hamlet_head,
    council_user,
    office_user,
    tmp_path,
):
    sheets_open(campaign=plan, actor=office_user, units=[hamlet])
    sheet = ScoreSheet.objects.get(campaign=plan, unit=hamlet)
    evidence = tmp_path / "minh-chung.pdf"
    evidence.write_bytes(PDF)

    # 1. The hamlet head self-assesses on a phone.
    page = phone_page
    refusals = []
    _watch_csp(page, refusals)
    browser_login(page, "thon_test")
    page.click("#my-score-sheets >> text=Thôn Nà Mòn")
    page.wait_for_load_state("networkidle")
    page.click("#btn-self-assess")
    page.wait_for_load_state("networkidle")
    _fill_cards(page, "3")
    # One score too high first: refused with a clear message, the typed values kept.
    first = page.locator(".criterion-card").first
    first.locator("input.points-input").fill("99")
    for card in page.locator(".criterion-card[data-evidence='1']").all():
        card.locator("input[type=file]").set_input_files(str(evidence))
    page.click("#btn-submit")
    page.wait_for_load_state("networkidle")
    assert "phải từ 0 đến" in page.locator("#form-errors").inner_text()
    assert (
        page.locator(".criterion-card")
        .nth(1)
        .locator("input.points-input")
        .input_value()
        == "3"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    first.locator("input.points-input").fill("3")
    for card in page.locator(".criterion-card[data-evidence='1']").all():
        card.locator("input[type=file]").set_input_files(str(evidence))
    page.click("#btn-submit")
    page.wait_for_load_state("networkidle")
    assert page.locator("#sheet-state").get_attribute("data-state") == "self_assessed"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The chart is drawn by static/js/scoring.js, with no inline script.
    assert page.evaluate(
        "!!window.Chart && !!Chart.getChart(document.getElementById('goal-chart'))"
    )

    # 2. A council member scores.
    council = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN"
    )
    council_page = council.new_page()
    council_page.base_url = live_server.url
    browser_login(council_page, "hoidong_test")
    council_page.goto(live_server.url + sheet.get_absolute_url())
    council_page.click("#btn-council")
    council_page.wait_for_load_state("networkidle")
    _fill_cards(council_page, "2")
    council_page.click("#btn-council-save")
    council_page.wait_for_load_state("networkidle")
    # Blind marking: a draft shows no council mean; submitted marks do.
    assert "Bình quân Hội đồng" not in council_page.locator("#entries").inner_text()
    council_page.click("#btn-council")
    council_page.wait_for_load_state("networkidle")
    council_page.click("#btn-council-submit")
    council_page.wait_for_load_state("networkidle")
    council_page.click("#btn-confirm")  # issue 17: submitting is confirmed
    council_page.wait_for_load_state("networkidle")
    assert "Bình quân Hội đồng" in council_page.locator("#entries").inner_text()
    council.close()

    # 3. The office finalises with a reason.
    office = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN"
    )
    office_page = office.new_page()
    _watch_csp(office_page, refusals)
    office_page.base_url = live_server.url
    browser_login(office_page, "vanhoa_test")
    office_page.goto(live_server.url + sheet.get_absolute_url())
    office_page.click("#btn-finalise")
    office_page.wait_for_load_state("networkidle")
    office_page.fill("textarea[name=reason]", "Theo biên bản họp Hội đồng ngày 10/12")
    office_page.click("#btn-finalise-save")
    office_page.wait_for_load_state("networkidle")
    assert office_page.locator("#sheet-state").get_attribute("data-state") == "reviewed"

    # 4. The ranking page shows the hamlet with its band.
    office_page.goto(live_server.url + f"/scoring/campaign/{plan.pk}/ranking/")
    row = office_page.locator("#ranking-table tr[data-unit='Thôn Nà Mòn']")
    expected = unit_scores(campaign=plan)[hamlet.pk]
    assert row.locator("td.band").inner_text() == expected.band
    assert expected.band
    assert row.locator("td.rank").inner_text().startswith("1")
    assert office_page.evaluate(
        "!!Chart.getChart(document.getElementById('ranking-chart'))"
    )
    # The campaign switch navigates through portal.js (no onchange attribute).
    assert office_page.locator("#campaign-switch[data-navigate]").count() == 1
    office.close()
    assert refusals == []
