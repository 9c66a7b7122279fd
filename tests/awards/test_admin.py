import pytest
from django.urls import reverse

from awards.models import Nomination
from tests.factories import UserFactory

from .factories import voted

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:awards_nomination_changelist")


def approve_via_admin(client, nominations):
    return client.post(
        CHANGELIST,
        {"action": "approve_selected", "_selected_action": [n.pk for n in nominations]},
        follow=True,
    )


def test_admin_list_shows_voted_with_quota_panel(client, chairman, make_nomination):
    nomination = voted(make_nomination("unit"))
    client.force_login(chairman)
    body = client.get(CHANGELIST).content.decode()
    assert nomination.nominee_unit.name in body
    assert 'id="quota-panel"' in body
    assert "Tập thể 0/2" in body
    assert "Cá nhân 0/3" in body


def test_admin_chairman_does_not_see_drafts(client, chairman, make_nomination):
    draft = make_nomination("unit")
    client.force_login(chairman)
    body = client.get(CHANGELIST + "?state=all").content.decode()
    assert draft.nominee_unit.name not in body


def test_admin_action_approves_two_then_refuses_third_with_message(
    client, chairman, make_nomination
):
    units = [voted(make_nomination("unit")) for _ in range(3)]
    client.force_login(chairman)
    approve_via_admin(client, units[:2])
    response = approve_via_admin(client, units[2:])
    body = response.content.decode()
    assert [Nomination.objects.get(pk=n.pk).state for n in units] == [
        "approved",
        "approved",
        "voted",
    ]
    assert "Đã đủ số lượng" in body
    assert "(2/2)" in body
    assert "Tập thể 2/2" in body


@pytest.mark.parametrize("who", ["office_user", "council_user"])
def test_admin_action_approve_by_non_chairman_refused(
    who, request, client, make_nomination
):
    nomination = voted(make_nomination("unit"))
    user = request.getfixturevalue(who)
    user.is_staff = True
    user.save()
    client.force_login(user)
    approve_via_admin(client, [nomination])
    assert Nomination.objects.get(pk=nomination.pk).state == "voted"


def test_admin_approve_button_by_office_refused(client, office_user, make_nomination):
    nomination = voted(make_nomination("unit"))
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_nomination_approve", args=[nomination.pk])
    )
    assert response.status_code == 403
    assert Nomination.objects.get(pk=nomination.pk).state == "voted"


def test_admin_action_by_superuser_refused_separation_of_duties(
    client, make_nomination
):
    """A superuser is a system administrator, not the chairman."""
    root = UserFactory(username="root_admin", is_superuser=True, is_staff=True)
    nomination = voted(make_nomination("person"))
    client.force_login(root)
    approve_via_admin(client, [nomination])
    assert Nomination.objects.get(pk=nomination.pk).state == "voted"
    response = client.post(
        reverse("admin:awards_nomination_approve", args=[nomination.pk])
    )
    assert response.status_code == 403
    assert Nomination.objects.get(pk=nomination.pk).state == "voted"


def test_admin_action_by_vice_chairman_approves(client, make_nomination):
    from tests.factories import user_with_role
    from units.enums import Role

    vice = user_with_role(Role.VICE_CHAIRMAN, username="phochutich_test")
    nomination = voted(make_nomination("person"))
    client.force_login(vice)
    approve_via_admin(client, [nomination])
    assert Nomination.objects.get(pk=nomination.pk).state == "approved"


def test_admin_reject_action_asks_reason_then_rejects(
    client, chairman, make_nomination
):
    nomination = voted(make_nomination("household"))
    client.force_login(chairman)
    page = client.post(
        CHANGELIST,
        {"action": "reject_selected", "_selected_action": [nomination.pk]},
    )
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    assert Nomination.objects.get(pk=nomination.pk).state == "voted"
    client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [nomination.pk],
            "reason": "Thành tích chưa nổi bật",
        },
    )
    nomination.refresh_from_db()
    assert (nomination.state, nomination.reason) == (
        "rejected",
        "Thành tích chưa nổi bật",
    )


def test_admin_change_page_shows_quota_and_buttons(client, chairman, make_nomination):
    nomination = voted(make_nomination("person"))
    client.force_login(chairman)
    body = client.get(
        reverse("admin:awards_nomination_change", args=[nomination.pk])
    ).content.decode()
    assert 'id="quota-panel"' in body
    assert "Phê duyệt" in body
    client.post(reverse("admin:awards_nomination_approve", args=[nomination.pk]))
    assert Nomination.objects.get(pk=nomination.pk).state == "approved"


def test_admin_chairman_index_shows_only_awards(client, chairman):
    client.force_login(chairman)
    body = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:awards_nomination_changelist") in body
    assert reverse("admin:awards_decision_changelist") in body
    assert reverse("admin:awards_awardkind_changelist") not in body
    assert reverse("admin:awards_councilmeeting_changelist") not in body


@pytest.mark.parametrize("rows", [1, 6])
def test_admin_list_query_count_pinned(
    rows, client, chairman, make_nomination, django_assert_num_queries
):
    for index in range(rows):
        voted(make_nomination(["unit", "person", "household"][index % 3]))
    client.force_login(chairman)
    client.get(CHANGELIST)  # warm the session and content types
    with django_assert_num_queries(14):
        response = client.get(CHANGELIST)
    assert "X-Page-Cache" not in response  # the admin is built every time
    assert response.status_code == 200
    assert response.content.decode().count('name="_selected_action"') == rows


@pytest.mark.parametrize("rows", [1, 6])
def test_council_board_query_count_pinned(
    rows, client, council_user, make_nomination, django_assert_num_queries
):
    for index in range(rows):
        voted(make_nomination(["unit", "person", "household"][index % 3]))
    client.force_login(council_user)
    url = reverse("awards:council")
    client.get(url)
    with django_assert_num_queries(15):
        response = client.get(url)
    assert "X-Page-Cache" not in response  # a signed-in page is built every time
    assert response.status_code == 200
    assert response.content.decode().count("data-nomination=") == rows
