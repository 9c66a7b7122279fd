"""Nominate the top N of the ranking: the office's action, now the awards app's."""

import pytest
from django.urls import reverse

from awards.models import Nomination
from tests.scoring.builders import sheet_with_points

pytestmark = pytest.mark.django_db


def url(campaign):
    return reverse("awards:nominate_from_ranking", args=[campaign.pk])


def ranking(campaign, kind="hamlet"):
    return reverse("scoring:ranking", args=[campaign.pk]) + f"?kind={kind}"


@pytest.fixture
def ranked(plan):
    best = sheet_with_points(plan, {"A.1": 5, "D.3": 6, "D.4": 10})
    second = sheet_with_points(plan, {"A.1": 5, "D.3": 6})
    third = sheet_with_points(plan, {"A.1": 1})
    return best, second, third


def nominated(campaign):
    return set(
        Nomination.objects.filter(campaign=campaign).values_list(
            "nominee_unit_id", flat=True
        )
    )


def test_url_is_pinned(plan):
    assert url(plan) == f"/awards/from-ranking/{plan.pk}/"


def test_top_units_become_draft_nominations_once(client, office_user, plan, ranked):
    best, second, third = ranked
    client.force_login(office_user)

    first = client.post(url(plan), {"kind": "hamlet", "top_n": 2}, follow=True)
    client.post(url(plan), {"kind": "hamlet", "top_n": 2})

    assert first.redirect_chain[0] == (ranking(plan), 302)
    assert "Đã lập 2 hồ sơ đề nghị khen thưởng (nháp)" in first.content.decode()
    assert nominated(plan) == {best.unit_id, second.unit_id}
    assert set(Nomination.objects.values_list("state", flat=True)) == {"draft"}
    assert set(Nomination.objects.values_list("award_kind__code", flat=True)) == {
        "giay_khen_xa"
    }


def test_get_not_allowed(client, office_user, plan):
    client.force_login(office_user)
    assert client.get(url(plan)).status_code == 405


@pytest.mark.parametrize("who", ["hamlet_head", "council_user", "chairman", "sysadmin"])
def test_non_office_gets_404_and_nothing_is_created(who, request, client, plan, ranked):
    client.force_login(request.getfixturevalue(who))
    response = client.post(url(plan), {"kind": "hamlet", "top_n": 2})
    assert response.status_code == 404
    assert not Nomination.objects.exists()


def test_anonymous_sent_to_login(client, plan):
    response = client.post(url(plan), {"kind": "hamlet", "top_n": 2})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("top_n", ["0", "51", "x", ""])
def test_bad_number_refused_with_message(top_n, client, office_user, plan, ranked):
    client.force_login(office_user)
    response = client.post(url(plan), {"kind": "hamlet", "top_n": top_n}, follow=True)
    assert response.redirect_chain[0] == (ranking(plan), 302)
    assert response.status_code == 200
    assert not Nomination.objects.exists()


def test_unknown_kind_refused(client, office_user, plan, ranked):
    client.force_login(office_user)
    response = client.post(url(plan), {"kind": "planet", "top_n": 2})
    assert response.status_code == 302
    assert not Nomination.objects.exists()


def test_no_ranked_unit_of_that_kind_says_so(client, office_user, plan, ranked):
    client.force_login(office_user)
    response = client.post(url(plan), {"kind": "office", "top_n": 2}, follow=True)
    assert response.redirect_chain[0] == (ranking(plan, "office"), 302)
    assert not Nomination.objects.exists()


def test_unknown_campaign_404(client, office_user, plan):
    client.force_login(office_user)
    response = client.post(
        reverse("awards:nominate_from_ranking", args=[plan.pk + 999]),
        {"kind": "hamlet", "top_n": 2},
    )
    assert response.status_code == 404
