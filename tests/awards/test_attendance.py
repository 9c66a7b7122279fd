"""Council attendance is locked once a vote is recorded; sizes are bounded (issue 8)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from awards import services
from awards.models import CouncilMeeting
from phongquang_portal.core.activity import history_for

from .factories import set_state

pytestmark = pytest.mark.django_db
REASON = "Ghi nhầm số thành viên có mặt"


@pytest.fixture
def meeting(plan, office_user):
    return services.council_meeting_record(
        campaign=plan,
        held_on=datetime.date(2025, 12, 18),
        members_total=9,
        members_present=7,
        actor=office_user,
    )


def correct(meeting, actor, total=9, present=8, reason=REASON):
    return services.council_attendance_change(
        meeting=meeting,
        actor=actor,
        reason=reason,
        members_total=total,
        members_present=present,
    )


def vote(nomination, council_user, present=7):
    services.nomination_record_vote(
        nomination=nomination,
        actor=council_user,
        votes_for=present,
        votes_against=0,
        abstain=0,
        members_present=present,
    )


def test_attendance_change_before_any_vote_logs_old_and_new(meeting, office_user):
    correct(meeting, office_user, present=8)
    meeting.refresh_from_db()
    assert meeting.members_present == 8
    entry = history_for(meeting).first()
    assert entry.action == "awards.council.attendance_changed"
    assert entry.reason == REASON
    assert entry.data["changes"]["members_present"] == {
        "label": "số thành viên có mặt",
        "old": "7",
        "new": "8",
    }


def test_attendance_change_after_a_vote_refused(
    meeting, office_user, council_user, draft
):
    """Issue 8: members_present was changed in the admin after the votes."""
    set_state(draft, "checked")
    vote(draft, council_user)
    with pytest.raises(ValidationError) as refused:
        correct(meeting, office_user, present=9)
    assert refused.value.code == "attendance_locked"
    meeting.refresh_from_db()
    assert (meeting.members_total, meeting.members_present) == (9, 7)


@pytest.mark.parametrize(
    ("total", "present", "code"),
    [
        (40000, 30000, "members_total"),
        (0, 0, "members_total"),
        (9, 10, "present"),
        (9, 5, "quorum"),
        (9, 7, "no_change"),
    ],
)
def test_attendance_change_out_of_bounds_refused(
    total, present, code, meeting, office_user
):
    with pytest.raises(ValidationError) as refused:
        correct(meeting, office_user, total=total, present=present)
    assert refused.value.code == code


def test_attendance_change_without_reason_refused(meeting, office_user):
    with pytest.raises(ValidationError) as refused:
        correct(meeting, office_user, reason="")
    assert refused.value.code == "reason_required"


@pytest.mark.parametrize("who", ["council_user", "chairman", "sysadmin"])
def test_attendance_change_by_non_office_refused(who, request, meeting):
    with pytest.raises(ValidationError) as refused:
        correct(meeting, request.getfixturevalue(who))
    assert refused.value.code == "permission_denied"


def test_meeting_of_40000_members_refused_by_service(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        services.council_meeting_record(
            campaign=plan,
            held_on=datetime.date(2025, 12, 18),
            members_total=40000,
            members_present=30000,
            actor=office_user,
        )
    assert refused.value.code == "members_total"


def test_council_size_40000_gives_vietnamese_form_error(client, plan, office_user):
    """Issue 8: council size 40000 answered 500 (smallint)."""
    client.force_login(office_user)
    response = client.post(
        reverse("awards:council") + f"?campaign={plan.pk}",
        {
            "campaign": plan.pk,
            "meeting-held_on": "2025-12-18",
            "meeting-members_total": "40000",
            "meeting-members_present": "30000",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hãy nhập một số không lớn hơn 99." in body
    assert 'value="40000"' in body
    assert not CouncilMeeting.objects.exists()


def test_vote_counts_of_40000_give_vietnamese_message(
    client, council_user, draft, meeting
):
    set_state(draft, "checked")
    client.force_login(council_user)
    response = client.post(
        reverse("awards:vote", args=[draft.pk]),
        {
            "votes_for": "40000",
            "votes_against": "0",
            "abstain": "0",
            "members_present": "7",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Hãy nhập một số không lớn hơn 99." in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == "checked"


def test_vote_counts_over_the_bound_refused_by_service(draft, council_user, meeting):
    set_state(draft, "checked")
    with pytest.raises(ValidationError) as refused:
        services.nomination_record_vote(
            nomination=draft,
            actor=council_user,
            votes_for=40000,
            votes_against=0,
            abstain=0,
            members_present=40000,
        )
    assert refused.value.code == "vote_range"


def test_council_size_over_the_bound_refused_by_the_database(meeting):
    with pytest.raises(IntegrityError), transaction.atomic():
        CouncilMeeting.objects.filter(pk=meeting.pk).update(
            members_total=100, members_present=50
        )


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
            "held_on": "2025-12-18",
            "members_present": "3",
            "notes": "Họp bổ sung",
            "_save": "1",
        },
    )
    meeting.refresh_from_db()
    assert (meeting.members_present, meeting.notes) == (7, "Họp bổ sung")


def test_admin_attendance_page_changes_through_the_service(
    client, office_user, meeting
):
    client.force_login(office_user)
    response = client.post(
        reverse("admin:awards_councilmeeting_attendance", args=[meeting.pk]),
        {"members_total": "9", "members_present": "8", "reason": REASON},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.members_present == 8
    assert history_for(meeting).first().action == "awards.council.attendance_changed"


def test_admin_attendance_page_after_votes_refused(
    client, office_user, council_user, meeting, draft
):
    set_state(draft, "checked")
    vote(draft, council_user)
    client.force_login(office_user)
    url = reverse("admin:awards_councilmeeting_attendance", args=[meeting.pk])
    response = client.post(
        url, {"members_total": "9", "members_present": "9", "reason": REASON}
    )
    assert response.status_code == 200
    assert "không thể thay đổi số thành viên nữa" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.members_present == 7
