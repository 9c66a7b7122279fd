"""A penalty criterion reads as points taken away, never as a negative maximum."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from scoring.templatetags.scoring_tags import criterion_cap


@pytest.mark.parametrize(
    ("kind", "points", "shown"),
    [
        ("penalty", Decimal("10.00"), "trừ tối đa 10 điểm"),
        ("bonus", Decimal("2.50"), "cộng tối đa 2,5 điểm"),
        ("standard", Decimal("15.00"), "15,00"),
    ],
)
def test_criterion_cap_says_what_the_points_are(kind, points, shown):
    criterion = SimpleNamespace(kind=kind, max_points=points)

    with translation.override("vi"):
        assert criterion_cap(criterion) == shown
