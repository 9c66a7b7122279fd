"""Issue 10: exact scores on SQLite and PostgreSQL alike.

Reported on the seeded commune (SQLite): the ranking page showed raw floats
("8,16000000000000") in the breakdown by goal, and a total cut to a whole
number: 62 standard points of a hamlet's 105 gave 59,00 instead of 59,05
(SQLite divides whole numbers as integers), and the nomination then carried
"59,00 (#7)". Every sum is now exact (whole cents in the database, Decimal in
Python) and every total equals the sum of its parts.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awards.selectors import attach_scores, council_board
from scoring.enums import CriterionKind
from scoring.models import ScoreSheet
from scoring.selectors import goal_breakdown, ranking_rows, unit_scores
from tests.awards.factories import AwardKindFactory, NominationFactory, set_state

from .builders import campaign_with_criteria, sheet_with_points
from .test_properties import in_rollback

pytestmark = pytest.mark.django_db

CENT = Decimal("0.01")
# The hamlets' criteria of the 2025 plan add up to 105 standard points.
HAMLET_105 = [
    ("a", Decimal("52.5"), CriterionKind.STANDARD, []),
    ("d", Decimal("52.5"), CriterionKind.STANDARD, []),
]


def test_whole_points_on_a_105_scale_give_59_05_not_59_00():
    """Thôn Nà Mòn: 62 standard points of 105 are 59,05 on every database."""
    campaign = campaign_with_criteria(HAMLET_105)
    sheet = sheet_with_points(campaign, {"A.1": 31, "D.2": 31})

    score = unit_scores(campaign=campaign)[sheet.unit_id]

    assert (score.standard, score.total) == (Decimal("62.00"), Decimal("59.05"))


def test_goal_breakdown_is_two_decimals_not_raw_floats():
    campaign = campaign_with_criteria(
        [
            ("a", Decimal("10"), CriterionKind.STANDARD, []),
            ("a", Decimal("10"), CriterionKind.STANDARD, []),
            ("e", Decimal("5"), CriterionKind.PENALTY, []),
        ]
    )
    sheet = sheet_with_points(campaign, {"A.1": "3.33", "A.2": "4.83", "E.3": "0.1"})

    breakdown = goal_breakdown(sheet_ids=[sheet.pk])[sheet.pk]

    assert breakdown == {"a": Decimal("8.16"), "e": Decimal("-0.10")}
    assert [str(v) for v in breakdown.values()] == ["8.16", "-0.10"]


def test_ranking_page_shows_two_decimals_and_the_exact_total(client, office_user):
    campaign = campaign_with_criteria(HAMLET_105)
    sheet_with_points(campaign, {"A.1": "3.33", "D.2": "58.67"})
    client.force_login(office_user)

    html = client.get(
        reverse("scoring:ranking", args=[campaign.pk]) + "?kind=hamlet"
    ).content.decode()

    cells = re.findall(r'<td class="text-end small">([^<]+)</td>', html)
    assert "3,33" in cells and "58,67" in cells
    assert not any(len(c.split(",")[-1]) > 2 for c in cells if "," in c)
    assert '<td class="text-end fw-bold total">59,05</td>' in html


def test_nomination_carries_the_exact_total_and_rank():
    campaign = campaign_with_criteria(HAMLET_105)
    sheet = sheet_with_points(campaign, {"A.1": 31, "D.2": 31})
    nomination = NominationFactory(
        award_kind=AwardKindFactory(campaign=campaign),
        nominee_unit=sheet.unit,
        proposing_unit=sheet.unit,
    )
    set_state(nomination, "checked")

    attach_scores([nomination])
    (board_row,) = council_board(campaign)

    assert (nomination.score, nomination.rank) == (Decimal("59.05"), 1)
    assert board_row.score == Decimal("59.05")
    assert str(board_row.score) == "59.05"


# --- Random sheets: the ranking total is the sum of its parts, on both databases.

POINTS = st.integers(min_value=0, max_value=10_000)  # cents


@st.composite
def random_campaign(draw):
    """Criteria with odd maxima (cents), and sheets with whole and decimal points."""
    count = draw(st.integers(min_value=1, max_value=4))
    kinds = [CriterionKind.STANDARD] + [
        draw(st.sampled_from(list(CriterionKind))) for _ in range(count - 1)
    ]
    # Whole maxima (as the plan's) and odd ones with cents.
    maxima = [
        Decimal(
            draw(
                st.one_of(
                    st.integers(min_value=1, max_value=120).map(lambda n: n * 100),
                    st.integers(min_value=1, max_value=9_999),
                )
            )
        )
        / 100
        for _ in kinds
    ]
    sheets = draw(
        st.lists(
            st.lists(
                st.one_of(
                    st.integers(min_value=0, max_value=100).map(lambda n: n * 100),
                    POINTS,
                ),
                min_size=count,
                max_size=count,
            ),
            min_size=1,
            max_size=5,
        )
    )
    criteria = [
        ("abcdegh"[i % 7], maximum, kind, [])
        for i, (maximum, kind) in enumerate(zip(maxima, kinds, strict=True))
    ]
    points = [
        [
            min(Decimal(cents) / 100, maximum)
            for cents, maximum in zip(row, maxima, strict=True)
        ]
        for row in sheets
    ]
    return criteria, points


def _expected_total(criteria, points):
    sums = dict.fromkeys(CriterionKind, Decimal("0"))
    for (_goal, _max, kind, _kinds), value in zip(criteria, points, strict=True):
        sums[kind] += value
    raw = (
        sums[CriterionKind.STANDARD]
        + sums[CriterionKind.BONUS]
        - sums[CriterionKind.PENALTY]
    )
    maximum = sum(
        (m for _g, m, kind, _k in criteria if kind == CriterionKind.STANDARD),
        Decimal("0"),
    )
    total = (raw * 100 / maximum).quantize(CENT, ROUND_HALF_UP)
    return sums, min(max(total, Decimal("0.00")), Decimal("100.00"))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(random_campaign())
def test_random_sheets_rank_with_exact_totals_equal_to_their_parts(db, example):
    criteria, rows = example

    def check():
        campaign = campaign_with_criteria(criteria, bands=False)
        codes = [f"{goal.upper()}.{i}" for i, (goal, *_r) in enumerate(criteria, 1)]
        sheets = [
            sheet_with_points(campaign, dict(zip(codes, row, strict=True)))
            for row in rows
        ]
        scores = {s.sheet_id: s for s in ranking_rows(campaign=campaign)}
        breakdowns = goal_breakdown(sheet_ids=[s.pk for s in sheets])
        for sheet, row in zip(sheets, rows, strict=True):
            sums, total = _expected_total(criteria, row)
            score = scores[sheet.pk]
            assert score.standard == sums[CriterionKind.STANDARD]
            assert score.bonus == sums[CriterionKind.BONUS]
            assert score.penalty == sums[CriterionKind.PENALTY]
            assert score.total == total
            for value in (score.standard, score.bonus, score.penalty, score.total):
                assert value.as_tuple().exponent == -2
            # The breakdown by goal is in cents and adds up to the raw total.
            for value in breakdowns[sheet.pk].values():
                assert value.as_tuple().exponent == -2
            assert sum(breakdowns[sheet.pk].values(), Decimal("0")) == (
                score.standard + score.bonus - score.penalty
            )
            stored = ScoreSheet.objects.get(pk=sheet.pk)
            assert stored.final_standard == sums[CriterionKind.STANDARD]
        ranked = sorted(
            scores.values(), key=lambda s: (-s.total, -s.standard, s.penalty)
        )
        assert [s.rank for s in ranked] == sorted(s.rank for s in ranked)

    in_rollback(check)
