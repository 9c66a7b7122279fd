"""Issue 17: a decision cites a plan that has a number and a date, and a signing
date far from today is confirmed by the chairman before the decision is issued."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Decision

from .factories import voted

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
    assert 'id="confirm-step"' in response.content.decode()  # the final step
    assert not Decision.objects.exists()
    response = _post(
        client, plan, nomination, signed_on, confirm_date="on", confirmed="1"
    )
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
    body = response.content.decode()
    assert 'id="confirm-step"' in body and 'id="signing-date-warning"' not in body
    response = _post(client, plan, nomination, signed_on, confirmed="1")
    assert response.status_code == 302
    assert Decision.objects.get().signed_on == signed_on


# --- The decision's words agree with its awardees ------------------------------------


@pytest.mark.parametrize(
    ("counts", "each", "everyone"),
    [
        ((1, 0, 0), "Tập thể", "tập thể"),
        ((0, 1, 0), "Cá nhân", "cá nhân"),
        ((0, 0, 1), "Hộ gia đình", "hộ gia đình"),
        ((2, 0, 0), "Mỗi tập thể", "các tập thể"),
        ((0, 3, 0), "Mỗi cá nhân", "các cá nhân"),
        ((1, 2, 0), "Mỗi tập thể, cá nhân", "các tập thể, cá nhân"),
        (
            (2, 1, 2),
            "Mỗi tập thể, cá nhân, hộ gia đình",
            "các tập thể, cá nhân, hộ gia đình",
        ),
        ((0, 1, 1), "Mỗi cá nhân, hộ gia đình", "các cá nhân, hộ gia đình"),
    ],
)
def test_awardee_phrases_agree_in_number(counts, each, everyone):
    from awards.common.documents import awardee_phrases

    assert awardee_phrases(*counts) == (each, everyone)


def _decision_text(nominations, chairman, office_user):
    from .helpers import issue, nfc
    from .test_pdfs import pdf_text

    decision = issue(nominations, chairman=chairman, office=office_user)
    pdf = decision.documents.get(kind="decision_pdf").read_bytes()
    return " ".join(nfc(pdf_text(pdf)).split())


def test_decision_for_one_individual_reads_in_the_singular(
    make_nomination, chairman, office_user
):
    text = _decision_text([make_nomination("person")], chairman, office_user)
    assert "Điều 2. Cá nhân có tên tại Điều 1 được tặng" in text
    assert "và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành" in text
    assert "Mỗi" not in text
    assert "các tập thể" not in text and "hộ gia đình có tên" not in text


def test_decision_for_two_collectives_reads_in_the_plural(
    make_nomination, chairman, office_user
):
    text = _decision_text(
        [make_nomination("unit"), make_nomination("unit")], chairman, office_user
    )
    assert "Điều 2. Mỗi tập thể có tên tại Điều 1 được tặng" in text
    assert "và các tập thể có tên tại Điều 1 chịu trách nhiệm thi hành" in text
    assert "cá nhân có tên" not in text


def test_ad_hoc_decision_is_named_as_one_throughout(
    make_nomination, dot_xuat, chairman, office_user
):
    from .helpers import issue, nfc
    from .test_pdfs import pdf_text

    decision = issue(
        [make_nomination("person", kind=dot_xuat)],
        chairman=chairman,
        office=office_user,
    )
    decision_text = " ".join(
        nfc(pdf_text(decision.documents.get(kind="decision_pdf").read_bytes())).split()
    )
    assert "Về việc khen thưởng đột xuất" in decision_text
    assert "Điều 1. Khen thưởng đột xuất, tặng Giấy khen của Chủ tịch" in decision_text
    assert "đã có thành tích đột xuất trong thực hiện phong trào thi đua" in (
        decision_text
    )
    assert "Giấy khen (khen thưởng đột xuất) kèm theo tiền thưởng" in decision_text
    assert "thành tích xuất sắc" not in decision_text
    certificates = " ".join(
        nfc(
            pdf_text(decision.documents.get(kind="certificates_pdf").read_bytes())
        ).split()
    )
    assert "thành tích đột xuất trong thực hiện phong trào thi đua" in certificates
    assert "thành tích xuất sắc" not in certificates
