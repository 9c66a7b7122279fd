"""Fixtures for scoring tests: the 2025 criteria (seeded with the plan) and sheets."""

from decimal import Decimal

import pytest

from scoring.enums import CriterionKind, SheetState
from scoring.models import ScoreSheet
from scoring.services import (
    EntryInput,
    council_marks_submit,
    council_score_save,
    self_assessment_save,
    sheet_finalise,
    sheet_lock,
    sheet_submit,
    sheets_open,
)
from tests.factories import user_with_role
from units.enums import Role


@pytest.fixture
def sheet(plan, hamlet, office_user):
    sheets_open(campaign=plan, actor=office_user, units=[hamlet])
    return ScoreSheet.objects.get(campaign=plan, unit=hamlet)


@pytest.fixture
def other_sheet(plan, other_hamlet, office_user):
    sheets_open(campaign=plan, actor=office_user, units=[other_hamlet])
    return ScoreSheet.objects.get(campaign=plan, unit=other_hamlet)


@pytest.fixture
def council_members(db):
    return [user_with_role(Role.COUNCIL, username=f"hoidong_t{i}") for i in range(1, 3)]


def codes(error):
    """The codes of a ValidationError, one per message."""
    return [e.code for e in error.error_list]


def entries_of(sheet):
    return list(sheet.entries.select_related("criterion").order_by("criterion__code"))


def points_for(criterion, share=Decimal("0.8")):
    """A valid score: ``share`` of the maximum (0 for penalties)."""
    if criterion.kind == CriterionKind.PENALTY:
        return Decimal("0")
    return (criterion.max_points * share).quantize(Decimal("0.01"))


def self_assess(sheet, actor, share=Decimal("0.8"), *, submit=True):
    """Fill every criterion with a valid score and evidence where needed, then submit."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = []
    for entry in entries_of(sheet):
        evidence = None
        if entry.criterion.evidence_required:
            evidence = SimpleUploadedFile(
                "minh-chung.pdf",
                b"%PDF-1.4\n%minh chung\n",
                content_type="application/pdf",
            )
        rows.append(
            EntryInput(
                entry=entry,
                points=points_for(entry.criterion, share),
                text="Đã thực hiện",
                evidence=evidence,
            )
        )
    self_assessment_save(sheet=sheet, actor=actor, rows=rows)
    if submit:
        sheet_submit(sheet=sheet, actor=actor)
    sheet.refresh_from_db()
    return sheet


def council_score(sheet, member, share=Decimal("0.8"), *, submit=True):
    """The member marks every criterion and (by default) submits his marks."""
    rows = [
        EntryInput(entry=e, points=points_for(e.criterion, share), text="")
        for e in entries_of(sheet)
    ]
    council_score_save(sheet=sheet, member=member, rows=rows)
    if submit:
        council_marks_submit(sheet=sheet, member=member)


def finalise(
    sheet,
    actor,
    share=Decimal("0.8"),
    *,
    lock=False,
    missing_reason="Các thành viên còn lại vắng mặt",
):
    rows = [
        EntryInput(entry=e, points=points_for(e.criterion, share), text="")
        for e in entries_of(sheet)
    ]
    sheet_finalise(
        sheet=sheet,
        actor=actor,
        rows=rows,
        reason="Theo biên bản họp Hội đồng",
        missing_reason=missing_reason,
    )
    if lock:
        sheet_lock(sheet=sheet, actor=actor)
    sheet.refresh_from_db()
    return sheet


@pytest.fixture
def self_assessed_sheet(sheet, hamlet_head):
    return self_assess(sheet, hamlet_head)


@pytest.fixture
def reviewed_sheet(self_assessed_sheet, office_user):
    return finalise(self_assessed_sheet, office_user)


@pytest.fixture
def locked_sheet(reviewed_sheet, office_user):
    sheet_lock(sheet=reviewed_sheet, actor=office_user)
    reviewed_sheet.refresh_from_db()
    assert reviewed_sheet.state == SheetState.LOCKED
    return reviewed_sheet
