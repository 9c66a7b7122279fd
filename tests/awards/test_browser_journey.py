"""The whole award round in a real browser: phone for the hamlet head, desktop for the rest."""

import datetime

import pytest
from django.utils import timezone

from awards.models import Decision, Nomination
from tests.conftest import browser_login
from tests.factories import (
    CampaignFactory,
    HouseholdFactory,
    PersonFactory,
    UnitFactory,
)

from .factories import TINY_PDF, AwardKindFactory, NominationFactory, council_of, voted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_campaign(db):
    from awards.receivers import load_base_salaries
    from campaigns.models import CampaignCitation
    from campaigns.services.legal import legal_documents_load
    from campaigns.services.plan import plan_data

    # A transactional test starts from a flushed database: the plan's legal
    # documents and base salary are loaded again.
    documents = legal_documents_load(plan_data()["legal_documents"])
    load_base_salaries()
    today = timezone.localdate()
    campaign = CampaignFactory(
        name="Đẩy mạnh Chương trình chuyển đổi số",
        year=today.year,
        starts_on=today.replace(month=1, day=1),
        ends_on=today + datetime.timedelta(days=60),
        dossier_deadline=today + datetime.timedelta(days=20),
        status="active",
        # A decision cites the plan by its number and date.
        plan_number="07/KH-UBND",
        plan_date=today.replace(month=1, day=10),
    )
    CampaignCitation.objects.create(
        campaign=campaign, document=documents["06/2022/QH15"], position=1
    )
    return campaign


def test_award_round_from_phone_to_decision(
    phone_page,
    desktop_page,
    open_campaign,
    hamlet,
    hamlet_head,
    office_user,
    council_user,
    chairman,
):
    kind = AwardKindFactory(campaign=open_campaign)
    household = HouseholdFactory(head_name="Nông Văn Dũng", hamlet=hamlet)
    HouseholdFactory(head_name="Triệu Văn Sáng")  # another hamlet's: never listed
    # Two other collectives already voted by the council.
    others = [
        voted(
            NominationFactory(
                award_kind=kind,
                nominee_unit=UnitFactory(name=name),
                proposing_unit=UnitFactory(),
            )
        )
        for name in ("Thôn Bản Vèn", "Thôn Đồng Cọ")
    ]

    # 1. The hamlet head builds and submits the dossier on a phone.
    page = phone_page
    browser_login(page, "thon_test")
    page.goto(page.base_url + f"/awards/new/?campaign={open_campaign.pk}")
    assert "23:59:59" in page.locator("#deadline-notice").inner_text()
    # First the nominee's type, then one of the hamlet's own: the list follows.
    page.check("input[name=nominee_type][value=household]")
    household_options = page.locator("select[name=nominee] option").evaluate_all(
        "options => options.map(o => o.value).filter(Boolean)"
    )
    assert household_options == [f"household:{household.pk}"]
    page.check("input[name=nominee_type][value=unit]")
    assert page.locator("select[name=nominee] option").evaluate_all(
        "options => options.map(o => o.value).filter(Boolean)"
    ) == [f"unit:{hamlet.pk}"]
    page.select_option("select[name=nominee]", f"unit:{hamlet.pk}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill(
        "textarea[name=achievements]",
        "Vận động 100% hộ dân cài đặt VNeID; 12 buổi hướng dẫn kỹ năng số.",
    )
    page.click("#nomination-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    nomination = Nomination.objects.get(nominee_unit=hamlet)
    assert page.url.endswith(nomination.get_absolute_url())
    for code in ("to_trinh", "bao_cao", "bien_ban"):
        page.select_option("#attachment-form select[name=kind]", code)
        page.set_input_files(
            "#attachment-form input[name=file]",
            {"name": f"{code}.pdf", "mimeType": "application/pdf", "buffer": TINY_PDF},
        )
        page.click("#attachment-form button")
        page.wait_for_load_state("networkidle")
    assert page.locator("#attachments li").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.click("#submit-dossier")
    page.wait_for_load_state("networkidle")
    # Issue 17: the phone shows what will happen and asks first; nothing yet.
    assert page.locator("#confirm-step").is_visible()
    assert "Nộp hồ sơ cho Phòng Văn hóa - Xã hội?" in page.locator("h1").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    nomination.refresh_from_db()
    assert nomination.state == "draft"
    page.click("#btn-confirm")
    page.wait_for_load_state("networkidle")
    assert "Đã nộp" in page.content()
    nomination.refresh_from_db()
    assert nomination.state == "submitted"

    # 2. The office checks it.
    office = desktop_page
    browser_login(office, "vanhoa_test")
    office.goto(office.base_url + f"/awards/queue/?campaign={open_campaign.pk}")
    office.click(f"#queue a[href='{nomination.get_absolute_url()}']")
    office.click("#check-dossier")
    office.wait_for_load_state("networkidle")
    nomination.refresh_from_db()
    assert nomination.state == "checked"
    office.click("form[action='/accounts/logout/'] button")

    # 3. The office records the meeting and opens it; each member votes.
    second, third = council_of(2, prefix="hd_journey", chair=False)
    browser_login(office, "vanhoa_test")
    office.goto(office.base_url + f"/awards/council/?campaign={open_campaign.pk}")
    office.click("#meetings summary")
    office.fill("input[name=meeting-held_on]", timezone.localdate().isoformat())
    for member in (council_user, second, third):
        office.check(f"input[name=meeting-present][value='{member.pk}']")
    office.click("#meeting-form button")
    office.wait_for_load_state("networkidle")
    office.on("dialog", lambda dialog: dialog.accept())
    office.click("#btn-open-meeting")
    office.wait_for_load_state("networkidle")
    meeting_url = office.url
    office.click("form[action='/accounts/logout/'] button")
    for member in (council_user, second, third):
        browser_login(office, member.username)
        office.goto(meeting_url)
        row = office.locator(f"#agenda tr[data-nomination='{nomination.pk}']")
        row.locator("button[data-choice=for]").click()
        office.wait_for_load_state("networkidle")
        office.click("#btn-confirm")
        office.wait_for_load_state("networkidle")
        office.click("form[action='/accounts/logout/'] button")
    browser_login(office, "vanhoa_test")
    office.goto(meeting_url)
    office.click("#btn-close-meeting")
    office.wait_for_load_state("networkidle")
    nomination.refresh_from_db()
    assert (nomination.state, nomination.votes_for) == ("voted", 3)
    office.click("form[action='/accounts/logout/'] button")

    # 4. The chairman approves two collectives in the admin; the third is refused.
    browser_login(office, "chutich_test")
    office.goto(office.base_url + "/admin/awards/nomination/")
    assert "Tập thể 0/2" in office.locator("#quota-panel").inner_text()
    for target in others:
        office.check(f"input[name=_selected_action][value='{target.pk}']")
    office.select_option("select[name=action]", "approve_selected")
    office.click("button[name=index]")
    office.wait_for_load_state("networkidle")
    assert "Tập thể 2/2" in office.locator("#quota-panel").inner_text()
    office.goto(office.base_url + "/admin/awards/nomination/")
    office.check(f"input[name=_selected_action][value='{nomination.pk}']")
    office.select_option("select[name=action]", "approve_selected")
    office.click("button[name=index]")
    office.wait_for_load_state("networkidle")
    messages = office.locator("ul.messagelist").inner_text()
    assert "Đã đủ số lượng" in messages
    assert "(2/2)" in messages
    nomination.refresh_from_db()
    assert nomination.state == "voted"
    office.click("#logout-form button")

    # 5. The office issues the decision and downloads the documents.
    browser_login(office, "vanhoa_test")
    office.goto(office.base_url + f"/awards/decisions/?campaign={open_campaign.pk}")
    office.select_option("#decision-form select[name=award_kind]", str(kind.pk))
    office.fill("#decision-form input[name=number]", "125")
    office.fill(
        "#decision-form input[name=signed_on]", timezone.localdate().isoformat()
    )
    office.click("#decision-form button")
    office.wait_for_load_state("networkidle")
    # Issue 17: issuing is confirmed on a second step; nothing is issued yet.
    assert office.locator("#confirm-step").is_visible()
    assert not Decision.objects.exists()
    office.click("#btn-confirm")
    office.wait_for_load_state("networkidle")
    decision = Decision.objects.get()
    assert office.url.endswith(decision.get_absolute_url())
    for link in office.locator("#downloads a").all():
        response = office.context.request.get(
            office.base_url + link.get_attribute("href")
        )
        assert response.status == 200
        assert response.body()[:4] in (b"%PDF", b"PK\x03\x04")
    assert sorted(
        Nomination.objects.filter(decision=decision).values_list(
            "nominee_unit__name", flat=True
        )
    ) == ["Thôn Bản Vèn", "Thôn Đồng Cọ"]


def test_office_nominee_list_follows_the_proposing_unit(
    desktop_page, open_campaign, hamlet, other_hamlet, office_user
):
    AwardKindFactory(campaign=open_campaign)
    mine = PersonFactory(full_name="Hoàng Thị Hoa", unit=hamlet)
    theirs = PersonFactory(full_name="Đàm Thị Xuyến", unit=other_hamlet)
    page = desktop_page
    browser_login(page, "vanhoa_test")
    page.goto(page.base_url + f"/awards/new/?campaign={open_campaign.pk}")
    page.check("input[name=nominee_type][value=person]")
    values = "options => options.map(o => o.value).filter(Boolean)"
    nominees = page.locator("select[name=nominee] option")
    assert nominees.evaluate_all(values) == []
    page.select_option("select[name=proposing_unit]", str(other_hamlet.pk))
    # The CSP forbids evaluating strings in the page: wait on the option itself.
    nominees.nth(1).wait_for(state="attached")
    assert nominees.evaluate_all(values) == [f"person:{theirs.pk}"]
    page.select_option("select[name=proposing_unit]", str(hamlet.pk))
    page.locator(f'select[name=nominee] option[value="person:{mine.pk}"]').wait_for(
        state="attached"
    )
    assert nominees.evaluate_all(values) == [f"person:{mine.pk}"]


def test_award_rules_and_council_pages_pass_the_csp(
    desktop_page, open_campaign, office_user, council_user
):
    """The office changes a rule through the admin form; no page breaks the CSP."""
    kind = AwardKindFactory(campaign=open_campaign)
    violations = []
    page = desktop_page
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    browser_login(page, "vanhoa_test")
    page.goto(page.base_url + f"/admin/awards/awardkind/{kind.pk}/change/")
    page.click("#change-rules")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=quota_individual]", "4")
    page.fill("textarea[name=reason]", "Kế hoạch sửa đổi: 04 cá nhân")
    page.click("#service-form input[type=submit]")
    page.wait_for_load_state("networkidle")
    kind.refresh_from_db()
    assert kind.quota_individual == 4
    page.goto(page.base_url + f"/awards/council/?campaign={open_campaign.pk}")
    page.select_option("#campaign-picker", str(open_campaign.pk))
    page.wait_for_load_state("networkidle")
    assert violations == []
