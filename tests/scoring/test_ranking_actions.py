"""The office's actions on the ranking page: lock all, publish, nominate the top units."""

from decimal import Decimal

import pytest
from django.urls import reverse

from awards.models import Nomination
from scoring.enums import SheetState
from scoring.models import RankingPublication

from .builders import sheet_with_points
from .conftest import finalise, self_assess

pytestmark = pytest.mark.django_db


def test_top_units_become_draft_nominations_once(client, office_user, plan):
    best = sheet_with_points(plan, {"A.1": 5, "D.3": 6, "D.4": 10})
    second = sheet_with_points(plan, {"A.1": 5, "D.3": 6})
    third = sheet_with_points(plan, {"A.1": 1})
    client.force_login(office_user)
    url = reverse("scoring:ranking_nominate", args=[plan.pk])

    client.post(url, {"kind": "hamlet", "top_n": 2})
    client.post(url, {"kind": "hamlet", "top_n": 2})

    nominated = set(
        Nomination.objects.filter(campaign=plan).values_list(
            "nominee_unit_id", flat=True
        )
    )
    assert nominated == {best.unit_id, second.unit_id}
    assert third.unit_id not in nominated
    assert set(Nomination.objects.values_list("state", flat=True)) == {"draft"}


def test_lock_all_then_publish_from_the_ranking_page(
    client, office_user, plan, sheet, hamlet_head
):
    self_assess(sheet, hamlet_head)
    finalise(sheet, office_user, share=Decimal("0.9"))
    client.force_login(office_user)
    url = reverse("scoring:ranking_publish", args=[plan.pk])

    client.post(url, {"action": "publish", "top_n": 3})
    assert not RankingPublication.objects.filter(published_at__isnull=False).exists()

    client.post(url, {"action": "lock_all"})
    sheet.refresh_from_db()
    assert sheet.state == SheetState.LOCKED
    client.post(url, {"action": "publish", "top_n": 3})

    publication = RankingPublication.objects.get(campaign=plan)
    assert publication.is_published
    assert publication.published_by == office_user
    board = client.get(reverse("scoring:honor_board", args=[plan.pk])).content.decode()
    assert sheet.unit.name in board


def test_publish_refuses_a_bad_number_and_says_why(
    client, office_user, plan, locked_sheet
):
    client.force_login(office_user)

    response = client.post(
        reverse("scoring:ranking_publish", args=[plan.pk]),
        {"action": "publish", "top_n": "0"},
        follow=True,
    )

    assert "phải từ 1 đến 50" in response.content.decode()
    assert not RankingPublication.objects.filter(published_at__isnull=False).exists()
