"""The sheet workflow: transitions, ranges, evidence, council scores, finalisation, seed data."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import Goal
from campaigns.services import campaign_copy, plan_load
from phongquang_portal.core.activity import history_for
from scoring.enums import CriterionKind, SheetState
from scoring.models import Band, Criterion, CriterionGroup
from scoring.selectors import entry_council_summary, sheet_with_entries, unit_scores
from scoring.services import (
    EntryInput,
    automatic_points,
    council_score_save,
    ranking_publish,
    self_assessment_save,
    sheet_finalise,
    sheet_lock,
    sheet_reopen,
    sheet_return,
    sheet_submit,
    sheets_open,
)

from .conftest import codes, council_score, entries_of, finalise, self_assess

pytestmark = pytest.mark.django_db


def _entry(sheet, kind):
    return next(e for e in entries_of(sheet) if e.criterion.kind == kind)


def test_plan_load_seeds_criteria_covering_every_goal(plan):
    criteria = Criterion.objects.filter(campaign=plan).select_related("group__goal")

    assert 20 <= criteria.count() <= 30
    assert {c.group.goal.code for c in criteria} == set(
        Goal.objects.filter(campaign=plan).values_list("code", flat=True)
    )
    assert criteria.filter(kind=CriterionKind.BONUS).exists()
    assert criteria.filter(kind=CriterionKind.PENALTY).exists()
    assert list(
        Band.objects.filter(campaign=plan).values_list("label", "min_total")
    ) == [
        ("Xuất sắc", Decimal("90")),
        ("Tốt", Decimal("80")),
        ("Khá", Decimal("65")),
        ("Trung bình", Decimal("0")),
    ]


def test_plan_load_twice_changes_nothing(plan):
    before = (
        Criterion.objects.count(),
        CriterionGroup.objects.count(),
        Band.objects.count(),
    )

    plan_load()

    after = (
        Criterion.objects.count(),
        CriterionGroup.objects.count(),
        Band.objects.count(),
    )
    assert after == before


def test_campaign_copy_copies_criteria_with_next_years_goals(plan, office_user):
    target = campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        actor=office_user,
    )

    copied = Criterion.objects.filter(campaign=target).select_related("group__goal")
    assert copied.count() == Criterion.objects.filter(campaign=plan).count()
    assert {c.group.goal.campaign_id for c in copied} == {target.pk}
    assert Band.objects.filter(campaign=target).count() == 4
    automatic = copied.filter(indicator__isnull=False)
    assert automatic.exists()
    assert {c.indicator.campaign_id for c in automatic} == {target.pk}


def test_points_above_maximum_are_refused_in_vietnamese(sheet, hamlet_head):
    entry = _entry(sheet, CriterionKind.STANDARD)
    too_many = entry.criterion.max_points + 1

    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=too_many)],
        )
    assert codes(refused.value) == ["points_out_of_range"]

    assert f"tiêu chí {entry.criterion.code}" in refused.value.messages[0]
    entry.refresh_from_db()
    assert entry.self_points is None


def test_negative_points_are_refused(sheet, hamlet_head):
    entry = _entry(sheet, CriterionKind.STANDARD)

    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=Decimal("-1"))],
        )
    assert codes(refused.value) == ["points_out_of_range"]


def test_penalty_beyond_its_cap_is_refused(sheet, hamlet_head):
    entry = _entry(sheet, CriterionKind.PENALTY)

    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=entry.criterion.max_points + 1)],
        )
    assert codes(refused.value) == ["points_out_of_range"]

    assert "điểm trừ" in refused.value.messages[0].lower()


def test_submit_refused_while_a_criterion_has_no_points(sheet, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        sheet_submit(sheet=sheet, actor=hamlet_head)
    assert codes(refused.value) == ["points_missing"]
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT


def test_submit_refused_without_required_evidence(sheet, hamlet_head):
    rows = [
        EntryInput(entry=e, points=Decimal("1") if e.criterion.kind != "penalty" else 0)
        for e in entries_of(sheet)
    ]
    self_assessment_save(sheet=sheet, actor=hamlet_head, rows=rows)

    with pytest.raises(ValidationError) as refused:
        sheet_submit(sheet=sheet, actor=hamlet_head)
    assert codes(refused.value) == ["evidence_missing"]

    required = next(e for e in entries_of(sheet) if e.criterion.evidence_required)
    assert required.criterion.code in refused.value.messages[0]


def test_workflow_goes_through_every_state_and_is_logged(
    sheet, hamlet_head, office_user
):
    self_assess(sheet, hamlet_head)
    assert sheet.state == SheetState.SELF_ASSESSED
    finalise(sheet, office_user)
    assert sheet.state == SheetState.REVIEWED
    sheet_lock(sheet=sheet, actor=office_user)
    sheet.refresh_from_db()

    assert sheet.state == SheetState.LOCKED
    moves = [(e.from_state, e.to_state) for e in history_for(sheet) if e.to_state]
    assert ("draft", "self_assessed") in moves
    assert ("self_assessed", "reviewed") in moves
    assert ("reviewed", "locked") in moves


def test_locked_sheet_cannot_be_reopened(reviewed_sheet, office_user):
    sheet_lock(sheet=reviewed_sheet, actor=office_user)

    with pytest.raises(ValidationError) as refused:
        sheet_reopen(sheet=reviewed_sheet, actor=office_user, reason="Sai sót")
    assert codes(refused.value) == ["invalid_transition"]


def test_self_assessment_refused_once_submitted(self_assessed_sheet, hamlet_head):
    entry = entries_of(self_assessed_sheet)[0]

    with pytest.raises(ValidationError) as refused:
        self_assessment_save(
            sheet=self_assessed_sheet,
            actor=hamlet_head,
            rows=[EntryInput(entry=entry, points=Decimal("0"))],
        )
    assert codes(refused.value) == ["wrong_state"]


def test_return_needs_a_reason_and_goes_back_to_draft(self_assessed_sheet, office_user):
    with pytest.raises(ValidationError) as refused:
        sheet_return(sheet=self_assessed_sheet, actor=office_user, reason=" ")
    assert codes(refused.value) == ["reason_required"]

    sheet_return(
        sheet=self_assessed_sheet, actor=office_user, reason="Thiếu minh chứng"
    )

    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.DRAFT
    assert history_for(self_assessed_sheet).first().reason == "Thiếu minh chứng"


def test_finalise_needs_a_reason(self_assessed_sheet, office_user):
    rows = [
        EntryInput(entry=e, points=Decimal("0"))
        for e in entries_of(self_assessed_sheet)
    ]

    with pytest.raises(ValidationError) as refused:
        sheet_finalise(
            sheet=self_assessed_sheet, actor=office_user, rows=rows, reason=""
        )
    assert codes(refused.value) == ["reason_required"]

    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.SELF_ASSESSED


def test_finalise_refuses_a_missing_final_point(self_assessed_sheet, office_user):
    rows = [
        EntryInput(entry=e, points=Decimal("0"))
        for e in entries_of(self_assessed_sheet)
    ]

    with pytest.raises(ValidationError) as refused:
        sheet_finalise(
            sheet=self_assessed_sheet, actor=office_user, rows=rows[1:], reason="Họp HĐ"
        )
    assert codes(refused.value) == ["points_missing"]


def test_finalise_records_reason_actor_and_final_points(
    self_assessed_sheet, office_user
):
    finalise(self_assessed_sheet, office_user, share=Decimal("0.5"))

    assert self_assessed_sheet.finalised_by == office_user
    assert self_assessed_sheet.final_reason == "Theo biên bản họp Hội đồng"
    entry = _entry(self_assessed_sheet, CriterionKind.STANDARD)
    entry.refresh_from_db()
    assert entry.final_points == (entry.criterion.max_points * Decimal("0.5")).quantize(
        Decimal("0.01")
    )


def test_council_members_mean_spread_and_disagreement(
    self_assessed_sheet, council_members, settings
):
    settings.SCORING_DISAGREEMENT_MARGIN = 2
    first, second = council_members
    council_score(self_assessed_sheet, first, share=Decimal("1"))
    council_score(self_assessed_sheet, second, share=Decimal("0.2"))

    sheet = sheet_with_entries(self_assessed_sheet.pk)
    by_code = {e.criterion.code: e for e in sheet.entries.all()}
    big = by_code["D.4"]  # 10 points: 10 and 2 → spread 8
    summary = entry_council_summary(big)
    assert summary["count"] == 2
    assert summary["mean"] == Decimal("6.00")
    assert summary["spread"] == Decimal("8.00")
    assert summary["disagree"] is True
    penalty = by_code["G.3"]
    assert entry_council_summary(penalty)["disagree"] is False


def test_disagreement_margin_is_configurable(
    self_assessed_sheet, council_members, settings
):
    first, second = council_members
    council_score(self_assessed_sheet, first, share=Decimal("1"))
    council_score(self_assessed_sheet, second, share=Decimal("0.2"))
    settings.SCORING_DISAGREEMENT_MARGIN = 9

    sheet = sheet_with_entries(self_assessed_sheet.pk)

    assert not any(entry_council_summary(e)["disagree"] for e in sheet.entries.all())


def test_council_score_refused_to_non_members(self_assessed_sheet, office_user):
    entry = entries_of(self_assessed_sheet)[0]

    with pytest.raises(ValidationError) as refused:
        council_score_save(
            sheet=self_assessed_sheet,
            member=office_user,
            rows=[EntryInput(entry=entry, points=Decimal("1"))],
        )
    assert codes(refused.value) == ["permission_denied"]


def test_council_score_refused_on_a_draft(sheet, council_user):
    entry = entries_of(sheet)[0]

    with pytest.raises(ValidationError) as refused:
        council_score_save(
            sheet=sheet,
            member=council_user,
            rows=[EntryInput(entry=entry, points=Decimal("1"))],
        )
    assert codes(refused.value) == ["wrong_state"]


def test_ranking_counts_final_points_only_after_review(
    sheet, hamlet_head, office_user, plan
):
    self_assess(sheet, hamlet_head)
    assert unit_scores(campaign=plan) == {}

    finalise(sheet, office_user, share=Decimal("0.5"))

    score = unit_scores(campaign=plan)[sheet.unit_id]
    # Hamlets: 105 standard points; half of them plus half of the 5 bonus points.
    assert score.standard == Decimal("52.50")
    assert score.bonus == Decimal("2.50")
    assert score.total == Decimal("52.38")
    assert score.band == "Trung bình"


def test_publish_refused_before_locking(reviewed_sheet, office_user, plan):
    with pytest.raises(ValidationError) as refused:
        ranking_publish(campaign=plan, actor=office_user, top_n=3)
    assert codes(refused.value) == ["nothing_locked"]


def test_sheets_open_is_idempotent_and_skips_other_kinds_criteria(
    plan, hamlet, office_user
):
    assert sheets_open(campaign=plan, actor=office_user, units=[hamlet]) == 1
    assert sheets_open(campaign=plan, actor=office_user, units=[hamlet]) == 0

    sheet = hamlet.score_sheets.get()
    codes = {e.criterion.code for e in entries_of(sheet)}
    assert "D.1" not in codes  # online public services: offices only
    assert "D.3" in codes  # fibre internet: hamlets


@pytest.mark.parametrize(
    ("value", "mode", "expected"),
    [
        (Decimal("80"), "proportional", Decimal("10")),
        (Decimal("95"), "proportional", Decimal("10")),
        (Decimal("40"), "proportional", Decimal("5.00")),
        (Decimal("0"), "proportional", Decimal("0.00")),
        (Decimal("79.99"), "threshold", Decimal("0.00")),
        (Decimal("80"), "threshold", Decimal("10")),
    ],
)
def test_automatic_points_full_at_target_proportional_below(value, mode, expected):
    criterion = Criterion(
        max_points=Decimal("10"), target=Decimal("80"), auto_mode=mode
    )

    assert automatic_points(criterion, value) == expected
