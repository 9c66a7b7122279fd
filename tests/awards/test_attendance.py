"""Council attendance, member by member; fixed once the voting opens (issues 8 and 10)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards import services
from awards.models import CouncilMeeting, MeetingAttendance, SecretTally
from phongquang_portal.core.activity import history_for

from .factories import ballot_meeting, council_of, set_state

pytestmark = pytest.mark.django_db
REASON = "Ghi nhầm thành viên có mặt"


@pytest.fixture
def members(db):
    return council_of(9)


@pytest.fixture
def meeting(plan, office_user, members):
    return services.council_meeting_record(
        campaign=plan,
        held_on=datetime.date(2025, 12, 18),
        present=members[:7],
        actor=office_user,
    )


def test_a_meeting_records_every_council_member_present_or_not(meeting, members):
    rows = {a.member_id: a.present for a in MeetingAttendance.objects.all()}
    assert rows == {m.pk: i < 7 for i, m in enumerate(members)}
    assert (meeting.members_total, meeting.members_present) == (9, 7)
    assert meeting.state == "preparing"


def test_attendance_change_logs_who_came_and_who_left(meeting, members, office_user):
    services.meeting_attendance_record(
        meeting=meeting,
        present=[*members[1:7], members[8]],
        actor=office_user,
        reason=REASON,
    )
    meeting.refresh_from_db()
    assert meeting.members_present == 7
    entry = history_for(meeting).first()
    assert entry.action == "awards.council.attendance_recorded"
    assert entry.reason == REASON
    assert len(entry.data["present"]) == 1 and len(entry.data["absent"]) == 1


def test_the_chair_takes_the_attendance_too(meeting, members):
    services.meeting_attendance_record(
        meeting=meeting, present=members[:8], actor=members[0]
    )
    meeting.refresh_from_db()
    assert meeting.members_present == 8


@pytest.mark.parametrize("who", ["council_user", "chairman", "sysadmin", "hamlet_head"])
def test_attendance_by_others_refused(who, request, meeting, members):
    with pytest.raises(ValidationError) as refused:
        services.meeting_attendance_record(
            meeting=meeting, present=members, actor=request.getfixturevalue(who)
        )
    assert refused.value.code == "permission_denied"


def test_attendance_of_someone_outside_the_council_refused(
    meeting, office_user, hamlet_head
):
    with pytest.raises(ValidationError) as refused:
        services.meeting_attendance_record(
            meeting=meeting, present=[hamlet_head], actor=office_user
        )
    assert refused.value.code == "not_a_member"


def test_attendance_fixed_once_the_voting_opens(meeting, members, office_user, draft):
    set_state(draft, "checked")
    services.meeting_open(meeting=meeting, actor=office_user)
    with pytest.raises(ValidationError) as refused:
        services.meeting_attendance_record(
            meeting=meeting, present=members, actor=office_user
        )
    assert refused.value.code == "attendance_locked"


def test_a_meeting_without_a_council_refused(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        services.council_meeting_record(
            campaign=plan, held_on=datetime.date(2025, 12, 18), actor=office_user
        )
    assert refused.value.code == "no_council"


def test_tallies_over_the_bound_refused_by_the_database(
    plan, office_user, members, draft
):
    set_state(draft, "checked")
    ballot_meeting(plan, [(draft, (1, 0, 0))], members=members, actor=office_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        SecretTally.objects.update(votes_for=100)


def test_council_size_over_the_bound_refused_by_the_database(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilMeeting.objects.filter(pk=meeting.pk).update(
            members_total=100, members_present=50
        )


def test_no_typed_tally_anywhere(client, plan, office_user, members, draft):
    """Issue 10: the typed "5 for, 1 against" form is gone from the board and the dossier."""
    set_state(draft, "checked")
    ballot_meeting(
        plan, [], members=members, actor=office_user, close=False
    )  # draft is put to the open meeting
    client.force_login(members[1])
    for url in (
        reverse("awards:council") + f"?campaign={plan.pk}",
        reverse("awards:detail", args=[draft.pk]),
    ):
        body = client.get(url).content.decode()
        assert 'name="votes_for"' not in body
        assert 'name="members_present"' not in body
    body = client.get(reverse("awards:detail", args=[draft.pk])).content.decode()
    assert 'name="choice" value="for"' in body


def test_admin_change_page_shows_attendance_read_only(client, office_user, meeting):
    client.force_login(office_user)
    url = reverse("admin:awards_councilmeeting_change", args=[meeting.pk])
    body = client.get(url).content.decode()
    assert 'name="members_present"' not in body
    assert 'name="members_total"' not in body
    assert reverse("admin:awards_councilmeeting_attendance", args=[meeting.pk]) in body
    client.post(
        url,
        {
            "members_present": "3",
            "notes": "Họp bổ sung",
            "attendance-TOTAL_FORMS": "0",
            "attendance-INITIAL_FORMS": "0",
            "_save": "1",
        },
    )
    meeting.refresh_from_db()
    assert (meeting.members_present, meeting.notes) == (7, "Họp bổ sung")


def test_admin_attendance_page_changes_through_the_service(
    client, office_user, meeting, members
):
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_councilmeeting_attendance", args=[meeting.pk]),
        {"present": [m.pk for m in members[:8]], "reason": REASON},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.members_present == 8
    entry = history_for(meeting).first()
    assert (entry.action, entry.reason) == (
        "awards.council.attendance_recorded",
        REASON,
    )


def test_admin_attendance_page_after_opening_refused(
    client, office_user, meeting, members, draft
):
    set_state(draft, "checked")
    services.meeting_open(meeting=meeting, actor=office_user)
    client.force_login(office_user)
    url = reverse("admin:awards_councilmeeting_attendance", args=[meeting.pk])
    response = client.post(url, {"present": [m.pk for m in members], "reason": REASON})
    assert response.status_code == 200
    assert (
        'id="attendance-locked"'
        in client.get(
            reverse("admin:awards_councilmeeting_change", args=[meeting.pk])
        ).content.decode()
    )
    meeting.refresh_from_db()
    assert meeting.members_present == 7


def test_recording_a_meeting_on_the_board(client, plan, office_user, members):
    client.force_login(office_user)
    response = client.post(
        reverse("awards:council") + f"?campaign={plan.pk}",
        {
            "campaign": plan.pk,
            "meeting-held_on": "2025-12-18",
            "meeting-ballot_mode": "open",
            "meeting-present": [m.pk for m in members[:6]],
        },
    )
    meeting = CouncilMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:meeting", args=[meeting.pk])
    assert (meeting.ballot_mode, meeting.members_present) == ("open", 6)


def test_a_bad_date_keeps_the_form_with_a_vietnamese_message(
    client, plan, office_user, members
):
    client.force_login(office_user)
    response = client.post(
        reverse("awards:council") + f"?campaign={plan.pk}",
        {"campaign": plan.pk, "meeting-held_on": "40/40/2025"},
    )
    assert response.status_code == 200
    assert "dd/mm/yyyy" in response.content.decode()
    assert not CouncilMeeting.objects.exists()
