from decimal import Decimal

import pytest

from scoring.enums import CriterionKind, SheetState
from scoring.selectors import unit_scores

from .builders import campaign_with_criteria, sheet_with_points

pytestmark = pytest.mark.django_db


def test_unit_scores_normalises_ranks_and_bands():
    campaign = campaign_with_criteria()
    best = sheet_with_points(campaign, {"A.1": 40, "D.2": 55, "G.3": 3})
    middle = sheet_with_points(campaign, {"A.1": 30, "D.2": 55, "E.4": 2})
    draft = sheet_with_points(campaign, {"A.1": 40}, state=SheetState.DRAFT)

    scores = unit_scores(campaign=campaign)

    assert set(scores) == {best.unit_id, middle.unit_id}
    assert draft.unit_id not in scores
    assert scores[best.unit_id].total == Decimal("98.00")
    assert scores[best.unit_id].rank == 1
    assert scores[best.unit_id].band == "Xuất sắc"
    assert scores[middle.unit_id].total == Decimal("83.00")
    assert scores[middle.unit_id].rank == 2
    assert scores[middle.unit_id].band == "Tốt"
    assert scores[middle.unit_id].tied is False


def test_unit_scores_caps_total_at_100_and_floors_at_0():
    campaign = campaign_with_criteria()
    full = sheet_with_points(campaign, {"A.1": 40, "D.2": 60, "G.3": 5})
    empty = sheet_with_points(campaign, {"E.4": 10})

    scores = unit_scores(campaign=campaign)

    assert scores[full.unit_id].total == Decimal("100.00")
    assert scores[empty.unit_id].total == Decimal("0.00")


def test_unit_scores_normalises_each_kind_to_100():
    campaign = campaign_with_criteria(
        [
            ("a", Decimal("50"), CriterionKind.STANDARD, ["hamlet"]),
            ("b", Decimal("20"), CriterionKind.STANDARD, []),
        ]
    )
    hamlet = sheet_with_points(campaign, {"A.1": 35, "B.2": 14}, kind="hamlet")
    office = sheet_with_points(campaign, {"B.2": 14}, kind="office")

    scores = unit_scores(campaign=campaign)

    assert scores[hamlet.unit_id].total == Decimal("70.00")
    assert scores[office.unit_id].total == Decimal("70.00")
    # Ranks are per kind: both are first of their kind.
    assert scores[hamlet.unit_id].rank == 1
    assert scores[office.unit_id].rank == 1
    assert scores[office.unit_id].kind == "office"


def test_unit_scores_breaks_ties_by_standard_points_then_shows_true_ties():
    campaign = campaign_with_criteria()
    # Both 90 in total; the first earns it without bonus, so it ranks first.
    without_bonus = sheet_with_points(campaign, {"A.1": 40, "D.2": 50})
    with_bonus = sheet_with_points(campaign, {"A.1": 40, "D.2": 45, "G.3": 5})
    twin_a = sheet_with_points(campaign, {"A.1": 20, "D.2": 20})
    twin_b = sheet_with_points(campaign, {"A.1": 30, "D.2": 10})

    scores = unit_scores(campaign=campaign)

    assert scores[without_bonus.unit_id].total == scores[with_bonus.unit_id].total
    assert scores[without_bonus.unit_id].rank == 1
    assert scores[with_bonus.unit_id].rank == 2
    assert scores[without_bonus.unit_id].tied is False
    assert scores[twin_a.unit_id].rank == scores[twin_b.unit_id].rank == 3
    assert scores[twin_a.unit_id].tied is True
    assert scores[twin_b.unit_id].tied is True


@pytest.mark.parametrize("size", [1, 12])
def test_unit_scores_uses_a_fixed_number_of_queries(size, django_assert_num_queries):
    campaign = campaign_with_criteria()
    for i in range(size):
        sheet_with_points(campaign, {"A.1": i % 40, "D.2": 30})

    with django_assert_num_queries(3):
        scores = unit_scores(campaign=campaign)

    assert len(scores) == size
