import pytest
import time_machine
from django.core.exceptions import ValidationError

from awards import services
from awards.models import Nomination

from .factories import voted

pytestmark = pytest.mark.django_db


def test_approve_third_collective_refused_with_quota_message(make_nomination, chairman):
    first, second, third = (voted(make_nomination("unit")) for _ in range(3))
    services.nomination_approve(nomination=first, actor=chairman)
    services.nomination_approve(nomination=second, actor=chairman)
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=third, actor=chairman)
    assert refused.value.code == "quota"
    assert "2/2" in refused.value.messages[0]
    assert "tập thể" in refused.value.messages[0]
    assert Nomination.objects.get(pk=third.pk).state == "voted"


def test_approve_households_count_as_individuals(make_nomination, chairman):
    people = [voted(make_nomination("person")) for _ in range(2)]
    household = voted(make_nomination("household"))
    fourth = voted(make_nomination("person"))
    for nomination in [*people, household]:
        services.nomination_approve(nomination=nomination, actor=chairman)
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=fourth, actor=chairman)
    assert refused.value.code == "quota"
    assert "3/3" in refused.value.messages[0]


def test_approve_collective_quota_independent_of_individuals(make_nomination, chairman):
    for _ in range(3):
        services.nomination_approve(
            nomination=voted(make_nomination("person")), actor=chairman
        )
    unit = voted(make_nomination("unit"))
    services.nomination_approve(nomination=unit, actor=chairman)
    assert Nomination.objects.get(pk=unit.pk).state == "approved"


def test_approve_rejected_nominations_not_counted(make_nomination, chairman):
    refused = [voted(make_nomination("unit")) for _ in range(2)]
    for nomination in refused:
        services.nomination_reject(
            nomination=nomination, actor=chairman, reason="Chưa đạt"
        )
    later = [voted(make_nomination("unit")) for _ in range(2)]
    for nomination in later:
        services.nomination_approve(nomination=nomination, actor=chairman)
    assert Nomination.objects.filter(state="approved").count() == 2


def test_approve_decided_nominations_count(make_nomination, chairman, office_user):
    import datetime

    for _ in range(2):
        services.nomination_approve(
            nomination=voted(make_nomination("unit")), actor=chairman
        )
    first = Nomination.objects.first()
    services.decision_issue(
        campaign=first.campaign,
        award_kind=first.award_kind,
        number="7",
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )
    late = voted(make_nomination("unit"))
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=late, actor=chairman)
    assert refused.value.code == "quota"


def test_approve_ad_hoc_has_no_quota(make_nomination, dot_xuat, chairman):
    nominations = [voted(make_nomination("unit", kind=dot_xuat)) for _ in range(4)]
    for nomination in nominations:
        services.nomination_approve(nomination=nomination, actor=chairman)
    assert Nomination.objects.filter(state="approved").count() == 4


def test_approve_ad_hoc_not_counted_in_giay_khen_quota(
    make_nomination, dot_xuat, chairman
):
    for _ in range(2):
        services.nomination_approve(
            nomination=voted(make_nomination("unit", kind=dot_xuat)), actor=chairman
        )
    regular = [voted(make_nomination("unit")) for _ in range(2)]
    for nomination in regular:
        services.nomination_approve(nomination=nomination, actor=chairman)
    assert Nomination.objects.filter(state="approved").count() == 4


def test_quota_editable_per_campaign(make_nomination, giay_khen, chairman, office_user):
    services.award_rules_change(
        award_kind=giay_khen,
        actor=office_user,
        reason="Kế hoạch sửa đổi: 01 tập thể",
        quota_collective=1,
    )
    first, second = (voted(make_nomination("unit")) for _ in range(2))
    services.nomination_approve(nomination=first, actor=chairman)
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=second, actor=chairman)
    assert refused.value.code == "quota"


@pytest.mark.parametrize(
    ("day", "nominee_type", "amount"),
    [
        # 2,340,000 đồng (Decree 73/2024) until 30/6/2026
        ("2026-06-30", "unit", 1_410_000),
        ("2026-06-30", "person", 710_000),
        ("2026-06-30", "household", 1_060_000),
        # 2,530,000 đồng (Decree 161/2026) from 01/7/2026
        ("2026-12-07", "unit", 1_520_000),
        ("2026-12-07", "person", 760_000),
        ("2026-12-07", "household", 1_140_000),
    ],
)
def test_prize_amount_from_base_salary(giay_khen, day, nominee_type, amount):
    with time_machine.travel(f"{day} 09:00 +07:00", tick=False):
        assert giay_khen.prize_amount(nominee_type) == amount


def test_prize_amount_follows_the_base_salary_given(giay_khen, settings):
    settings.PRIZE_ROUNDING_VND = 1
    assert giay_khen.prize_amount("person", base_salary=2_000_000) == 600_000
    assert giay_khen.prize_amount("unit", base_salary=2_000_000) == 1_200_000
    assert giay_khen.prize_amount("household", base_salary=2_000_000) == 900_000
