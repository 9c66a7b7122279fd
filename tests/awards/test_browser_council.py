"""Issue 10 in a real browser: members mark blind, the meeting votes by ballot,
the chairman approves in the council's order."""

import datetime

import pytest
from django.utils import timezone

from awards.models import Nomination
from scoring.models import ScoreSheet
from scoring.services import sheets_open
from tests.conftest import browser_login
from tests.factories import CampaignFactory, PersonFactory, UnitFactory, unit_head
from tests.scoring.conftest import self_assess
from units.enums import Sex

from .factories import AwardKindFactory, NominationFactory, council_of, set_state

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    """Sign out (the phone's menu is folded: drop the session instead)."""
    page.context.clear_cookies()


def test_members_mark_blind_and_the_office_finalises_knowing_who_is_missing(
    phone_page, desktop_page, plan, hamlet, office_user
):
    head = unit_head(hamlet, username="thon_blind")
    members = council_of(3, prefix="hd_blind")
    sheets_open(campaign=plan, actor=office_user, units=[hamlet])
    sheet = self_assess(ScoreSheet.objects.get(unit=hamlet), head)
    page = phone_page
    page.on("dialog", lambda dialog: dialog.accept())

    # The first member marks every criterion on his phone and submits.
    browser_login(page, members[0].username)
    page.goto(page.base_url + f"/scoring/sheets/{sheet.pk}/council/")
    for field in page.locator("input.points-input").all():
        field.fill("1")
    page.click("#btn-council-submit")
    page.wait_for_load_state("networkidle")
    assert page.locator("#confirm-step").is_visible()  # issue 17: asked first
    page.click("#btn-confirm")
    page.wait_for_load_state("networkidle")
    assert page.locator("#my-marks-status").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _logout(page)

    # The second member sees neither the first's marks nor the mean, until he submits.
    browser_login(page, members[1].username)
    page.goto(page.base_url + sheet.get_absolute_url())
    assert page.locator("td.council-mean").count() == 0
    assert page.locator("td.member-mark").count() == 0
    page.goto(page.base_url + f"/scoring/sheets/{sheet.pk}/council/")
    for field in page.locator("input.points-input").all():
        field.fill("0,5")
    page.click("#btn-council-save")
    page.wait_for_load_state("networkidle")
    assert page.locator("td.council-mean").count() == 0
    page.click("#btn-submit-marks")
    page.wait_for_load_state("networkidle")
    page.click("#btn-confirm")
    page.wait_for_load_state("networkidle")
    assert page.locator("td.council-mean").count() > 0
    assert page.locator("td.member-mark").count() == 0
    _logout(page)

    # The unit sees the mean, never a member's name.
    browser_login(page, "thon_blind")
    page.goto(page.base_url + sheet.get_absolute_url())
    assert page.locator("td.council-mean").first.inner_text() == "0,75"
    assert page.locator("th.member-col").count() == 0

    # The office sees each member, and is told who is missing when finalising.
    office = desktop_page
    browser_login(office, "vanhoa_test")
    office.goto(office.base_url + sheet.get_absolute_url())
    assert office.locator("th.member-col").count() == 2
    assert office.locator("td.council-sd").count() > 0
    office.goto(office.base_url + f"/scoring/sheets/{sheet.pk}/finalise/")
    assert "hd_blind3" in office.locator("#finalise-roster").inner_html()
    assert office.locator("#missing-marks").is_visible()
    office.fill("textarea[name=reason]", "Theo biên bản họp Hội đồng")
    office.click("#btn-finalise-save")
    office.wait_for_load_state("networkidle")
    sheet.refresh_from_db()
    assert sheet.state == "self_assessed"  # the reason for the missing marks is asked
    office.fill("textarea[name=missing_reason]", "Thành viên thứ ba đi công tác")
    office.click("#btn-finalise-save")
    office.wait_for_load_state("networkidle")
    sheet.refresh_from_db()
    assert sheet.state == "reviewed"


@pytest.fixture
def campaign(db):
    today = timezone.localdate()
    return CampaignFactory(
        year=today.year,
        starts_on=today.replace(month=1, day=1),
        ends_on=today + datetime.timedelta(days=60),
        dossier_deadline=today + datetime.timedelta(days=20),
        status="active",
    )


def test_the_meeting_votes_by_ballot_and_the_chairman_approves_in_order(
    desktop_page, campaign, office_user, chairman
):
    members = council_of(3, prefix="hd_vote")
    kind = AwardKindFactory(campaign=campaign)  # quota: 2 collectives

    def nominate(name, women=0):
        unit = UnitFactory(name=name)
        for _ in range(women):
            PersonFactory(unit=unit, sex=Sex.FEMALE)
        nomination = NominationFactory(
            award_kind=kind, nominee_unit=unit, proposing_unit=unit
        )
        return set_state(nomination, "checked")

    # Created in this order, so the lowest ids are not the council's choice.
    second_choice_lost = nominate("Thôn Khuổi Tát")
    second_choice = nominate("Thôn Bản Vèn", women=8)
    first_choice = nominate("Thôn Nà Mòn")
    page = desktop_page
    page.on("dialog", lambda dialog: dialog.accept())

    # The council's chair records the meeting with who is present and opens it.
    browser_login(page, members[0].username)
    page.goto(page.base_url + f"/awards/council/?campaign={campaign.pk}")
    page.click("#meetings summary")
    page.fill("input[name=meeting-held_on]", timezone.localdate().isoformat())
    for member in members:
        page.check(f"input[name=meeting-present][value='{member.pk}']")
    page.click("#meeting-form button")
    page.wait_for_load_state("networkidle")
    page.click("#btn-open-meeting")
    page.wait_for_load_state("networkidle")
    meeting_url = page.url
    assert page.locator("#meeting-state").get_attribute("data-state") == "open"

    # Each member present casts his own secret ballots.
    ballots = {
        members[0]: ["for", "for", "for"],
        members[1]: ["for", "against", "for"],
        members[2]: ["for", "for", "abstain"],
    }
    order = [first_choice, second_choice_lost, second_choice]
    for member, choices in ballots.items():
        if member != members[0]:
            _logout(page)
            browser_login(page, member.username)
            page.goto(meeting_url)
        for nomination, choice in zip(order, choices, strict=True):
            row = page.locator(f"#agenda tr[data-nomination='{nomination.pk}']")
            row.locator(f"button[data-choice={choice}]").click()
            page.wait_for_load_state("networkidle")
            page.click("#btn-confirm")
            page.wait_for_load_state("networkidle")
            assert page.locator(
                f"#agenda tr[data-nomination='{nomination.pk}'] .voted"
            ).is_visible()
    _logout(page)

    # The chair closes the meeting: the tallies are counted from the ballots.
    browser_login(page, members[0].username)
    page.goto(meeting_url)
    page.click("#btn-close-meeting")
    page.wait_for_load_state("networkidle")
    tallies = {
        n.pk: (n.state, n.votes_for, n.votes_against, n.votes_abstain)
        for n in Nomination.objects.filter(pk__in=[x.pk for x in order])
    }
    assert tallies == {
        first_choice.pk: ("voted", 3, 0, 0),
        second_choice_lost.pk: ("voted", 2, 1, 0),
        second_choice.pk: ("voted", 2, 0, 1),
    }
    response = page.context.request.get(
        page.base_url + page.locator("#minutes-pdf").get_attribute("href")
    )
    assert response.body()[:4] == b"%PDF"
    page.goto(page.base_url + f"/awards/council/?campaign={campaign.pk}")
    rows = page.locator("#council-board tbody tr")
    assert [r.get_attribute("data-nomination") for r in rows.all()] == [
        str(first_choice.pk),
        str(second_choice.pk),
        str(second_choice_lost.pk),
    ]
    assert rows.nth(1).get_attribute("data-above") == "women"
    _logout(page)

    # The chairman selects all three and approves them at once, in the board's order.
    browser_login(page, "chutich_test")
    page.goto(page.base_url + "/admin/awards/nomination/")
    for nomination in order:
        page.check(f"input[name=_selected_action][value='{nomination.pk}']")
    page.select_option("select[name=action]", "approve_selected")
    page.click("button[name=index]")
    page.wait_for_load_state("networkidle")
    states = dict(
        Nomination.objects.filter(pk__in=[x.pk for x in order]).values_list(
            "pk", "state"
        )
    )
    assert states == {
        first_choice.pk: "approved",
        second_choice.pk: "approved",
        second_choice_lost.pk: "voted",
    }
    messages = page.locator("ul.messagelist").inner_text()
    assert "Thôn Khuổi Tát" in messages and "(2/2)" in messages


def test_on_a_phone_a_ballot_and_an_early_closing_are_confirmed_first(
    phone_page, campaign, office_user
):
    """Issue 17: casting a ballot shows it before it counts; closing with ballots
    missing asks the chair why; both on a 390 px phone, without JavaScript help."""
    from awards import selectors as award_selectors
    from awards import services as award_services
    from awards.council_documents import minutes_context

    members = council_of(3, prefix="hd_phone")
    kind = AwardKindFactory(campaign=campaign)
    unit = UnitFactory(name="Thôn Nà Pài")
    nomination = set_state(
        NominationFactory(award_kind=kind, nominee_unit=unit, proposing_unit=unit),
        "checked",
    )
    meeting = award_services.council_meeting_record(
        campaign=campaign,
        held_on=timezone.localdate(),
        actor=office_user,
        present=members,
    )
    award_services.meeting_open(meeting=meeting, actor=office_user)
    page = phone_page
    page.on("dialog", lambda dialog: dialog.accept())

    browser_login(page, members[1].username)
    page.goto(page.base_url + f"/awards/council/meetings/{meeting.pk}/")
    row = page.locator(f"#agenda tr[data-nomination='{nomination.pk}']")
    row.locator("button[data-choice=against]").click()
    page.wait_for_load_state("networkidle")
    step = page.locator("#confirm-step")
    assert step.is_visible()
    text = step.inner_text()
    assert "Ý kiến của bạn: Không đồng ý." in text
    assert "Phiếu kín đã bỏ thì không thể thay đổi." in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/i17_ballot_confirm.png", full_page=True)
    nomination.refresh_from_db()
    assert award_selectors.ballot_tally(nomination)["against"] == 0  # not yet
    page.click("#btn-confirm")
    page.wait_for_load_state("networkidle")
    assert page.locator(
        f"#agenda tr[data-nomination='{nomination.pk}'] .voted"
    ).is_visible()
    assert award_selectors.ballot_tally(nomination)["against"] == 1
    _logout(page)

    browser_login(page, members[0].username)  # the chair
    page.goto(page.base_url + f"/awards/council/meetings/{meeting.pk}/")
    page.click("#btn-close-meeting")
    page.wait_for_load_state("networkidle")
    assert page.locator("#confirm-step").is_visible()
    assert (
        "2 thành viên có mặt chưa bỏ phiếu"
        in page.locator("#confirm-step").inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/i17_close_confirm.png", full_page=True)
    page.fill("#confirm-reason", "Hai thành viên xin về sớm.")
    page.click("#btn-confirm")
    page.wait_for_load_state("networkidle")
    assert page.locator("#meeting-state").get_attribute("data-state") == "closed"
    meeting.refresh_from_db()
    assert minutes_context(meeting)["close_reason"] == "Hai thành viên xin về sớm."
