import pytest
from django.urls import reverse

from phongquang_portal.core.permissions import SYSTEM
from units.enums import Role
from units.models import Membership
from units.selectors import roles_for, units_headed_by
from units.services import membership_grant, membership_revoke

from ..factories import UnitFactory, UserFactory, unit_head

pytestmark = pytest.mark.django_db


def test_units_headed_by_returns_only_the_users_units(
    hamlet, other_hamlet, hamlet_head
):
    team = UnitFactory(name="Tổ CNS Nà Mòn", kind="digital_team", parent=hamlet)
    membership_grant(
        user=hamlet_head, role=Role.UNIT_HEAD, unit=team, actor=SYSTEM, reason="x"
    )

    assert set(units_headed_by(hamlet_head)) == {hamlet, team}
    assert other_hamlet not in units_headed_by(hamlet_head)


def test_membership_grant_sets_staff_flag_and_group_for_office(db):
    user = UserFactory()

    membership_grant(user=user, role=Role.OFFICE, actor=SYSTEM, reason="x")
    user.refresh_from_db()

    assert user.is_staff is True
    assert list(user.groups.values_list("name", flat=True)) == [
        "Phòng Văn hóa - Xã hội"
    ]


def test_membership_revoke_removes_staff_flag(db):
    user = UserFactory()
    membership = membership_grant(
        user=user, role=Role.CHAIRMAN, actor=SYSTEM, reason="x"
    )

    membership_revoke(membership=membership, actor=SYSTEM, reason="Hết nhiệm kỳ")
    user.refresh_from_db()

    assert user.is_staff is False
    assert not Membership.objects.filter(user=user).exists()


def test_unit_head_membership_without_unit_is_refused(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        membership_grant(
            user=UserFactory(), role=Role.UNIT_HEAD, actor=SYSTEM, reason="x"
        )

    assert refused.value.code == "unit_required"


def test_roles_for_is_cached_on_the_user(hamlet_head, django_assert_num_queries):
    with django_assert_num_queries(1):
        roles_for(hamlet_head)
        roles_for(hamlet_head)


def test_home_anonymous_sees_public_page_with_campaign(client, plan):
    response = client.get("/")

    assert response.status_code == 200
    assert "Đẩy mạnh Chương trình chuyển đổi số" in response.content.decode()
    assert b"my-units" not in response.content


def test_home_unit_head_sees_my_units(client, hamlet, other_hamlet, hamlet_head):
    client.force_login(hamlet_head)

    content = client.get("/").content.decode()

    assert 'id="my-units"' in content
    assert "Thôn Nà Mòn" in content
    assert "Thôn Khuổi Tát" not in content
    assert 'id="office-dashboard"' not in content


def test_home_office_sees_dashboard(client, office_user):
    client.force_login(office_user)

    content = client.get("/").content.decode()

    assert 'id="office-dashboard"' in content
    assert 'id="my-units"' not in content


def test_home_council_sees_council_section(client, council_user):
    client.force_login(council_user)

    content = client.get("/").content.decode()

    assert 'id="council-home"' in content


def test_home_chairman_is_sent_to_admin(client, chairman):
    client.force_login(chairman)

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_admin_index_opens_for_chairman_without_office_models(client, chairman):
    client.force_login(chairman)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert b"/admin/units/unit/" not in response.content
    assert b"/admin/campaigns/campaign/" not in response.content


def test_admin_unit_list_opens_for_office(client, office_user, hamlet):
    client.force_login(office_user)

    response = client.get(reverse("admin:units_unit_changelist"))

    assert response.status_code == 200
    assert "Thôn Nà Mòn" in response.content.decode()


def test_admin_unit_list_forbidden_to_unit_head(client, hamlet_head):
    client.force_login(hamlet_head)

    response = client.get(reverse("admin:units_unit_changelist"))

    assert response.status_code == 302  # to the admin login: not staff


def test_unit_page_of_own_unit_opens_for_its_head(client, hamlet, hamlet_head):
    client.force_login(hamlet_head)

    response = client.get(hamlet.get_absolute_url())

    assert response.status_code == 200
    assert (
        "thon_test" in response.content.decode()
        or "Nguyễn" in response.content.decode()
    )


def test_unit_page_of_another_unit_answers_404_for_unit_head(
    client, other_hamlet, hamlet_head
):
    client.force_login(hamlet_head)

    assert client.get(other_hamlet.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("fixture", ["office_user", "council_user", "chairman"])
def test_unit_page_opens_for_readers(client, request, fixture, other_hamlet):
    client.force_login(request.getfixturevalue(fixture))

    assert client.get(other_hamlet.get_absolute_url()).status_code == 200


def test_unit_page_sends_anonymous_to_login(client, hamlet):
    response = client.get(hamlet.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_unit_list_is_not_for_unit_heads(client, hamlet_head):
    client.force_login(hamlet_head)

    assert client.get(reverse("units:list")).status_code == 404


@pytest.mark.parametrize("rows", [1, 8])
def test_unit_list_query_count_is_fixed(
    client, office_user, rows, django_assert_num_queries
):
    for _ in range(rows):
        unit = UnitFactory()
        unit_head(unit)
    client.force_login(office_user)

    # session, user, roles, count, page of units
    with django_assert_num_queries(5):
        response = client.get(reverse("units:list"))

    assert len(response.context["units"]) == rows


def test_campaign_page_shows_goals_fields_and_countdown(client, plan, time_machine):
    time_machine.move_to("2025-12-10 09:00:00+07:00")

    content = client.get(plan.get_absolute_url()).content.decode()

    for code in ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]:
        assert code in content
    assert "Tài nguyên môi trường" in content
    assert "15/12/2025" in content
    assert "data-deadline" in content


def test_campaign_page_after_deadline_says_closed(client, plan, time_machine):
    time_machine.move_to("2025-12-16 00:00:00+07:00")

    content = client.get(plan.get_absolute_url()).content.decode()

    assert "data-deadline" not in content
    assert 'id="deadline-status"' in content


def test_campaign_page_query_count_is_fixed(
    client, plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert client.get(plan.get_absolute_url()).status_code == 200


def test_language_switch_to_english(client, plan):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    content = client.get("/").content.decode()

    assert "Log in" in content
    assert '<html lang="en">' in content


def test_vietnamese_is_the_default_language(client, plan):
    content = client.get("/").content.decode()

    assert '<html lang="vi">' in content
    assert "Đăng nhập" in content


@pytest.mark.parametrize("periods", [1, 4])
def test_unit_page_query_count_is_fixed(
    client, plan, hamlet, hamlet_head, periods, django_assert_num_queries
):
    import datetime

    from campaigns.models import Report, ReportingPeriod

    for index in range(periods):
        period = ReportingPeriod.objects.create(
            campaign=plan,
            name=f"Kỳ thử {index}",
            position=10 + index,
            opens_on=datetime.date(2025, 1, 1),
            due_on=datetime.date(2025, 6, 30),
            unit_kinds=["hamlet"],
        )
        Report.objects.create(unit=hamlet, period=period)
    client.force_login(hamlet_head)

    # session, user, roles, unit, children, heads, 2 counts, and one query
    # per app section (reports, sheets, exemplary models, nominations)
    with django_assert_num_queries(12):
        response = client.get(hamlet.get_absolute_url())

    assert response.content.decode().count("Kỳ thử") == periods


def test_browser_in_english_still_gets_vietnamese(client, plan):
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()

    assert '<html lang="vi">' in content


def test_names_are_shown_family_name_first(client, office_user):
    office_user.last_name, office_user.first_name = "Nông Thị Thanh", "Vân"
    office_user.save()
    client.force_login(office_user)

    content = client.get("/").content.decode()

    assert "Nông Thị Thanh Vân" in content
    assert "Vân Nông" not in content
