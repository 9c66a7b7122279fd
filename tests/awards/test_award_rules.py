"""Award rules (quotas, prizes, deadline, documents) are locked once used (issue 8)."""

import datetime
import decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards import services
from awards.models import AwardKind
from phongquang_portal.core.activity import history_for
from tests.factories import UserFactory

from .factories import set_state, voted

pytestmark = pytest.mark.django_db
REASON = "Kế hoạch sửa đổi số 12/KH-UBND"


def change(kind, actor, **fields):
    return services.award_rules_change(
        award_kind=kind, actor=actor, reason=REASON, **fields
    )


def test_rules_change_before_submission_logs_old_and_new(giay_khen, office_user):
    change(giay_khen, office_user, quota_individual=4, deadline_bound=False)

    giay_khen.refresh_from_db()
    assert (giay_khen.quota_individual, giay_khen.deadline_bound) == (4, False)
    entry = history_for(giay_khen).first()
    assert entry.action == "awards.award_kind.rules_changed"
    assert entry.reason == REASON
    assert entry.data["changes"]["quota_individual"]["old"] == "3"
    assert entry.data["changes"]["quota_individual"]["new"] == "4"
    assert entry.action_label == "Thay đổi quy định của hình thức khen thưởng"


def test_rules_change_with_only_draft_dossiers_accepted(draft, giay_khen, office_user):
    change(giay_khen, office_user, quota_collective=1)
    giay_khen.refresh_from_db()
    assert giay_khen.quota_collective == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"quota_collective": None},  # blanking the Giấy khen quota
        {"quota_individual": 99},  # setting 99 individuals
        {"deadline_bound": False},  # switching off the deadline
        {"multiplier_collective": decimal.Decimal("5")},
        {"required_documents": ["to_trinh"]},
    ],
    ids=["blank_quota", "99_individuals", "deadline_off", "multiplier", "documents"],
)
@pytest.mark.parametrize("state", ["submitted", "returned", "voted", "decided"])
def test_rules_change_after_submission_refused(
    fields, state, draft, giay_khen, office_user
):
    set_state(draft, state)
    with pytest.raises(ValidationError) as refused:
        change(giay_khen, office_user, **fields)
    assert refused.value.code == "rules_locked"
    fresh = AwardKind.objects.get(pk=giay_khen.pk)
    assert (fresh.quota_collective, fresh.quota_individual, fresh.deadline_bound) == (
        2,
        3,
        True,
    )
    assert (
        not history_for(giay_khen)
        .filter(action="awards.award_kind.rules_changed")
        .exists()
    )


def test_rules_change_without_reason_refused(giay_khen, office_user):
    with pytest.raises(ValidationError) as refused:
        services.award_rules_change(
            award_kind=giay_khen, actor=office_user, reason=" ", quota_collective=1
        )
    assert refused.value.code == "reason_required"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"quota_collective": 100}, "quota_range"),
        ({"quota_individual": -1}, "quota_range"),
        ({"multiplier_individual": decimal.Decimal("-0.30")}, "multiplier_range"),
        ({"multiplier_household": decimal.Decimal("20.01")}, "multiplier_range"),
        ({"multiplier_collective": "abc"}, "multiplier_range"),
        ({"required_documents": ["giay_phep"]}, "required_documents"),
        ({"name": "Giấy khen"}, "unknown_field"),
        ({"quota_collective": 2}, "no_change"),
    ],
)
def test_rules_change_out_of_bounds_refused(fields, code, giay_khen, office_user):
    with pytest.raises(ValidationError) as refused:
        change(giay_khen, office_user, **fields)
    assert refused.value.code == code


@pytest.mark.parametrize("who", ["council_user", "chairman", "sysadmin", "hamlet_head"])
def test_rules_change_by_non_office_refused(who, request, giay_khen):
    with pytest.raises(ValidationError) as refused:
        change(giay_khen, request.getfixturevalue(who), quota_collective=1)
    assert refused.value.code == "permission_denied"


def test_rules_change_by_superuser_refused(giay_khen):
    root = UserFactory(username="root_rules", is_superuser=True, is_staff=True)
    with pytest.raises(ValidationError) as refused:
        change(giay_khen, root, quota_collective=1)
    assert refused.value.code == "permission_denied"


def test_negative_multiplier_refused_by_the_database(giay_khen):
    giay_khen.multiplier_collective = decimal.Decimal("-0.60")
    with pytest.raises(IntegrityError), transaction.atomic():
        giay_khen.save()


def test_quota_over_99_refused_by_the_database(giay_khen):
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardKind.objects.filter(pk=giay_khen.pk).update(quota_individual=100)


def test_negative_multiplier_never_reaches_decision_issue(
    client, office_user, plan, make_nomination, chairman
):
    """Issue 8: a negative prize multiplier was stored, then the decision failed (500)."""
    kind = plan.award_kinds.get(code="giay_khen_xa")
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_awardkind_rules", args=[kind.pk]),
        {
            "deadline_bound": "on",
            "quota_collective": "2",
            "quota_individual": "3",
            "required_documents": ["to_trinh", "bao_cao", "bien_ban"],
            "multiplier_individual": "0.30",
            "multiplier_collective": "-0.60",
            "multiplier_household": "1.50",
            "reason": REASON,
        },
    )
    assert response.status_code == 200
    assert "Hãy nhập một số không nhỏ hơn 0" in response.content.decode()
    kind.refresh_from_db()
    assert kind.multiplier_collective == decimal.Decimal("0.60")
    nomination = voted(make_nomination("unit"))
    services.nomination_approve(nomination=nomination, actor=chairman)
    decision = services.decision_issue(
        campaign=plan,
        award_kind=kind,
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )
    nomination.refresh_from_db()
    assert nomination.decision == decision
    assert nomination.prize_amount == 1_410_000


def test_admin_add_form_with_negative_multiplier_shows_error(client, office_user, plan):
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_awardkind_add"),
        {
            "campaign": plan.pk,
            "code": "giay_khen_xa",
            "name": "Giấy khen",
            "deadline_bound": "on",
            "quota_collective": "40000",
            "position": "1",
            "multiplier_individual": "-1",
            "multiplier_collective": "0.60",
            "multiplier_household": "1.50",
        },
    )
    assert response.status_code == 200
    assert response.content.decode().count("errorlist") >= 2


def test_admin_change_page_shows_rules_read_only(client, office_user, giay_khen):
    client.force_login(office_user)
    url = reverse("admin:awards_awardkind_change", args=[giay_khen.pk])
    body = client.get(url).content.decode()
    assert 'name="quota_collective"' not in body
    assert 'name="multiplier_collective"' not in body
    assert 'name="deadline_bound"' not in body
    assert reverse("admin:awards_awardkind_rules", args=[giay_khen.pk]) in body
    client.post(
        url,
        {"name": giay_khen.name, "position": "1", "quota_collective": "", "_save": "1"},
    )
    giay_khen.refresh_from_db()
    assert giay_khen.quota_collective == 2


def test_admin_rules_page_changes_through_the_service(client, office_user, giay_khen):
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_awardkind_rules", args=[giay_khen.pk]),
        {
            "deadline_bound": "on",
            "quota_collective": "2",
            "quota_individual": "5",
            "required_documents": ["to_trinh", "bao_cao", "bien_ban"],
            "multiplier_individual": "0.30",
            "multiplier_collective": "0.60",
            "multiplier_household": "1.50",
            "reason": REASON,
        },
    )
    assert response.status_code == 302
    giay_khen.refresh_from_db()
    assert giay_khen.quota_individual == 5
    entry = history_for(giay_khen).first()
    assert list(entry.data["changes"]) == ["quota_individual"]
    assert entry.actor == office_user


def test_admin_rules_page_after_submission_refused_with_message(
    client, office_user, draft, giay_khen
):
    set_state(draft, "submitted")
    client.force_login(office_user)
    url = reverse("admin:awards_awardkind_rules", args=[giay_khen.pk])
    assert "đã cố định" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "deadline_bound": "",
            "quota_collective": "",
            "quota_individual": "99",
            "required_documents": ["to_trinh"],
            "multiplier_individual": "0.30",
            "multiplier_collective": "0.60",
            "multiplier_household": "1.50",
            "reason": REASON,
        },
    )
    assert response.status_code == 200
    assert "không thể thay đổi nữa" in response.content.decode()
    giay_khen.refresh_from_db()
    assert (giay_khen.quota_collective, giay_khen.quota_individual) == (2, 3)
    assert giay_khen.deadline_bound is True


def test_admin_rules_page_names_the_source_of_each_multiplier(
    client, office_user, giay_khen
):
    client.force_login(office_user)
    url = reverse("admin:awards_awardkind_rules", args=[giay_khen.pk])
    body = client.get(url).content.decode()
    # one source line under each of the three multipliers
    assert body.count("Nguồn: Điều 54 Nghị định 152/2025/NĐ-CP") == 3
    assert "Giấy khen 0,3 lần mức lương cơ sở" in body
