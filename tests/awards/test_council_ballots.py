"""Issue 10: a council that votes like the law's, member by member.

Reported: "the vote is one tally typed by one member: '5 for, 1 against, 0
abstain' of 7 present was accepted as passed, and then the form is gone, so
nobody can correct it"; and "batch approval in the admin refused the nominee
with 7/7 votes and approved three with 6/7".
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import selectors, services
from awards.council_documents import minutes_context, minutes_docx, minutes_pdf
from awards.models import (
    Nomination,
    OpenBallot,
    SecretBallotReceipt,
    SecretTally,
    WrittenOpinion,
)
from phongquang_portal.core.activity import history_for
from phongquang_portal.core.models import ActivityLog
from tests.factories import PersonFactory, UnitFactory, unit_head
from tests.pdfcheck import find_line, pdf_lines
from tests.scoring.builders import campaign_with_criteria, sheet_with_points
from units.enums import Sex

from .factories import (
    CLOSE_REASON,
    AwardKindFactory,
    NominationFactory,
    ballot_meeting,
    council_of,
    set_state,
    voted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(db):
    return council_of(7)


@pytest.fixture
def checked(draft):
    return set_state(draft, "checked")


def open_meeting(plan, members, office_user, *, mode="secret", present=None):
    return ballot_meeting(
        plan,
        [],
        members=members,
        present=present,
        actor=office_user,
        mode=mode,
        close=False,
    )


# --- The tally is computed from the ballots, never typed ------------------------


def test_ballot_tally_is_computed_member_by_member(plan, members, office_user, checked):
    """The reported "5 for, 1 against, 0 abstain of 7" is now each member's ballot."""
    meeting = open_meeting(plan, members, office_user)
    for member, choice in zip(members, ["for"] * 5 + ["against"], strict=False):
        services.ballot_cast(nomination=checked, member=member, choice=choice)

    assert selectors.ballot_tally(checked) == {
        "for": 5,
        "against": 1,
        "abstain": 0,
        "present": 7,
    }
    services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)
    checked.refresh_from_db()
    assert (checked.state, checked.votes_for, checked.votes_against) == (
        "voted",
        5,
        1,
    )
    assert (checked.members_present, checked.council_passed) == (7, True)
    entry = ActivityLog.objects.get(action="awards.nomination.voted")
    assert (entry.from_state, entry.to_state) == ("checked", "voted")


def test_secret_ballot_keeps_the_tally_not_who_voted_how(
    plan, members, office_user, checked
):
    open_meeting(plan, members, office_user)
    services.ballot_cast(nomination=checked, member=members[0], choice="against")
    services.ballot_cast(nomination=checked, member=members[1], choice="for")

    tally = SecretTally.objects.get(nomination=checked)
    assert (tally.votes_for, tally.votes_against) == (1, 1)
    receipts = SecretBallotReceipt.objects.filter(nomination=checked)
    assert {r.member_id for r in receipts} == {members[0].pk, members[1].pk}
    # No row ties a member to a choice: the receipt has no choice, the tally no member.
    assert not OpenBallot.objects.exists()
    assert {f.name for f in SecretBallotReceipt._meta.fields} == {
        "id",
        "meeting",
        "nomination",
        "member",
    }
    assert "member" not in {f.name for f in SecretTally._meta.fields}
    logged = ActivityLog.objects.filter(action="awards.ballot.cast_secret")
    assert all("choice" not in e.data for e in logged)


def test_a_second_secret_ballot_is_refused(plan, members, office_user, checked):
    open_meeting(plan, members, office_user)
    services.ballot_cast(nomination=checked, member=members[0], choice="for")

    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[0], choice="against")

    assert refused.value.code == "already_voted"
    assert selectors.ballot_tally(checked)["for"] == 1
    assert selectors.ballot_tally(checked)["against"] == 0


def test_an_open_vote_replaced_before_closing_counts_once(
    plan, members, office_user, checked
):
    meeting = open_meeting(plan, members, office_user, mode="open")
    services.ballot_cast(nomination=checked, member=members[0], choice="against")
    services.ballot_cast(nomination=checked, member=members[0], choice="for")

    assert OpenBallot.objects.get(member=members[0]).choice == "for"
    assert selectors.ballot_tally(checked) == {
        "for": 1,
        "against": 0,
        "abstain": 0,
        "present": 7,
    }
    services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[0], choice="against")
    assert refused.value.code == "meeting_closed"
    assert OpenBallot.objects.get(member=members[0]).choice == "for"


def test_after_closing_nothing_changes(plan, members, office_user, checked):
    meeting = open_meeting(plan, members[:7], office_user, present=members[:6])
    services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)

    with pytest.raises(ValidationError) as ballot:
        services.ballot_cast(nomination=checked, member=members[1], choice="for")
    with pytest.raises(ValidationError) as opinion:
        services.written_opinion_record(
            meeting=meeting, member=members[6], text="Đồng ý", actor=office_user
        )
    with pytest.raises(ValidationError) as attendance:
        services.meeting_attendance_record(
            meeting=meeting, present=members, actor=office_user
        )
    with pytest.raises(ValidationError) as again:
        services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)

    assert ballot.value.code == "meeting_closed"
    assert opinion.value.code == "meeting_closed"
    assert attendance.value.code == "attendance_locked"
    assert again.value.code == "invalid_transition"


def test_nobody_votes_before_the_meeting_opens(plan, members, office_user, checked):
    services.council_meeting_record(
        campaign=plan,
        held_on=datetime.date(2025, 12, 18),
        present=members,
        actor=office_user,
    )
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[0], choice="for")
    assert refused.value.code == "not_on_agenda"


def test_a_ballot_must_be_for_against_or_abstain(plan, members, office_user, checked):
    open_meeting(plan, members, office_user)
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[0], choice="yes")
    assert refused.value.code == "ballot_choice"


def test_nomination_record_vote_takes_no_typed_numbers(checked, office_user):
    with pytest.raises(TypeError):
        services.nomination_record_vote(
            nomination=checked, actor=office_user, votes_for=5
        )
    with pytest.raises(ValidationError) as refused:
        services.nomination_record_vote(nomination=checked, actor=office_user)
    assert refused.value.code == "meeting_not_closed"


# --- Who runs a meeting ---------------------------------------------------------


@pytest.mark.parametrize("who", ["council_user", "chairman", "hamlet_head"])
def test_only_the_chair_or_the_office_open_and_close(
    who, request, plan, members, office_user, checked
):
    meeting = services.council_meeting_record(
        campaign=plan,
        held_on=datetime.date(2025, 12, 18),
        present=members,
        actor=office_user,
    )
    actor = request.getfixturevalue(who)
    with pytest.raises(ValidationError) as refused:
        services.meeting_open(meeting=meeting, actor=actor)
    assert refused.value.code == "permission_denied"

    services.meeting_open(meeting=meeting, actor=members[0])  # the chair
    with pytest.raises(ValidationError) as refused:
        services.meeting_close(meeting=meeting, actor=actor, reason=CLOSE_REASON)
    assert refused.value.code == "permission_denied"
    meeting.refresh_from_db()
    assert meeting.chair == members[0]


def test_the_chair_records_a_meeting_a_plain_member_does_not(plan, members):
    with pytest.raises(ValidationError) as refused:
        services.council_meeting_record(
            campaign=plan, held_on=datetime.date(2025, 12, 18), actor=members[1]
        )
    assert refused.value.code == "permission_denied"
    meeting = services.council_meeting_record(
        campaign=plan, held_on=datetime.date(2025, 12, 18), actor=members[0]
    )
    assert meeting.secretary == members[0]


# --- Recusal ----------------------------------------------------------------------


def test_a_member_of_the_proposing_unit_does_not_vote_and_the_tally_knows(
    plan, members, office_user, checked, hamlet
):
    PersonFactory(unit=hamlet, user=members[2])  # lives in the proposing hamlet
    meeting = open_meeting(plan, members, office_user)

    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[2], choice="for")

    assert refused.value.code == "recused"
    for member in members[:2] + members[3:6]:
        services.ballot_cast(nomination=checked, member=member, choice="for")
    services.ballot_cast(nomination=checked, member=members[6], choice="against")
    assert selectors.ballot_tally(checked) == {
        "for": 5,
        "against": 1,
        "abstain": 0,
        "present": 6,  # 7 present, one recused
    }
    services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)
    context = minutes_context(meeting)
    assert [r["member"] for r in context["recusals"]] == [
        members[2].last_name + " " + members[2].first_name
    ]
    assert context["rows"][0].voting == 6


@pytest.mark.parametrize("tie", ["nominee", "heads_nominee", "heads_proposing"])
def test_the_nominee_or_the_head_of_a_unit_concerned_does_not_vote(
    tie, plan, members, office_user, make_nomination
):
    member = members[3]
    if tie == "nominee":
        nomination = make_nomination("person")
        Nomination.objects.filter(pk=nomination.pk)
        person = nomination.nominee_person
        person.user = member
        person.save(update_fields=["user"])
    else:
        nomination = make_nomination("unit")
        if tie == "heads_proposing":
            team = UnitFactory(parent=nomination.nominee_unit)
            proposing = nomination.nominee_unit
            Nomination.objects.filter(pk=nomination.pk).update(nominee_unit=team)
            nomination.refresh_from_db()
            target = proposing
        else:
            target = nomination.nominee_unit
        from phongquang_portal.core.permissions import SYSTEM
        from units.enums import Role
        from units.services import membership_grant

        membership_grant(
            user=member, role=Role.UNIT_HEAD, unit=target, actor=SYSTEM, reason="x"
        )
    set_state(nomination, "checked")
    open_meeting(plan, members, office_user)

    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=nomination, member=member, choice="for")

    assert refused.value.code == "recused"


def test_the_meeting_page_says_why_a_member_does_not_vote(
    client, plan, members, office_user, checked, hamlet
):
    PersonFactory(unit=hamlet, user=members[2])
    meeting = open_meeting(plan, members, office_user)
    client.force_login(members[2])

    body = client.get(reverse("awards:meeting", args=[meeting.pk])).content.decode()

    assert 'class="small my-recusal"' in body
    assert "tập thể được đề nghị" in body


# --- Written opinions ---------------------------------------------------------------


def test_an_absent_member_sends_a_written_opinion_apart_from_the_ballots(
    client, plan, members, office_user, checked
):
    meeting = open_meeting(plan, members, office_user, present=members[:6])
    client.force_login(members[6])
    response = client.post(
        reverse("awards:meeting_opinion", args=[meeting.pk]),
        {"nomination": checked.pk, "text": "Nhất trí khen thưởng"},
    )
    assert response.status_code == 302
    opinion = WrittenOpinion.objects.get()
    assert (opinion.member, opinion.nomination, opinion.text) == (
        members[6],
        checked,
        "Nhất trí khen thưởng",
    )
    assert selectors.ballot_tally(checked)["for"] == 0

    with pytest.raises(ValidationError) as refused:
        services.written_opinion_record(
            meeting=meeting, member=members[0], text="x", actor=members[0]
        )
    assert refused.value.code == "member_present"
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=checked, member=members[6], choice="for")
    assert refused.value.code == "absent"


def test_a_member_does_not_write_an_opinion_for_another(
    plan, members, office_user, checked
):
    meeting = open_meeting(plan, members, office_user, present=members[:5])
    with pytest.raises(ValidationError) as refused:
        services.written_opinion_record(
            meeting=meeting, member=members[6], text="x", actor=members[5]
        )
    assert refused.value.code == "permission_denied"
    services.written_opinion_record(
        meeting=meeting, member=members[6], text="Ý kiến gửi qua thư", actor=office_user
    )
    assert WrittenOpinion.objects.get().recorded_by == office_user


# --- The board's order and its tie rule (Decree 152/2025 Art. 4) --------------------


@pytest.fixture
def scored():
    campaign = campaign_with_criteria()
    return campaign, AwardKindFactory(campaign=campaign)


def _collective(kind, *, votes, points, women=0, men=0):
    unit = UnitFactory(kind="hamlet")
    sheet_with_points(kind.campaign, {"A.1": 0, "D.2": points}, unit=unit)
    for _ in range(women):
        PersonFactory(unit=unit, sex=Sex.FEMALE)
    for _ in range(men):
        PersonFactory(unit=unit, sex=Sex.MALE)
    nomination = NominationFactory(
        award_kind=kind, nominee_unit=unit, proposing_unit=unit
    )
    return voted(nomination, votes_for=votes, present=9)


def _person(kind, *, votes, sex, submitted=None):
    person = PersonFactory(sex=sex)
    nomination = NominationFactory(
        award_kind=kind,
        nominee_unit=None,
        nominee_person=person,
        proposing_unit=person.unit,
    )
    voted(nomination, votes_for=votes, present=9)
    if submitted:
        Nomination.objects.filter(pk=nomination.pk).update(submitted_at=submitted)
    return nomination


def test_on_equal_votes_and_score_a_collective_of_70_percent_women_comes_first(
    scored,
):
    _campaign, kind = scored
    men = _collective(kind, votes=6, points=50, women=6, men=4)  # 60 %: not first
    women = _collective(kind, votes=6, points=50, women=7, men=3)  # 70 %: first
    board = selectors.council_board(kind.campaign, kind=kind)

    assert [n.pk for n in board] == [women.pk, men.pk]
    assert board[0].above_reason == "women"
    assert "Nghị định 152/2025" in str(board[0].above_label) or "152/2025" in str(
        board[0].above_label
    )


def test_on_equal_votes_a_woman_comes_first_then_the_earlier_dossier(scored):
    _campaign, kind = scored
    early = datetime.datetime(2025, 12, 1, tzinfo=datetime.UTC)
    late = datetime.datetime(2025, 12, 5, tzinfo=datetime.UTC)
    man_early = _person(kind, votes=6, sex=Sex.MALE, submitted=early)
    man_late = _person(kind, votes=6, sex=Sex.MALE, submitted=late)
    woman_late = _person(kind, votes=6, sex=Sex.FEMALE, submitted=late)
    more_votes = _person(kind, votes=7, sex=Sex.MALE, submitted=late)

    board = selectors.council_board(kind.campaign, kind=kind)

    assert [n.pk for n in board] == [
        more_votes.pk,
        woman_late.pk,
        man_early.pk,
        man_late.pk,
    ]
    assert [n.above_reason for n in board] == ["votes", "women", "submitted", ""]


def test_the_board_page_shows_why_a_row_is_above_the_next(client, scored, office_user):
    _campaign, kind = scored
    _collective(kind, votes=7, points=40)
    _collective(kind, votes=6, points=70)
    _collective(kind, votes=6, points=50, women=8, men=1)
    _collective(kind, votes=6, points=50)
    client.force_login(office_user)

    body = client.get(
        reverse("awards:council") + f"?campaign={kind.campaign_id}"
    ).content.decode()

    import re

    assert re.findall(r'data-above="(\w*)"', body) == ["votes", "score", "women", ""]
    assert 'id="board-rule"' in body


def test_the_reasons_carry_across_pages(scored):
    _campaign, kind = scored
    _collective(kind, votes=6, points=50, women=8)
    _collective(kind, votes=6, points=50, men=8)

    first = selectors.council_board_page(kind.campaign, kind=kind, per_page=1)

    assert first.object_list[0].above_reason == "women"


# --- The chairman approves in the council's order -------------------------------------


def test_batch_approval_takes_the_boards_order_and_says_who_was_refused(
    client, chairman, scored
):
    """The reported case: 7/7 refused while three 6/7 were approved."""
    _campaign, kind = scored
    sixes = [_collective(kind, votes=6, points=50 + i) for i in range(3)]
    seven = _collective(kind, votes=7, points=40)
    assert seven.pk > max(n.pk for n in sixes)  # the highest id: last by id
    client.force_login(chairman)

    response = client.post(
        reverse("admin:awards_nomination_changelist"),
        {
            "action": "approve_selected",
            "_selected_action": [n.pk for n in [*sixes, seven]],
        },
        follow=True,
    )

    states = {n.pk: Nomination.objects.get(pk=n.pk).state for n in [*sixes, seven]}
    assert states[seven.pk] == "approved"
    assert states[sixes[2].pk] == "approved"  # 6 votes, the best score of the three
    assert states[sixes[0].pk] == states[sixes[1].pk] == "voted"
    body = response.content.decode()
    assert "(2/2)" in body  # why: the quota is reached
    assert sixes[0].nominee_unit.name in body and sixes[1].nominee_unit.name in body


def test_in_board_order_puts_the_councils_choice_first(scored):
    _campaign, kind = scored
    low = _collective(kind, votes=5, points=90)
    high = _collective(kind, votes=8, points=10)
    assert [n.pk for n in selectors.in_board_order([low, high])] == [high.pk, low.pk]


# --- The minutes --------------------------------------------------------------------


@pytest.fixture
def closed_meeting(plan, members, office_user, checked, hamlet):
    PersonFactory(unit=hamlet, user=members[2])
    meeting = ballot_meeting(
        plan,
        [(checked, (3, 1, 1))],
        members=members,
        present=members[:6],
        actor=office_user,
        close=False,
    )
    services.written_opinion_record(
        meeting=meeting,
        member=members[6],
        nomination=checked,
        text="Đề nghị xem xét thêm số liệu.",
        actor=office_user,
    )
    services.meeting_close(meeting=meeting, actor=members[0], reason=CLOSE_REASON)
    meeting.refresh_from_db()
    return meeting


def test_minutes_pdf_lists_attendance_tally_result_recusals_opinions_and_signers(
    closed_meeting, members, checked
):
    lines = pdf_lines(minutes_pdf(closed_meeting))
    text = "\n".join(line.text for line in lines)

    assert find_line(lines, "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG").bold
    assert "Thành viên có mặt: 6/7" in text
    assert "Hình thức biểu quyết" in text and "bỏ phiếu kín" in text
    first = find_line(lines, "1 " + checked.nominee_name)
    row = " ".join(
        line.text
        for line in sorted(lines, key=lambda line: line.x0)
        if line.page == first.page and abs(line.top - first.top) < 3
    )
    assert row.endswith("3 1 1 5 Đạt")
    assert "không tham gia biểu quyết đối với hồ sơ" in text
    assert "Đề nghị xem xét thêm số liệu." in text
    secretary = find_line(lines, "THƯ KÝ")
    chair = find_line(lines, "CHỦ TRÌ")
    assert secretary.x1 < chair.x0  # side by side: secretary left, chair right
    chair_name = members[0].last_name + " " + members[0].first_name
    secretary_name = office_name(closed_meeting)
    assert find_line(lines, chair_name).top > chair.top
    assert find_line(lines, secretary_name, page=chair.page).top == pytest.approx(
        find_line(lines, chair_name, page=chair.page).top, abs=2
    )


def office_name(meeting):
    from phongquang_portal.core.names import user_display_name

    return user_display_name(meeting.secretary)


def test_minutes_docx_carries_the_same_record(closed_meeting, checked):
    from docx import Document

    document = Document(io.BytesIO(minutes_docx(closed_meeting)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]

    assert "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text
    assert "Thành viên có mặt: 6/7" in text
    assert checked.nominee_name in cells and "Đạt" in cells
    # The signatures: titles side by side in one row, names in the next (issue 17).
    assert "THƯ KÝ" in cells[-4] and "CHỦ TRÌ" in cells[-3]
    assert "Đề nghị xem xét thêm số liệu." in text
    for table in document.tables[1:-1]:
        for row in table.rows:
            assert (
                row._tr.trPr.find(
                    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
                )
                is not None
            )


def test_minutes_only_once_the_meeting_is_closed(
    client, plan, members, office_user, checked
):
    meeting = open_meeting(plan, members, office_user)
    client.force_login(office_user)
    url = reverse("awards:meeting_minutes_pdf", args=[meeting.pk])
    assert client.get(url).status_code == 404
    services.meeting_close(meeting=meeting, actor=office_user, reason=CLOSE_REASON)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


# --- Typed tallies from before ----------------------------------------------------


def test_meetings_recorded_before_ballots_are_history_with_typed_tallies(
    plan, office_user, draft
):
    import importlib

    from django.apps import apps

    from awards.models import CouncilMeeting

    migration = importlib.import_module("awards.migrations.0009_council_ballots")
    meeting = CouncilMeeting.objects.create(
        campaign=plan,
        held_on=datetime.date(2025, 12, 1),
        members_total=7,
        members_present=7,
    )
    Nomination.objects.filter(pk=draft.pk).update(
        state="voted",
        meeting=meeting,
        votes_for=5,
        votes_against=1,
        votes_abstain=0,
        members_present=7,
        council_passed=True,
    )
    migration.typed_meetings_are_history(apps, None)
    meeting.refresh_from_db()
    draft.refresh_from_db()

    assert (meeting.state, meeting.typed_tallies) == ("closed", True)
    assert selectors.ballot_tally(draft) == {
        "for": 5,
        "against": 1,
        "abstain": 0,
        "present": 7,
    }


def test_the_meeting_history_reads_as_sentences(closed_meeting):
    actions = [e.action for e in history_for(closed_meeting)]
    assert "awards.council.meeting_opened" in actions
    assert "awards.council.meeting_closed" in actions
    from phongquang_portal.core.actions import action_label

    assert all(action_label(a) != a for a in actions)


def test_scores_on_the_board_have_two_decimals(scored):
    _campaign, kind = scored
    _collective(kind, votes=6, points=Decimal("50.5"))
    (row,) = selectors.council_board(kind.campaign, kind=kind)
    assert str(row.score) == "50.50"


def test_unit_head_fixture_is_not_a_member(hamlet):
    head = unit_head(hamlet, username="not_member")
    from phongquang_portal.core.permissions import has_perm

    assert not has_perm(head, "awards.record_votes")
