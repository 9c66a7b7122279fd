"""Issue 17: a decision cites a plan that has a number and a date, and a signing
date far from today is confirmed by the chairman before the decision is issued."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Decision

from .factories import kind_for, voted

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def approved(make_nomination, chairman):
    nomination = voted(make_nomination("unit"))
    services.nomination_approve(nomination=nomination, actor=chairman)
    return nomination


def test_loaded_2025_plan_has_no_number_nor_date_as_its_header_leaves_them_blank(
    plan,
):
    # ke-hoach-2025.txt: "Số:          /KH-UBND", "ngày         tháng 11 năm 2025"
    assert not plan.plan_known
    assert plan.plan_date is None


def test_issue_refused_while_the_plan_has_no_number_and_date(
    plan, make_nomination, chairman, office_user
):
    nomination = approved(make_nomination, chairman)
    plan.__class__.objects.filter(pk=plan.pk).update(plan_number="", plan_date=None)
    nomination.campaign.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.decision_issue(
            campaign=nomination.campaign,
            award_kind=nomination.award_kind,
            signed_on=datetime.date(2025, 12, 20),
            actor=office_user,
        )
    assert refused.value.code == "plan_not_recorded"
    message = " ".join(refused.value.messages)
    assert "chưa có số và ngày" in message
    assert "“Số và ngày Kế hoạch”" in message
    assert not Decision.objects.exists()
    nomination.refresh_from_db()
    assert nomination.state == "approved"


def test_issue_page_shows_the_plan_refusal_and_keeps_the_nominations(
    client, plan, make_nomination, chairman, office_user
):
    nomination = approved(make_nomination, chairman)
    plan.__class__.objects.filter(pk=plan.pk).update(plan_number="", plan_date=None)
    client.force_login(office_user)
    with time_machine.travel(f"{TODAY} 09:00 +07:00", tick=False):
        response = client.post(
            reverse("awards:decisions") + f"?campaign={plan.pk}",
            {
                "campaign": plan.pk,
                "award_kind": nomination.award_kind_id,
                "signed_on": TODAY.isoformat(),
            },
        )
    assert response.status_code == 200
    assert "Số và ngày Kế hoạch" in response.content.decode()
    assert not Decision.objects.exists()


def _post(client, plan, nomination, signed_on, **extra):
    with time_machine.travel(f"{TODAY} 09:00 +07:00", tick=False):
        return client.post(
            reverse("awards:decisions") + f"?campaign={plan.pk}",
            {
                "campaign": plan.pk,
                "award_kind": nomination.award_kind_id,
                "signed_on": signed_on.isoformat(),
                **extra,
            },
        )


@pytest.mark.parametrize(
    ("signed_on", "words"),
    [
        (datetime.date(2026, 12, 8), "trong tương lai"),
        (datetime.date(2026, 11, 6), "hơn 30 ngày"),
    ],
)
def test_issue_form_warns_about_a_far_signing_date_until_the_chairman_confirms(
    client, plan, make_nomination, chairman, office_user, signed_on, words
):
    nomination = approved(make_nomination, chairman)
    client.force_login(office_user)
    response = _post(client, plan, nomination, signed_on)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="signing-date-warning"' in body
    assert words in body
    assert signed_on.strftime("%d/%m/%Y") in body
    assert 'type="checkbox" name="confirm_date"' in body
    assert not Decision.objects.exists()
    response = _post(client, plan, nomination, signed_on, confirm_date="on")
    assert response.status_code == 302
    assert Decision.objects.get().signed_on == signed_on


@pytest.mark.parametrize(
    "signed_on",
    [TODAY, datetime.date(2026, 11, 7)],  # today; exactly 30 days ago
)
def test_issue_form_issues_a_recent_signing_date_without_asking(
    client, plan, make_nomination, chairman, office_user, signed_on
):
    nomination = approved(make_nomination, chairman)
    client.force_login(office_user)
    response = _post(client, plan, nomination, signed_on)
    assert response.status_code == 302
    assert Decision.objects.get().signed_on == signed_on


def test_demo_plans_have_numbers_and_dates_and_the_2025_decision_cites_it(demo):
    from awards.decisions.services import decision_documents_ensure
    from tests.awards.test_pdfs import pdf_text

    from .helpers import nfc

    decision = Decision.objects.get(campaign__year=2025)
    assert decision.campaign.plan_known
    assert (decision.campaign.plan_number, decision.campaign.plan_date) == (
        "27/KH-UBND",
        datetime.date(2025, 11, 14),
    )
    assert decision.snapshot["campaign"]["plan_citation"].startswith(
        "Kế hoạch số 27/KH-UBND ngày 14/11/2025"
    )
    pdf = decision_documents_ensure(decision)["decision_pdf"].read_bytes()
    assert "Kế hoạch số 27/KH-UBND ngày 14/11/2025" in " ".join(
        nfc(pdf_text(pdf)).split()
    )
    assert kind_for(decision.campaign).campaign.plan_known
