"""The office's actions on the ranking page: lock all, publish, withdraw."""

from decimal import Decimal

import pytest
from django.urls import reverse

from scoring.enums import SheetState
from scoring.models import RankingPublication

from .conftest import finalise, self_assess

pytestmark = pytest.mark.django_db


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
