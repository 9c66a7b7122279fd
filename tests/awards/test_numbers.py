"""Decision and golden-book numbers: unique, from the locked counter (issue 8)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards import services
from awards.models import Decision, Nomination
from phongquang_portal.core.counters import counter_peek

from .factories import voted

pytestmark = pytest.mark.django_db
SIGNED = datetime.date(2025, 12, 20)


@pytest.fixture
def approve(make_nomination, chairman):
    def approve(kind=None, nominee_type="unit"):
        nomination = voted(make_nomination(nominee_type, kind=kind))
        services.nomination_approve(nomination=nomination, actor=chairman)
        return nomination

    return approve


def issue(plan, kind, actor, number=None, signed_on=SIGNED):
    return services.decision_issue(
        campaign=plan, award_kind=kind, number=number, signed_on=signed_on, actor=actor
    )


def test_blank_number_takes_the_next_of_the_year(
    plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    first = issue(plan, giay_khen, office_user)
    approve(dot_xuat)
    second = issue(plan, dot_xuat, office_user, number="")
    assert (first.number, second.number) == ("1", "2")
    assert (first.year, second.year) == (2025, 2025)


def test_typed_number_is_observed_by_the_counter(
    plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    typed = issue(plan, giay_khen, office_user, number="215/QĐ-UBND")
    approve(dot_xuat)
    following = issue(plan, dot_xuat, office_user)
    assert (typed.number, following.number) == ("215", "216")


def test_typed_number_already_used_that_year_refused(
    plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    issue(plan, giay_khen, office_user, number="125")
    approve(dot_xuat)
    with pytest.raises(ValidationError) as refused:
        issue(plan, dot_xuat, office_user, number="0125")
    assert refused.value.code == "number_taken"


def test_same_number_in_another_year_accepted(
    plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    issue(plan, giay_khen, office_user, number="7")
    approve(dot_xuat)
    later = issue(
        plan, dot_xuat, office_user, number="7", signed_on=datetime.date(2026, 1, 5)
    )
    assert (later.number, later.year) == ("7", 2026)


@pytest.mark.parametrize("number", ["12a", "-3", "0", "100000"])
def test_typed_number_not_a_whole_number_refused(
    number, plan, giay_khen, office_user, approve
):
    approve()
    with pytest.raises(ValidationError) as refused:
        issue(plan, giay_khen, office_user, number=number)
    assert refused.value.code == "number_format"


def test_decision_number_unique_per_year_in_the_database(
    plan, giay_khen, office_user, approve
):
    approve()
    decision = issue(plan, giay_khen, office_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            campaign=plan,
            award_kind=giay_khen,
            number=decision.number,
            signed_on=datetime.date(2025, 3, 1),
        )


def test_golden_book_numbers_from_the_counter_across_decisions(
    plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    approve(nominee_type="person")
    issue(plan, giay_khen, office_user)
    approve(dot_xuat)
    issue(plan, dot_xuat, office_user)
    numbers = sorted(
        Nomination.objects.exclude(golden_book_number="").values_list(
            "golden_book_number", flat=True
        )
    )
    assert numbers == ["2025/001", "2025/002", "2025/003"]


def test_golden_book_number_unique_in_the_database(
    plan, giay_khen, office_user, approve, make_nomination
):
    decided = approve()
    issue(plan, giay_khen, office_user)
    decided.refresh_from_db()
    other = make_nomination("unit")
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.filter(pk=other.pk).update(
            golden_book_number=decided.golden_book_number
        )
    # Empty numbers (not decided yet) may repeat.
    assert Nomination.objects.filter(golden_book_number="").count() == 1


def test_decisions_page_blank_number_takes_the_next(
    client, plan, giay_khen, office_user, approve
):
    approve()
    client.force_login(office_user)
    url = reverse("awards:decisions") + f"?campaign={plan.pk}"
    response = client.post(
        url,
        {
            "campaign": plan.pk,
            "award_kind": giay_khen.pk,
            "number": "",
            "signed_on": "2025-12-20",
            "confirm_date": "on",  # a year ago: the chairman confirms
            "confirmed": "1",
        },
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert decision.number == "1"
    assert counter_peek("awards.decision.2025") == 2


def test_decisions_page_asks_before_issuing(
    client, plan, giay_khen, office_user, approve
):
    """Issue 17: the first POST shows what will be issued; only the second issues."""
    approve()
    client.force_login(office_user)
    url = reverse("awards:decisions") + f"?campaign={plan.pk}"
    data = {
        "campaign": plan.pk,
        "award_kind": giay_khen.pk,
        "number": "",
        "signed_on": "2025-12-20",
        "confirm_date": "on",  # a year ago: the chairman confirms the date too
    }
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200 and 'id="confirm-step"' in body
    assert "1 hồ sơ đã được phê duyệt" in body and "20/12/2025" in body
    assert f'name="award_kind" value="{giay_khen.pk}"' in body
    assert not Decision.objects.exists()
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert Decision.objects.count() == 1


def test_decisions_page_taken_number_keeps_the_typed_values(
    client, plan, giay_khen, dot_xuat, office_user, approve
):
    approve()
    issue(plan, giay_khen, office_user, number="30")
    approve(dot_xuat)
    client.force_login(office_user)
    response = client.post(
        reverse("awards:decisions") + f"?campaign={plan.pk}",
        {
            "campaign": plan.pk,
            "award_kind": dot_xuat.pk,
            "number": "30",
            "signed_on": "2025-12-21",
            "confirm_date": "on",  # a year ago: the chairman confirms
            "confirmed": "1",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "đã được dùng" in body
    assert 'value="30"' in body
    assert Decision.objects.count() == 1
