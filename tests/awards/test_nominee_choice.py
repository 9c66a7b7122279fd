"""Choosing the nominee: its type, then one of the proposing unit's own."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import Nomination
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory

from .factories import NominationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(hamlet, other_hamlet):
    team = UnitFactory(name="Tổ công nghệ số thôn Nà Pài", kind="digital_team")
    team.parent = hamlet
    team.save()
    return {
        "team": team,
        "mine": PersonFactory(full_name="Hoàng Thị Hoa", unit=hamlet),
        "team_member": PersonFactory(full_name="Lục Văn Bình", unit=team),
        "household": HouseholdFactory(head_name="Nông Văn Dũng", hamlet=hamlet),
        "stranger": PersonFactory(full_name="Đàm Thị Xuyến", unit=other_hamlet),
        "other_household": HouseholdFactory(
            head_name="Triệu Văn Sáng", hamlet=other_hamlet
        ),
    }


def create_url(plan):
    return reverse("awards:create") + f"?campaign={plan.pk}"


def post_dossier(client, plan, proposing_unit, nominee_type, nominee_value):
    kind = plan.award_kinds.get(code="giay_khen_xa")
    return client.post(
        create_url(plan),
        {
            "award_kind": kind.pk,
            "proposing_unit": proposing_unit.pk,
            "nominee_type": nominee_type,
            "nominee": nominee_value,
            "achievements": "Hướng dẫn 80 hộ dân cài đặt VNeID.",
            "prior-TOTAL_FORMS": "0",
            "prior-INITIAL_FORMS": "0",
        },
    )


def test_create_form_offers_types_and_only_own_units_nominees(
    client, plan, hamlet, hamlet_head, other_hamlet, people
):
    client.force_login(hamlet_head)
    body = client.get(create_url(plan)).content.decode()
    for value in ("unit", "person", "household"):
        assert f'name="nominee_type" value="{value}"' in body
    assert "Tập thể (đơn vị)" in body and "Hộ gia đình" in body
    # The hamlet is preselected; its team, people and households are offered.
    assert f'value="unit:{hamlet.pk}"' in body
    assert f'value="unit:{people["team"].pk}"' in body
    assert f'value="person:{people["mine"].pk}"' in body
    assert f'value="person:{people["team_member"].pk}"' in body
    assert f'value="household:{people["household"].pk}"' in body
    # Nothing of another hamlet.
    assert f'value="unit:{other_hamlet.pk}"' not in body
    assert people["stranger"].full_name not in body
    assert people["other_household"].head_name not in body


def test_create_team_members_household_saves_draft(
    client, plan, hamlet, hamlet_head, people
):
    client.force_login(hamlet_head)
    household = people["household"]
    response = post_dossier(
        client, plan, hamlet, "household", f"household:{household.pk}"
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert (nomination.nominee_household, nomination.category) == (
        household,
        "individual",
    )


def test_create_other_units_household_refused_in_vietnamese(
    client, plan, hamlet, hamlet_head, people
):
    client.force_login(hamlet_head)
    other = people["other_household"]
    response = post_dossier(client, plan, hamlet, "household", f"household:{other.pk}")
    body = response.content.decode()
    assert response.status_code == 200
    assert Nomination.objects.count() == 0
    assert "chỉ được đề nghị tập thể, cá nhân và hộ gia đình của mình" in body
    assert "Hướng dẫn 80 hộ dân cài đặt VNeID." in body


def test_create_other_hamlet_itself_refused(
    client, plan, hamlet, hamlet_head, other_hamlet, people
):
    client.force_login(hamlet_head)
    response = post_dossier(client, plan, hamlet, "unit", f"unit:{other_hamlet.pk}")
    assert response.status_code == 200
    assert Nomination.objects.count() == 0


def test_create_proposing_for_another_unit_refused(
    client, plan, hamlet_head, other_hamlet, people
):
    client.force_login(hamlet_head)
    stranger = people["stranger"]
    response = post_dossier(
        client, plan, other_hamlet, "person", f"person:{stranger.pk}"
    )
    assert response.status_code == 200
    assert Nomination.objects.count() == 0


def test_create_type_that_does_not_match_nominee_refused(
    client, plan, hamlet, hamlet_head, people
):
    client.force_login(hamlet_head)
    response = post_dossier(
        client, plan, hamlet, "household", f"person:{people['mine'].pk}"
    )
    assert response.status_code == 200
    assert Nomination.objects.count() == 0
    assert "Đối tượng đã chọn không thuộc loại đã chọn ở trên (Hộ gia đình)" in (
        response.content.decode()
    )


def test_create_without_type_refused(client, plan, hamlet, hamlet_head, people):
    client.force_login(hamlet_head)
    response = post_dossier(client, plan, hamlet, "", f"person:{people['mine'].pk}")
    assert response.status_code == 200
    assert Nomination.objects.count() == 0


def test_office_form_lists_nominees_of_the_posted_unit_only(
    client, plan, office_user, hamlet, other_hamlet, people
):
    client.force_login(office_user)
    # No proposing unit chosen yet: nothing to choose from.
    blank = client.get(create_url(plan)).content.decode()
    assert f'value="person:{people["mine"].pk}"' not in blank
    # A bad post for the other hamlet re-renders the list of that hamlet.
    response = post_dossier(client, plan, other_hamlet, "person", "")
    body = response.content.decode()
    assert f'value="person:{people["stranger"].pk}"' in body
    assert f'value="person:{people["mine"].pk}"' not in body


def test_nominee_options_json_for_own_unit(client, hamlet_head, hamlet, people):
    client.force_login(hamlet_head)
    response = client.get(
        reverse("awards:nominee_options") + f"?proposing_unit={hamlet.pk}"
    )
    groups = {g["type"]: g for g in response.json()["groups"]}
    assert response.status_code == 200
    assert [v for v, _label in groups["household"]["options"]] == [
        f"household:{people['household'].pk}"
    ]
    assert groups["household"]["label"] == "Hộ gia đình"
    person_values = {v for v, _label in groups["person"]["options"]}
    assert person_values == {
        f"person:{people['mine'].pk}",
        f"person:{people['team_member'].pk}",
    }


@pytest.mark.parametrize("value", ["other", "abc", ""])
def test_nominee_options_json_other_unit_404(
    value, client, hamlet_head, other_hamlet, people
):
    pk = other_hamlet.pk if value == "other" else value
    client.force_login(hamlet_head)
    response = client.get(reverse("awards:nominee_options") + f"?proposing_unit={pk}")
    assert response.status_code == 404


def test_nominee_options_json_office_any_unit(
    client, office_user, other_hamlet, people
):
    client.force_login(office_user)
    response = client.get(
        reverse("awards:nominee_options") + f"?proposing_unit={other_hamlet.pk}"
    )
    values = {v for g in response.json()["groups"] for v, _label in g["options"]}
    assert f"person:{people['stranger'].pk}" in values
    assert f"person:{people['mine'].pk}" not in values


def test_service_create_refuses_another_units_nominee(
    plan, hamlet, office_user, people
):
    kind = plan.award_kinds.get(code="giay_khen_xa")
    with pytest.raises(ValidationError) as refused:
        services.nomination_create(
            campaign=plan,
            award_kind=kind,
            proposing_unit=hamlet,
            actor=office_user,
            nominee_person=people["stranger"],
            achievements="x",
        )
    assert refused.value.code == "nominee_scope"
    assert refused.value.messages == ["Đối tượng đề nghị phải thuộc đơn vị đề nghị."]
    assert Nomination.objects.count() == 0


def test_edit_moving_dossier_to_a_unit_that_does_not_own_the_nominee_refused(
    client, plan, hamlet, hamlet_head, people
):
    from phongquang_portal.core.permissions import SYSTEM
    from units.enums import Role
    from units.services import membership_grant

    # The head heads the team too, so the team is a unit they may propose for.
    membership_grant(
        user=hamlet_head,
        role=Role.UNIT_HEAD,
        unit=people["team"],
        actor=SYSTEM,
        reason="Trưởng thôn kiêm tổ trưởng tổ công nghệ số",
    )
    mine = people["mine"]
    nomination = NominationFactory(
        award_kind=plan.award_kinds.get(code="giay_khen_xa"),
        nominee_unit=None,
        nominee_person=mine,
        proposing_unit=hamlet,
    )
    client.force_login(hamlet_head)
    response = client.post(
        reverse("awards:edit", args=[nomination.pk]),
        {
            "proposing_unit": people["team"].pk,
            "achievements": "Sửa nội dung",
            "prior-TOTAL_FORMS": "0",
            "prior-INITIAL_FORMS": "0",
        },
    )
    nomination.refresh_from_db()
    assert response.status_code == 200
    assert nomination.proposing_unit == hamlet
    assert nomination.achievements != "Sửa nội dung"
    assert "chỉ được đề nghị tập thể, cá nhân và hộ gia đình của mình" in (
        response.content.decode()
    )
