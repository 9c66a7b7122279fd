"""Issue 8's side doors around roles, accounts and requests, each shut and tested.

Each test is named after the case the issue reports; each failed before the
change and passes now.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from phongquang_portal.core.models import ActivityLog
from phongquang_portal.core.permissions import SYSTEM, has_perm
from units.enums import Role
from units.models import Membership
from units.services import membership_grant, membership_revoke

from ..factories import UnitFactory, UserFactory, unit_head, user_with_role

pytestmark = pytest.mark.django_db

User = get_user_model()


def _grant_via_admin(client, *, user, role, unit=None, reason="Phân công"):
    return client.post(
        reverse("admin:units_membership_add"),
        {
            "user": user.pk,
            "role": role,
            "unit": unit.pk if unit else "",
            "title": "",
            "reason": reason,
        },
    )


# --- Role grants --------------------------------------------------------------


def test_office_cannot_grant_himself_the_chairman_role_in_the_admin(
    client, office_user
):
    client.force_login(office_user)

    response = _grant_via_admin(client, user=office_user, role=Role.CHAIRMAN)

    assert response.status_code == 200  # the form again, with the refusal
    assert not Membership.objects.filter(user=office_user, role=Role.CHAIRMAN)
    assert not has_perm(office_user, "units.grant_role", Membership(role="chairman"))


def test_office_cannot_grant_himself_the_sysadmin_role(client, office_user):
    client.force_login(office_user)

    _grant_via_admin(client, user=office_user, role=Role.SYSADMIN)

    assert not Membership.objects.filter(user=office_user, role=Role.SYSADMIN)


def test_office_cannot_grant_the_chairman_role_to_someone_else(client, office_user):
    other = UserFactory()
    client.force_login(office_user)

    _grant_via_admin(client, user=other, role=Role.CHAIRMAN)

    assert not Membership.objects.filter(user=other).exists()


def test_office_grants_a_unit_head_with_a_reason_logged(client, office_user, hamlet):
    head = UserFactory(username="truongthon_moi")
    client.force_login(office_user)

    response = _grant_via_admin(
        client,
        user=head,
        role=Role.UNIT_HEAD,
        unit=hamlet,
        reason="Trưởng thôn mới được bầu",
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=head, role=Role.UNIT_HEAD, unit=hamlet)
    entry = ActivityLog.objects.get(
        action="units.membership.granted", object_id=membership.pk
    )
    assert entry.actor == office_user
    assert entry.reason == "Trưởng thôn mới được bầu"


def test_a_grant_without_a_reason_is_refused(office_user, hamlet):
    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=UserFactory(),
            role=Role.UNIT_HEAD,
            unit=hamlet,
            actor=office_user,
            reason=" ",
        )

    assert refused.value.code == "reason_required"


def test_office_cannot_grant_himself_a_unit_head_role(office_user, hamlet):
    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=office_user,
            role=Role.UNIT_HEAD,
            unit=hamlet,
            actor=office_user,
            reason="x",
        )

    assert refused.value.code == "permission_denied"


def test_sysadmin_grants_the_chairman_role_to_another_user(sysadmin):
    chairman = UserFactory()

    membership_grant(
        user=chairman, role=Role.CHAIRMAN, actor=sysadmin, reason="Bầu mới"
    )

    assert has_perm(chairman, "portal.view_leader_home")


def test_sysadmin_never_grants_a_role_to_himself(sysadmin):
    with pytest.raises(ValidationError) as refused:
        membership_grant(user=sysadmin, role=Role.CHAIRMAN, actor=sysadmin, reason="x")

    assert refused.value.code == "permission_denied"
    assert not Membership.objects.filter(user=sysadmin, role=Role.CHAIRMAN).exists()


def test_unit_head_cannot_grant_anything(hamlet, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=UserFactory(),
            role=Role.UNIT_HEAD,
            unit=hamlet,
            actor=hamlet_head,
            reason="x",
        )

    assert refused.value.code == "permission_denied"


def test_office_cannot_revoke_the_council_role(office_user, council_user):
    membership = Membership.objects.get(user=council_user, role=Role.COUNCIL)

    with pytest.raises(ValidationError) as refused:
        membership_revoke(membership=membership, actor=office_user, reason="x")

    assert refused.value.code == "permission_denied"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_revoking_in_the_admin_asks_the_reason_and_logs_it(
    client, sysadmin, council_user
):
    membership = Membership.objects.get(user=council_user, role=Role.COUNCIL)
    client.force_login(sysadmin)
    url = reverse("admin:units_membership_delete", args=[membership.pk])

    empty = client.post(url, {"reason": ""})
    done = client.post(url, {"reason": "Chuyển công tác"})

    assert empty.status_code == 200
    assert done.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    entry = ActivityLog.objects.get(action="units.membership.revoked")
    assert entry.reason == "Chuyển công tác"
    assert entry.actor == sysadmin


def test_the_admin_never_edits_a_role_in_place(client, sysadmin, council_user):
    membership = Membership.objects.get(user=council_user, role=Role.COUNCIL)
    client.force_login(sysadmin)

    response = client.post(
        reverse("admin:units_membership_change", args=[membership.pk]),
        {"user": council_user.pk, "role": Role.CHAIRMAN, "reason": "x"},
    )

    membership.refresh_from_db()
    assert membership.role == Role.COUNCIL
    assert response.status_code in (200, 403)


# --- Accounts -----------------------------------------------------------------


def test_sysadmin_cannot_make_himself_superuser_in_the_admin(client, sysadmin):
    client.force_login(sysadmin)

    client.post(
        reverse("admin:auth_user_change", args=[sysadmin.pk]),
        {
            "username": sysadmin.username,
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.test",
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )

    sysadmin.refresh_from_db()
    assert sysadmin.is_superuser is False


def test_office_cannot_change_the_chairmans_account(client, office_user, chairman):
    client.force_login(office_user)

    response = client.get(reverse("admin:auth_user_change", args=[chairman.pk]))
    password = client.post(
        reverse("admin:auth_user_password_change", args=[chairman.pk]),
        {"password1": "Ai-cung-duoc-123", "password2": "Ai-cung-duoc-123"},
    )

    chairman.refresh_from_db()
    assert response.status_code in (200, 403)
    assert b'name="username"' not in response.content  # read-only at most
    assert password.status_code == 403
    assert chairman.check_password("pw-Test-12345")


def test_office_keeps_the_accounts_of_unit_heads(client, office_user, hamlet_head):
    client.force_login(office_user)

    client.post(
        reverse("admin:auth_user_change", args=[hamlet_head.pk]),
        {
            "username": hamlet_head.username,
            "first_name": "Hùng",
            "last_name": "Nông Văn",
            "email": "hung@example.test",
            "is_active": "on",
        },
    )

    hamlet_head.refresh_from_db()
    assert hamlet_head.first_name == "Hùng"
    entry = ActivityLog.objects.get(action="admin.changed", object_id=hamlet_head.pk)
    assert ("Văn", "Hùng") in [(old, new) for _label, old, new in entry.changes]


def test_a_superuser_is_not_the_chairman_nor_a_council_member(db):
    root = User.objects.create_superuser("root", "root@example.test", "pw-Root-12345")

    assert has_perm(root, "units.grant_role", Membership(role=Role.CHAIRMAN))
    assert not has_perm(root, "portal.view_leader_home")
    assert not has_perm(root, "portal.view_council_home")
    assert not has_perm(root, "portal.view_office_dashboard")


def test_an_inactive_account_may_do_nothing(office_user):
    office_user.is_active = False
    office_user.save()

    assert not has_perm(office_user, "units.list_units")


def test_system_actor_is_logged_as_nobody(db):
    user = UserFactory()
    membership = membership_grant(
        user=user, role=Role.COUNCIL, actor=SYSTEM, reason="x"
    )

    entry = ActivityLog.objects.get(
        object_id=membership.pk, action="units.membership.granted"
    )
    assert entry.actor is None


# --- The admin logs what it changes --------------------------------------------


def test_admin_change_of_a_unit_is_logged_with_old_and_new_values(client, office_user):
    unit = UnitFactory(name="Thôn Cũ", kind="hamlet")
    client.force_login(office_user)

    response = client.post(
        reverse("admin:units_unit_change", args=[unit.pk]),
        {
            "name": "Thôn Mới",
            "short_name": "",
            "kind": "hamlet",
            "parent": "",
            "address": "",
            "phone": "",
            "email": "",
            "staff_count": "",
            "position": "0",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    entry = ActivityLog.objects.get(action="admin.changed", object_id=unit.pk)
    assert [(old, new) for _label, old, new in entry.changes] == [
        ("Thôn Cũ", "Thôn Mới")
    ]
    assert entry.actor == office_user


# --- Requests -------------------------------------------------------------------


def test_a_nul_character_in_the_unit_search_answers_400_not_500(client, office_user):
    client.force_login(office_user)

    response = client.get("/units/?q=%00")

    assert response.status_code == 400
    assert "ký tự" in response.content.decode()


def test_a_nul_character_in_a_form_answers_400(client, office_user):
    client.force_login(office_user)

    response = client.post(reverse("admin:units_unit_add"), {"name": "Thôn\x00"})

    assert response.status_code == 400


def test_unit_filter_with_an_unknown_kind_shows_every_unit(client, office_user, hamlet):
    client.force_login(office_user)

    response = client.get("/units/?kind=nonsense&q=" + "x" * 500)

    assert response.status_code == 200


def test_pages_carry_a_content_security_policy(client, plan):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


# --- Login throttling ------------------------------------------------------------


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_thirty_wrong_passwords_are_throttled(client, login_url, office_user):
    answers = [
        client.post(
            login_url, {"username": office_user.username, "password": "sai-mat-khau"}
        ).status_code
        for _ in range(30)
    ]
    right = client.post(
        login_url, {"username": office_user.username, "password": "pw-Test-12345"}
    )

    # Four wrong passwords show the form again; the fifth locks the account here.
    assert answers[:4] == [200] * 4
    assert set(answers[4:]) == {429}
    assert right.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in right.content.decode()


def test_other_users_can_still_log_in_during_a_lockout(
    client, office_user, council_user
):
    for _ in range(6):
        client.post(
            "/accounts/login/", {"username": office_user.username, "password": "x"}
        )

    response = client.post(
        "/accounts/login/",
        {"username": council_user.username, "password": "pw-Test-12345"},
    )

    assert response.status_code == 302


def test_unit_head_of_one_unit_gets_404_on_anothers_unit(client, hamlet, other_hamlet):
    head = unit_head(hamlet, username="thon_a")
    client.force_login(head)

    assert client.get(other_hamlet.get_absolute_url()).status_code == 404


def test_user_with_role_fixture_uses_the_services(db):
    user = user_with_role(Role.COUNCIL)

    assert ActivityLog.objects.filter(
        action="units.membership.granted", data__user=user.username
    ).exists()


def test_office_admin_index_reaches_what_the_office_manages(client, office_user):
    client.force_login(office_user)

    content = client.get(reverse("admin:index")).content.decode()

    for name in (
        "admin:units_unit_changelist",
        "admin:units_person_changelist",
        "admin:units_household_changelist",
        "admin:units_membership_changelist",
        "admin:campaigns_campaign_changelist",
    ):
        assert f'href="{reverse(name)}"' in content, name


def test_office_home_page_links_to_the_admin_records(client, office_user, plan):
    client.force_login(office_user)

    content = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("admin:units_membership_changelist")}"' in content
    assert f'href="{reverse("admin:campaigns_campaign_changelist")}"' in content


def test_chairman_admin_hides_and_refuses_the_offices_records(client, chairman):
    client.force_login(chairman)

    index = client.get(reverse("admin:index")).content.decode()
    direct = client.get(reverse("admin:units_unit_changelist"))

    assert reverse("admin:units_unit_changelist") not in index
    assert direct.status_code == 403
