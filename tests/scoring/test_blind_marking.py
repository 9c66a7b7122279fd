"""Issue 10: blind marking, recusal from one's own unit, and finalising with missing marks.

Reported: each council member's scores were shown with the member's name to
the other members before they had scored, and to the unit itself, although
the council form said they were not; the office could finalise a sheet with
2 of 3 council scores, with no warning.
"""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from phongquang_portal.core.models import ActivityLog
from scoring.enums import SheetState
from scoring.models import CouncilMarksSubmission
from scoring.selectors import marks_summary
from scoring.services import (
    EntryInput,
    council_marks_submit,
    council_score_save,
    ranking_publish,
    sheet_finalise,
    sheet_lock,
)
from tests.factories import PersonFactory, unit_head, user_with_role
from units.enums import Role

from .conftest import council_score, entries_of, finalise, points_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(db):
    """Three council members with recognisable names."""
    names = [("An", "Hoàng"), ("Bình", "Lê"), ("Chi", "Trần")]
    result = []
    for index, (first, last) in enumerate(names, start=1):
        user = user_with_role(Role.COUNCIL, username=f"hd_blind{index}")
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
        result.append(user)
    return result


def _page(client, user, sheet):
    client.force_login(user)
    html = client.get(sheet.get_absolute_url()).content.decode()
    client.logout()
    return html


def _marks(sheet, member, share):
    rows = [
        EntryInput(entry=e, points=points_for(e.criterion, share), text="")
        for e in entries_of(sheet)
    ]
    council_score_save(sheet=sheet, member=member, rows=rows)


def test_a_member_sees_only_his_own_marks_until_he_has_submitted(
    client, self_assessed_sheet, members
):
    first, second, _third = members
    council_score(self_assessed_sheet, first, share=Decimal("0.9"))  # submitted
    _marks(self_assessed_sheet, second, Decimal("0.5"))  # his draft

    html = _page(client, second, self_assessed_sheet)

    assert "Hoàng An" not in html  # no other member by name
    assert 'class="text-end member-mark"' not in html
    assert 'class="text-end council-mean"' not in html  # the mean would tell
    assert html.count('class="text-end own-mark"') == len(
        entries_of(self_assessed_sheet)
    )
    assert 'id="my-marks-status"' in html

    council_marks_submit(sheet=self_assessed_sheet, member=second)
    html = _page(client, second, self_assessed_sheet)

    assert 'class="text-end council-mean"' in html
    assert "Hoàng An" not in html


def test_the_unit_sees_the_mean_and_never_a_members_name(
    client, self_assessed_sheet, members, hamlet_head
):
    council_score(self_assessed_sheet, members[0], share=Decimal("1"))
    council_score(self_assessed_sheet, members[1], share=Decimal("0.5"))
    _marks(self_assessed_sheet, members[2], Decimal("0"))  # a draft: counts nowhere

    html = _page(client, hamlet_head, self_assessed_sheet)

    for name in ("Hoàng An", "Lê Bình", "Trần Chi"):
        assert name not in html
    assert 'class="text-end member-mark"' not in html
    means = re.findall(r'class="text-end council-mean">([^<]+)<', html)
    first = entries_of(self_assessed_sheet)[0]
    expected = (
        points_for(first.criterion, Decimal("1"))
        + points_for(first.criterion, Decimal("0.5"))
    ) / 2
    assert means[0] == f"{expected.quantize(Decimal('0.01'))}".replace(".", ",")
    assert "council-sd" not in html and "council-median" not in html


def test_the_office_sees_every_mark_with_median_deviation_and_spread(
    client, self_assessed_sheet, members, office_user
):
    council_score(self_assessed_sheet, members[0], share=Decimal("1"))
    council_score(self_assessed_sheet, members[1], share=Decimal("0.5"))
    _marks(self_assessed_sheet, members[2], Decimal("0"))

    html = _page(client, office_user, self_assessed_sheet)

    for name in ("Hoàng An", "Lê Bình", "Trần Chi"):
        assert name in html
    assert "council-median" in html and "council-sd" in html
    assert "council-spread" in html
    assert 'id="council-roster"' in html
    # The third member's draft is shown as such.
    assert 'data-member="hd_blind3" data-status="draft"' in html


def test_marks_summary_gives_mean_median_population_deviation_and_flag():
    summary = marks_summary([Decimal("10"), Decimal("7"), Decimal("7")], Decimal("2"))

    assert summary == {
        "count": 3,
        "mean": Decimal("8.00"),
        "median": Decimal("7.00"),
        "sd": Decimal("1.41"),
        "spread": Decimal("3.00"),
        "disagree": True,
    }


def test_after_publication_results_per_criterion_show_no_member_names(
    client, self_assessed_sheet, members, office_user, other_head, plan
):
    council_score(self_assessed_sheet, members[0], share=Decimal("1"))
    finalise(self_assessed_sheet, office_user, lock=True)
    ranking_publish(campaign=plan, actor=office_user, top_n=3)

    for viewer in (other_head, members[1]):
        html = _page(client, viewer, self_assessed_sheet)
        assert "Hoàng An" not in html
        assert 'class="text-end council-mean"' in html


def test_submitted_marks_no_longer_change_and_submitting_is_logged(
    self_assessed_sheet, members
):
    council_score(self_assessed_sheet, members[0])

    with pytest.raises(ValidationError) as refused:
        _marks(self_assessed_sheet, members[0], Decimal("0.1"))

    assert refused.value.code == "marks_submitted"
    entry = ActivityLog.objects.get(action="scoring.sheet.council_marks_submitted")
    assert entry.actor == members[0]
    with pytest.raises(ValidationError) as again:
        council_marks_submit(sheet=self_assessed_sheet, member=members[0])
    assert again.value.code == "marks_submitted"


def test_submitting_needs_a_mark_on_every_criterion(self_assessed_sheet, members):
    first = entries_of(self_assessed_sheet)[0]
    council_score_save(
        sheet=self_assessed_sheet,
        member=members[0],
        rows=[EntryInput(entry=first, points=Decimal("1"), text="")],
    )

    with pytest.raises(ValidationError) as refused:
        council_marks_submit(sheet=self_assessed_sheet, member=members[0])

    assert refused.value.code == "marks_incomplete"
    assert not CouncilMarksSubmission.objects.exists()


def test_a_member_who_heads_the_unit_does_not_mark_its_sheet(
    client, self_assessed_sheet, members, hamlet
):
    member = members[0]
    from phongquang_portal.core.permissions import SYSTEM
    from units.services import membership_grant

    membership_grant(
        user=member, role=Role.UNIT_HEAD, unit=hamlet, actor=SYSTEM, reason="Kiêm"
    )

    with pytest.raises(ValidationError) as refused:
        _marks(self_assessed_sheet, member, Decimal("0.5"))

    assert refused.value.code == "recused"
    client.force_login(member)
    response = client.get(
        reverse("scoring:council_score", args=[self_assessed_sheet.pk])
    )
    assert response.status_code == 302
    page = client.get(self_assessed_sheet.get_absolute_url()).content.decode()
    assert "Bạn là trưởng đơn vị này" in page


def test_a_member_whose_personal_record_is_in_the_unit_does_not_mark_it(
    self_assessed_sheet, members, hamlet
):
    PersonFactory(unit=hamlet, user=members[1])

    with pytest.raises(ValidationError) as refused:
        council_score(self_assessed_sheet, members[1])

    assert refused.value.code == "recused"


def test_finalising_with_missing_marks_asks_why_and_says_who(
    client, self_assessed_sheet, members, office_user
):
    council_score(self_assessed_sheet, members[0])
    council_score(self_assessed_sheet, members[1])
    rows = [
        EntryInput(entry=e, points=points_for(e.criterion), text="")
        for e in entries_of(self_assessed_sheet)
    ]

    with pytest.raises(ValidationError) as refused:
        sheet_finalise(
            sheet=self_assessed_sheet,
            actor=office_user,
            rows=rows,
            reason="Theo biên bản",
        )

    assert refused.value.code == "council_marks_missing"
    assert "Trần Chi" in refused.value.messages[0]
    client.force_login(office_user)
    url = reverse("scoring:finalise", args=[self_assessed_sheet.pk])
    page = client.get(url).content.decode()
    assert 'id="missing-marks"' in page and "Trần Chi" in page
    assert 'name="missing_reason"' in page
    data = {f"points_{e.pk}": str(points_for(e.criterion)) for e in rows_entries(rows)}
    data["reason"] = "Theo biên bản họp"
    response = client.post(url, data)
    assert response.status_code == 200  # the reason for the missing marks is asked
    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.SELF_ASSESSED

    data["missing_reason"] = "Ông Chi ốm, vắng cả đợt chấm"
    response = client.post(url, data)

    assert response.status_code == 302
    self_assessed_sheet.refresh_from_db()
    assert self_assessed_sheet.state == SheetState.REVIEWED
    entry = ActivityLog.objects.get(action="scoring.sheet.finalised")
    assert entry.data["missing_members"] == ["Trần Chi"]
    assert entry.data["missing_reason"] == "Ông Chi ốm, vắng cả đợt chấm"


def rows_entries(rows):
    return [row.entry for row in rows]


def test_finalising_needs_no_reason_when_every_member_submitted_or_is_recused(
    self_assessed_sheet, members, office_user, hamlet
):
    council_score(self_assessed_sheet, members[0])
    council_score(self_assessed_sheet, members[1])
    PersonFactory(unit=hamlet, user=members[2])  # recused: not missing

    finalise(self_assessed_sheet, office_user, missing_reason="")

    assert self_assessed_sheet.state == SheetState.REVIEWED


def test_only_submitted_marks_count_in_the_mean_the_office_starts_from(
    client, self_assessed_sheet, members, office_user
):
    council_score(self_assessed_sheet, members[0], share=Decimal("1"))
    _marks(self_assessed_sheet, members[1], Decimal("0"))  # a draft
    client.force_login(office_user)

    response = client.get(reverse("scoring:finalise", args=[self_assessed_sheet.pk]))

    form = response.context["form"]
    entry = entries_of(self_assessed_sheet)[0]
    assert form.initial_points(entry) == points_for(entry.criterion, 1)


def test_lock_after_finalise_keeps_working(self_assessed_sheet, members, office_user):
    council_score(self_assessed_sheet, members[0])
    sheet = finalise(self_assessed_sheet, office_user)
    sheet_lock(sheet=sheet, actor=office_user)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.LOCKED


def test_the_unit_head_is_refused_marking_as_anyone_without_the_role(
    self_assessed_sheet, hamlet_head
):
    with pytest.raises(ValidationError) as refused:
        _marks(self_assessed_sheet, hamlet_head, Decimal("0.5"))

    assert refused.value.code == "permission_denied"


def test_heads_of_other_units_are_not_recused(
    self_assessed_sheet, members, other_hamlet
):
    member = members[0]
    unit_head(other_hamlet, username="x_other")  # someone else heads it
    PersonFactory(unit=other_hamlet, user=member)

    council_score(self_assessed_sheet, member)

    assert CouncilMarksSubmission.objects.filter(member=member).exists()


# --- Issue 17: a draft is the member's alone, the office included ---------------------


def test_the_office_sees_that_a_member_has_marked_never_what_until_he_submits(
    client, self_assessed_sheet, members, office_user, sysadmin
):
    sheet = self_assessed_sheet
    entries = entries_of(sheet)
    rows = [
        EntryInput(entry=e, points=points_for(e.criterion, 1), text="Nháp riêng")
        for e in entries
    ]
    council_score_save(sheet=sheet, member=members[2], rows=rows)

    html = _page(client, office_user, sheet)
    assert 'data-member="hd_blind3" data-status="draft"' in html
    assert html.count('data-draft="1"') == len(entries)
    assert "Nháp riêng" not in html
    drafts = re.findall(
        r'<td class="text-end member-mark" data-draft="1">(.*?)</td>', html
    )
    assert drafts and all(re.search(r"\d", cell) is None for cell in drafts)
    # The log, and its admin screen, say that he marked, not what.
    entry = ActivityLog.objects.get(action="scoring.sheet.council_scored")
    assert entry.data == {"criteria": len(entries)}
    client.force_login(sysadmin)
    admin_page = client.get(f"/admin/core/activitylog/{entry.pk}/change/")
    assert admin_page.status_code == 200
    assert "points" not in admin_page.content.decode()

    council_marks_submit(sheet=sheet, member=members[2])
    html = _page(client, office_user, sheet)
    assert 'data-draft="1"' not in html
    assert "Nháp riêng" in html  # submitted: the comment and the points count
