"""Property tests of totals, normalisation, ranks and the Excel export (hypothesis)."""

import io
import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from scoring.models import Criterion, ScoreEntry, ScoreSheet
from scoring.selectors import normalise, unit_scores
from scoring.services import final_sums_refresh

from .builders import campaign_with_criteria, sheet_with_points

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Default builder criteria: A.1 standard 40, D.2 standard 60, G.3 bonus 5, E.4 penalty 10.
MAXIMA = {"A.1": 40, "D.2": 60, "G.3": 5, "E.4": 10}
CENTS = st.integers(min_value=0, max_value=100)


@st.composite
def unit_points(draw):
    """Points for one unit: each criterion gets a whole-cent share of its maximum."""
    return {
        code: (Decimal(maximum) * Decimal(draw(CENTS)) / 100).quantize(Decimal("0.01"))
        for code, maximum in MAXIMA.items()
    }


class Rollback(Exception):
    pass


def in_rollback(check):
    """Run ``check`` inside a transaction that is always rolled back (one per example)."""
    try:
        with transaction.atomic():
            check()
            raise Rollback
    except Rollback:
        pass


@PROPERTY_SETTINGS
@given(st.lists(unit_points(), min_size=1, max_size=6))
def test_total_never_exceeds_its_maximum(db, units):
    def check():
        campaign = campaign_with_criteria()
        sheets = [sheet_with_points(campaign, points) for points in units]
        scores = unit_scores(campaign=campaign)
        for sheet, points in zip(sheets, units, strict=True):
            score = scores[sheet.unit_id]
            assert Decimal("0") <= score.total <= Decimal("100")
            raw = points["A.1"] + points["D.2"] + points["G.3"] - points["E.4"]
            assert score.total == normalise(raw, Decimal("100"))

    in_rollback(check)


@PROPERTY_SETTINGS
@given(
    st.lists(unit_points(), min_size=2, max_size=6),
    st.integers(min_value=0, max_value=5),
    st.sampled_from(["A.1", "D.2", "G.3", "E.4"]),
    st.integers(min_value=1, max_value=100),
)
def test_adding_points_never_lowers_a_rank(db, units, which, code, cents):
    which = which % len(units)

    def check():
        campaign = campaign_with_criteria()
        sheets = [sheet_with_points(campaign, points) for points in units]
        target = sheets[which]
        before = unit_scores(campaign=campaign)[target.unit_id].rank
        entry = ScoreEntry.objects.select_related("criterion").get(
            sheet=target, criterion__code=code
        )
        step = Decimal(cents) / 100
        if entry.criterion.kind == "penalty":
            # Fewer penalty points is "more points".
            entry.final_points = max(Decimal("0"), entry.final_points - step)
        else:
            entry.final_points = min(
                entry.criterion.max_points, entry.final_points + step
            )
        entry.save(update_fields=["final_points"])
        final_sums_refresh(sheets=ScoreSheet.objects.filter(pk=target.pk))

        after = unit_scores(campaign=campaign)[target.unit_id].rank

        assert after <= before

    in_rollback(check)


def _page_totals(html):
    rows = re.findall(
        r'<tr data-unit="([^"]+)">.*?<td class="text-end fw-bold total">([^<]+)</td>',
        html,
        flags=re.S,
    )
    return {name: Decimal(value.strip().replace(",", ".")) for name, value in rows}


def _export_totals(content):
    wb = load_workbook(io.BytesIO(content))
    totals = {}
    for ws in wb.worksheets:
        header = [c.value for c in ws[4]]
        if "Tổng điểm (thang 100)" not in header:
            continue
        unit_col = header.index("Đơn vị")
        total_col = header.index("Tổng điểm (thang 100)")
        for row in ws.iter_rows(min_row=5, values_only=True):
            if row[0] is None or not isinstance(row[0], int):
                continue
            assert isinstance(row[total_col], int | float)
            totals[row[unit_col]] = Decimal(str(row[total_col])).quantize(
                Decimal("0.01")
            )
    return totals


@PROPERTY_SETTINGS
@given(st.lists(unit_points(), min_size=1, max_size=6))
def test_excel_export_totals_equal_the_ranking_page(db, client, office_user, units):
    client.force_login(office_user)

    def check():
        campaign = campaign_with_criteria()
        for points in units:
            sheet_with_points(campaign, points)
        page = client.get(
            reverse("scoring:ranking", args=[campaign.pk]) + "?kind=hamlet"
        )
        export = client.get(reverse("scoring:ranking_export", args=[campaign.pk]))

        page_totals = _page_totals(page.content.decode())
        assert len(page_totals) == len(units)
        assert _export_totals(export.content) == page_totals

    in_rollback(check)


def test_criteria_of_other_kinds_do_not_count_towards_a_kinds_maximum(db):
    campaign = campaign_with_criteria()
    Criterion.objects.filter(campaign=campaign, code="D.2").update(
        unit_kinds=["office"]
    )
    sheet = sheet_with_points(campaign, {"A.1": 30})

    assert unit_scores(campaign=campaign)[sheet.unit_id].total == Decimal("75.00")
