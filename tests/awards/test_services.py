import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from awards import services
from awards.enums import NominationState
from awards.models import Nomination
from phongquang_portal.core.activity import history_for
from tests.factories import UnitFactory

from .factories import attach_required, ballot_meeting, council_of, set_state, voted

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def vn(*args):
    return datetime.datetime(*args, tzinfo=VN)


# --- Deadline -------------------------------------------------------------


def test_submit_last_second_of_deadline_day_accepted(draft, hamlet_head):
    with time_machine.travel(vn(2025, 12, 15, 23, 59, 59), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    draft.refresh_from_db()
    assert draft.state == "submitted"


def test_submit_first_second_after_deadline_refused(draft, hamlet_head):
    with (
        time_machine.travel(vn(2025, 12, 16, 0, 0, 0), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    assert "15/12/2025" in refused.value.messages[0]
    assert refused.value.code == "deadline_passed"
    draft.refresh_from_db()
    assert draft.state == "draft"


def test_submit_deadline_judged_in_vietnam_time_not_utc(draft, hamlet_head):
    # 17:00 UTC on 15/12 is already 00:00 on 16/12 in Vietnam.
    utc_moment = datetime.datetime(2025, 12, 15, 17, 0, 0, tzinfo=datetime.UTC)
    with (
        time_machine.travel(utc_moment, tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"


def test_resubmit_after_return_refused_after_deadline(draft, hamlet_head, office_user):
    with time_machine.travel(vn(2025, 12, 10, 9, 0), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
        services.nomination_return(
            nomination=draft, actor=office_user, reason="Thiếu biên bản có chữ ký"
        )
    with (
        time_machine.travel(vn(2025, 12, 16, 8, 0), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    assert refused.value.code == "deadline_passed"
    with time_machine.travel(vn(2025, 12, 15, 23, 0), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    assert Nomination.objects.get(pk=draft.pk).state == "submitted"


@pytest.mark.parametrize(
    "moment", [vn(2025, 12, 16, 0, 0), vn(2026, 3, 1, 10, 0), vn(2027, 1, 1, 0, 0)]
)
def test_submit_ad_hoc_accepted_any_day(moment, make_nomination, dot_xuat, hamlet_head):
    from tests.factories import UnitFactory  # noqa: F401

    nomination = make_nomination("unit", kind=dot_xuat)
    nomination.proposing_unit_id = next(iter(_headed(hamlet_head)))
    nomination.save()
    attach_required(nomination)
    with time_machine.travel(moment, tick=False):
        services.nomination_submit(nomination=nomination, actor=hamlet_head)
    assert Nomination.objects.get(pk=nomination.pk).state == "submitted"


def _headed(user):
    from units.selectors import roles_for

    return roles_for(user).headed_unit_ids


def test_submit_incomplete_dossier_refused_with_missing_documents(
    plan, giay_khen, hamlet, hamlet_head
):
    from .factories import NominationFactory

    nomination = NominationFactory(
        award_kind=giay_khen, nominee_unit=hamlet, proposing_unit=hamlet
    )
    with (
        time_machine.travel(vn(2025, 12, 1, 9, 0), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.nomination_submit(nomination=nomination, actor=hamlet_head)
    assert refused.value.code == "incomplete"
    assert "Biên bản họp xét" in refused.value.messages[0]


# --- Roles ----------------------------------------------------------------


def test_submit_by_other_units_head_refused(draft, other_head):
    with (
        time_machine.travel(vn(2025, 12, 1, 9, 0), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.nomination_submit(nomination=draft, actor=other_head)
    assert refused.value.code == "permission_denied"


@pytest.mark.parametrize("who", ["hamlet_head", "council_user", "chairman"])
def test_check_by_non_office_refused(who, request, draft):
    set_state(draft, "submitted")
    with pytest.raises(ValidationError) as refused:
        services.nomination_check(nomination=draft, actor=request.getfixturevalue(who))
    assert refused.value.code == "permission_denied"


@pytest.mark.parametrize("who", ["hamlet_head", "office_user", "chairman"])
def test_vote_by_non_council_refused(who, request, draft, office_user):
    set_state(draft, "checked")
    members = council_of(3)
    ballot_meeting(draft.campaign, [], members=members, actor=office_user, close=False)
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(
            nomination=draft, member=request.getfixturevalue(who), choice="for"
        )
    assert refused.value.code == "permission_denied"


@pytest.mark.parametrize("who", ["hamlet_head", "office_user", "council_user"])
def test_approve_by_non_chairman_refused(who, request, draft):
    voted(draft)
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(
            nomination=draft, actor=request.getfixturevalue(who)
        )
    assert refused.value.code == "permission_denied"
    assert Nomination.objects.get(pk=draft.pk).state == "voted"


def test_approve_by_superuser_refused_separation_of_duties(draft):
    from tests.factories import UserFactory

    admin = UserFactory(username="root_test", is_superuser=True, is_staff=True)
    voted(draft)
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=draft, actor=admin)
    assert refused.value.code == "permission_denied"
    assert Nomination.objects.get(pk=draft.pk).state == "voted"


def test_approve_by_vice_chairman_accepted(draft):
    from tests.factories import user_with_role
    from units.enums import Role

    vice = user_with_role(Role.VICE_CHAIRMAN, username="phochutich_test")
    voted(draft)
    services.nomination_approve(nomination=draft, actor=vice)
    assert Nomination.objects.get(pk=draft.pk).state == "approved"


def test_vote_by_superuser_refused_separation_of_duties(draft, office_user):
    from tests.factories import UserFactory

    admin = UserFactory(username="root_vote", is_superuser=True, is_staff=True)
    set_state(draft, "checked")
    ballot_meeting(
        draft.campaign, [], members=council_of(3), actor=office_user, close=False
    )
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=draft, member=admin, choice="for")
    assert refused.value.code == "permission_denied"


# --- Full path and the log ----------------------------------------------------


def test_full_path_leaves_one_log_row_per_transition(
    draft, hamlet_head, office_user, council_user, chairman
):
    with time_machine.travel(vn(2025, 12, 1, 9, 0), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    services.nomination_return(
        nomination=draft, actor=office_user, reason="Bổ sung số liệu"
    )
    with time_machine.travel(vn(2025, 12, 2, 9, 0), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    services.nomination_check(nomination=draft, actor=office_user)
    ballot_meeting(
        draft.campaign,
        [(draft, (3, 0, 0))],
        members=[council_user, *council_of(2)],
        actor=office_user,
    )
    services.nomination_approve(nomination=draft, actor=chairman)
    decision = services.decision_issue(
        campaign=draft.campaign,
        award_kind=draft.award_kind,
        number="125",
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )
    rows = [
        (e.actor.username, e.from_state, e.to_state, e.reason)
        for e in sorted(history_for(draft), key=lambda e: e.pk)
        if e.to_state and e.from_state
    ]
    assert rows == [
        ("thon_test", "draft", "submitted", ""),
        ("vanhoa_test", "submitted", "returned", "Bổ sung số liệu"),
        ("thon_test", "returned", "submitted", ""),
        ("vanhoa_test", "submitted", "checked", ""),
        ("vanhoa_test", "checked", "voted", ""),  # counted when closing
        ("chutich_test", "voted", "approved", ""),
        ("vanhoa_test", "approved", "decided", ""),
    ]
    assert all(e.created_at is not None for e in history_for(draft))
    draft.refresh_from_db()
    assert draft.decision == decision
    assert decision.full_number == "125/QĐ-UBND"
    assert draft.prize_amount == 1_410_000  # 0.6 × 2,340,000 rounded up to 10,000


def test_return_without_reason_refused(draft, office_user):
    set_state(draft, "submitted")
    with pytest.raises(ValidationError) as refused:
        services.nomination_return(nomination=draft, actor=office_user, reason="  ")
    assert refused.value.code == "reason_required"


def test_reject_records_reason(draft, chairman):
    voted(draft)
    services.nomination_reject(
        nomination=draft, actor=chairman, reason="Chưa tiêu biểu"
    )
    entry = history_for(draft).first()
    assert (entry.from_state, entry.to_state, entry.reason) == (
        "voted",
        "rejected",
        "Chưa tiêu biểu",
    )


def test_invalid_transition_refused_with_vietnamese_message(draft, office_user):
    with pytest.raises(ValidationError) as refused:
        services.nomination_check(nomination=draft, actor=office_user)
    assert refused.value.code == "invalid_transition"
    assert (
        "Không thể" in refused.value.messages[0] or "không" in refused.value.messages[0]
    )


# --- Council ----------------------------------------------------------------


def test_voting_without_quorum_cannot_open(draft, office_user, plan):
    members = council_of(9)
    set_state(draft, "checked")
    meeting = services.council_meeting_record(
        campaign=plan,
        held_on=datetime.date(2025, 12, 18),
        present=members[:5],
        actor=office_user,
    )
    with pytest.raises(ValidationError) as refused:
        services.meeting_open(meeting=meeting, actor=office_user)
    assert refused.value.code == "quorum"
    services.meeting_attendance_record(
        meeting=meeting, present=members[:6], actor=office_user
    )
    services.meeting_open(meeting=meeting, actor=office_user)
    draft.refresh_from_db()
    assert draft.meeting == meeting


@pytest.mark.parametrize(
    ("votes_for", "present", "passed"), [(4, 6, True), (3, 6, False), (4, 7, True)]
)
def test_vote_passes_with_more_than_half_present(
    votes_for, present, passed, draft, office_user, plan
):
    members = council_of(7)
    set_state(draft, "checked")
    ballot_meeting(
        plan,
        [(draft, (votes_for, present - votes_for, 0))],
        members=members,
        present=members[:present],
        actor=office_user,
    )
    draft.refresh_from_db()
    assert draft.council_passed is passed
    assert (draft.votes_for, draft.members_present) == (votes_for, present)


def test_approve_not_passed_by_council_refused(draft, chairman):
    voted(draft)
    Nomination.objects.filter(pk=draft.pk).update(council_passed=False)
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.nomination_approve(nomination=draft, actor=chairman)
    assert refused.value.code == "not_passed"


def test_an_absent_member_cannot_vote(draft, office_user, plan):
    members = council_of(4)
    set_state(draft, "checked")
    ballot_meeting(
        plan, [], members=members, present=members[:3], actor=office_user, close=False
    )
    with pytest.raises(ValidationError) as refused:
        services.ballot_cast(nomination=draft, member=members[3], choice="for")
    assert refused.value.code == "absent"


# --- From the ranking ---------------------------------------------------------


def test_nominations_from_ranking_creates_drafts_and_skips_existing(
    plan, giay_khen, office_user
):
    hamlet = UnitFactory()
    team = UnitFactory(kind="digital_team", parent=hamlet)
    other = UnitFactory()
    first = services.nominations_from_ranking(
        campaign=plan, unit_ids=[team.pk, other.pk], actor=office_user
    )
    assert [(n.nominee_unit, n.proposing_unit, n.state) for n in first] == [
        (team, hamlet, "draft"),
        (other, other, "draft"),
    ]
    assert all(n.category == "collective" for n in first)
    again = services.nominations_from_ranking(
        campaign=plan, unit_ids=[team.pk, other.pk, hamlet.pk], actor=office_user
    )
    assert [n.nominee_unit for n in again] == [hamlet]
    assert history_for(first[0]).first().action == "awards.nomination.created"


def test_nominations_from_ranking_by_unit_head_refused(plan, hamlet, hamlet_head):
    with pytest.raises(ValidationError) as refused:
        services.nominations_from_ranking(
            campaign=plan, unit_ids=[hamlet.pk], actor=hamlet_head
        )
    assert refused.value.code == "permission_denied"


def test_category_household_is_individual(make_nomination):
    assert make_nomination("household").category == "individual"
    assert make_nomination("person").category == "individual"
    assert make_nomination("unit").category == "collective"


def test_state_values_are_pinned():
    assert list(NominationState.values) == [
        "draft",
        "submitted",
        "returned",
        "checked",
        "voted",
        "approved",
        "rejected",
        "decided",
    ]
