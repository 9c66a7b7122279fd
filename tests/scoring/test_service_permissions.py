"""Issue 8: every scoring service checks the actor's permission through the rules.

Council scoring asked ``roles_for(member).is_council`` before; now it asks
the rule ``scoring.council_score_scoresheet`` like the page and the button,
so a superuser (a system administrator) is not a council member unless
granted the role (separation of duties).
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from phongquang_portal.core.permissions import SYSTEM
from scoring.enums import SheetState
from scoring.models import RankingPublication, ScoreSheet
from scoring.services import (
    EntryInput,
    automatic_points_fill,
    council_score_save,
    ranking_publish,
    ranking_unpublish,
    self_assessment_save,
    sheet_finalise,
    sheet_lock,
    sheet_reopen,
    sheet_return,
    sheet_submit,
    sheets_lock_reviewed,
    sheets_open,
)
from tests.factories import UserFactory

from .conftest import codes, entries_of, finalise, self_assess

pytestmark = pytest.mark.django_db


def _refused(call):
    with pytest.raises(ValidationError) as refused:
        call()
    return codes(refused.value)


@pytest.fixture
def superuser(db):
    user = UserFactory(username="sieuquantri")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def test_council_score_asks_the_rules_not_the_role_list(
    self_assessed_sheet, superuser, hamlet_head, council_user
):
    """The issue's case: a superuser is not a council member unless granted it."""
    entry = entries_of(self_assessed_sheet)[0]
    rows = [EntryInput(entry=entry, points=Decimal("1"))]

    for actor in (superuser, hamlet_head):
        assert _refused(
            lambda actor=actor: council_score_save(
                sheet=self_assessed_sheet, member=actor, rows=rows
            )
        ) == ["permission_denied"]

    council_score_save(sheet=self_assessed_sheet, member=council_user, rows=rows)
    assert entry.council_scores.get().member == council_user


def test_sheets_open_refused_to_a_unit_head(plan, hamlet, hamlet_head):
    assert _refused(
        lambda: sheets_open(campaign=plan, actor=hamlet_head, units=[hamlet])
    ) == ["permission_denied"]
    assert not ScoreSheet.objects.exists()


def test_self_assessment_refused_to_another_units_head(sheet, other_head, superuser):
    entry = entries_of(sheet)[0]
    for actor in (other_head, superuser):
        assert _refused(
            lambda actor=actor: self_assessment_save(
                sheet=sheet,
                actor=actor,
                rows=[EntryInput(entry=entry, points=Decimal("1"))],
            )
        ) == ["permission_denied"]
    entry.refresh_from_db()
    assert entry.self_points is None


def test_submit_and_fill_refused_to_the_office(sheet, hamlet_head, office_user):
    self_assess(sheet, hamlet_head, submit=False)

    assert _refused(lambda: sheet_submit(sheet=sheet, actor=office_user)) == [
        "permission_denied"
    ]
    assert _refused(lambda: automatic_points_fill(sheet=sheet, actor=office_user)) == [
        "permission_denied"
    ]
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT


def test_office_steps_refused_to_council_and_chairman(
    self_assessed_sheet, council_user, chairman
):
    rows = [
        EntryInput(entry=e, points=Decimal("0"))
        for e in entries_of(self_assessed_sheet)
    ]
    for actor in (council_user, chairman):
        assert _refused(
            lambda actor=actor: sheet_finalise(
                sheet=self_assessed_sheet, actor=actor, rows=rows, reason="Họp"
            )
        ) == ["permission_denied"]
        assert _refused(
            lambda actor=actor: sheet_return(
                sheet=self_assessed_sheet, actor=actor, reason="Thiếu"
            )
        ) == ["permission_denied"]
    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.SELF_ASSESSED


def test_lock_and_reopen_refused_to_the_chairman(reviewed_sheet, chairman, plan):
    assert _refused(lambda: sheet_lock(sheet=reviewed_sheet, actor=chairman)) == [
        "permission_denied"
    ]
    assert _refused(
        lambda: sheet_reopen(sheet=reviewed_sheet, actor=chairman, reason="Xem lại")
    ) == ["permission_denied"]
    assert _refused(lambda: sheets_lock_reviewed(campaign=plan, actor=chairman)) == [
        "permission_denied"
    ]
    reviewed_sheet.refresh_from_db()
    assert reviewed_sheet.state == SheetState.REVIEWED


def test_publication_refused_to_others_and_twice(
    locked_sheet, plan, office_user, council_user, hamlet_head
):
    assert _refused(
        lambda: ranking_publish(campaign=plan, actor=council_user, top_n=3)
    ) == ["permission_denied"]

    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    assert _refused(
        lambda: ranking_publish(campaign=plan, actor=office_user, top_n=10)
    ) == ["already_published"]
    assert _refused(
        lambda: ranking_unpublish(campaign=plan, actor=hamlet_head, reason="Sai")
    ) == ["permission_denied"]
    publication = RankingPublication.objects.get(campaign=plan)
    assert publication.is_published
    assert publication.top_n == 3


@pytest.mark.parametrize("top_n", [0, 51, -3, "1e9", "NaN", 10**30])
def test_publication_top_n_bounded(locked_sheet, plan, office_user, top_n):
    refused = _refused(
        lambda: ranking_publish(campaign=plan, actor=office_user, top_n=top_n)
    )

    assert refused in (["top_n_out_of_range"], ["top_n_invalid"])
    assert not RankingPublication.objects.filter(published_at__isnull=False).exists()


def test_management_commands_act_as_the_system(plan, hamlet):
    assert sheets_open(campaign=plan, actor=SYSTEM, units=[hamlet]) == 1


def test_finalise_reopen_lock_by_the_office(self_assessed_sheet, office_user):
    finalise(self_assessed_sheet, office_user)
    sheet_reopen(sheet=self_assessed_sheet, actor=office_user, reason="Xem lại A.1")
    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.SELF_ASSESSED
