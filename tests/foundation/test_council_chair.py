"""Issue 10: the chair of the Emulation-Reward Council, a role of its own."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from phongquang_portal.core.models import ActivityLog
from tests.factories import UserFactory, user_with_role
from units.enums import Role
from units.models import Membership
from units.rules import is_council_chair, is_council_member
from units.services import membership_grant

pytestmark = pytest.mark.django_db


def test_only_a_sysadmin_grants_the_council_chair(office_user, sysadmin):
    member = user_with_role(Role.COUNCIL, username="hd_chair")

    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=member, role=Role.COUNCIL_CHAIR, actor=office_user, reason="Kiện toàn"
        )
    assert refused.value.code == "permission_denied"

    membership_grant(
        user=member, role=Role.COUNCIL_CHAIR, actor=sysadmin, reason="Kiện toàn"
    )
    assert is_council_chair(member)


def test_a_chair_is_also_a_council_member_to_mark_and_vote(sysadmin):
    user = UserFactory(username="chair_new")

    membership_grant(
        user=user, role=Role.COUNCIL_CHAIR, actor=sysadmin, reason="Quyết định 12"
    )

    user = type(user).objects.get(pk=user.pk)
    assert is_council_chair(user) and is_council_member(user)
    granted = ActivityLog.objects.filter(
        action="units.membership.granted", data__user="chair_new"
    )
    assert {e.data["role"] for e in granted} == {"council", "council_chair"}
    assert {e.reason for e in granted} == {"Quyết định 12"}


def test_the_council_has_one_chair(sysadmin):
    first = UserFactory(username="chair_a")
    second = UserFactory(username="chair_b")
    membership_grant(user=first, role=Role.COUNCIL_CHAIR, actor=sysadmin, reason="x")

    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=second, role=Role.COUNCIL_CHAIR, actor=sysadmin, reason="x"
        )

    assert refused.value.code == "council_chair_taken"
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=second, role=Role.COUNCIL_CHAIR)


def test_nobody_makes_himself_the_chair(sysadmin):
    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=sysadmin, role=Role.COUNCIL_CHAIR, actor=sysadmin, reason="x"
        )

    assert refused.value.code == "permission_denied"


def test_a_second_chair_is_refused_in_words_by_the_model_check(sysadmin):
    """A form that validates the model (the admin's) names the rule, not the constraint."""
    from django.utils import translation

    membership_grant(
        user=UserFactory(username="chair_c"),
        role=Role.COUNCIL_CHAIR,
        actor=sysadmin,
        reason="x",
    )
    second = Membership(user=UserFactory(username="chair_d"), role=Role.COUNCIL_CHAIR)

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        second.validate_constraints()

    message = " ".join(refused.value.messages)
    assert "membership_one_council_chair" not in message
    assert "Hội đồng đã có Chủ tịch" in message
