"""Issue 17, the council: minutes that count right, times that are true, secret
ballots that stay secret, a quorum from the council as it is.

Reported: at a meeting with 7 present where 5 voted on a dossier (4 for, 1
against), the minutes said "Số thành viên biểu quyết: 7" and "Thành viên không
tham gia biểu quyết: Không có"; they said "cùng ngày" of a meeting that closed
the next day; the activity log named the member beside the dossier of his
secret ballot; a member whose role was revoked still made the quorum.
"""

import datetime
import io
import re
import unicodedata
import zoneinfo

import pytest
import time_machine
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from docx import Document

from awards import services
from awards.council_documents import minutes_docx, minutes_pdf
from awards.models import CouncilMeeting, Nomination, SecretBallotReceipt
from phongquang_portal.core.models import ActivityLog
from phongquang_portal.core.names import user_display_name
from tests.factories import UnitFactory
from tests.pdfcheck import pdf_lines
from units.enums import Role
from units.models import Membership
from units.services import membership_revoke

from .factories import NominationFactory, council_of, set_state

pytestmark = pytest.mark.django_db

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
HELD_ON = datetime.date(2026, 2, 3)


def at(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN)


def nfc(text):
    return unicodedata.normalize("NFC", text)


def pdf_text(meeting):
    return nfc("\n".join(line.text for line in pdf_lines(minutes_pdf(meeting))))


def docx_text(meeting):
    document = Document(io.BytesIO(minutes_docx(meeting)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return nfc("\n".join([p.text for p in document.paragraphs] + cells))


@pytest.fixture
def members(db):
    return council_of(7)


@pytest.fixture
def dossier(draft):
    return set_state(draft, "checked")


def record(plan, members, office_user, *, mode="secret", present=None):
    return services.council_meeting_record(
        campaign=plan,
        held_on=HELD_ON,
        actor=office_user,
        ballot_mode=mode,
        present=members if present is None else present,
    )


def sit(meeting, actor, *, day=HELD_ON, hour=8, minute=5):
    with time_machine.travel(at(day, hour, minute), tick=False):
        services.meeting_open(meeting=meeting, actor=actor)


def close(meeting, actor, *, when, reason=""):
    with time_machine.travel(when, tick=False):
        services.meeting_close(meeting=meeting, actor=actor, reason=reason)
    meeting.refresh_from_db()
    return meeting


def five_of_seven(dossier, members):
    """The reported meeting: 7 present, 5 voted (4 for, 1 against)."""
    for member, choice in zip(members[:5], ["for"] * 4 + ["against"], strict=True):
        services.ballot_cast(nomination=dossier, member=member, choice=choice)


# --- 1. Minutes that count right -----------------------------------------------------


@pytest.mark.parametrize("mode", ["secret", "open"])
def test_minutes_count_only_members_who_cast_a_ballot(
    mode, plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user, mode=mode)
    sit(meeting, office_user)
    five_of_seven(dossier, members)
    close(
        meeting,
        members[0],
        when=at(HELD_ON, 10, 30),
        reason="Hai thành viên xin về trước khi biểu quyết.",
    )
    dossier.refresh_from_db()
    # The result keeps the law's rule: more than half of the 7 who may vote.
    assert (dossier.votes_for, dossier.members_present) == (4, 7)
    assert dossier.council_passed is True
    late = [user_display_name(m) for m in members[5:]]
    assert "Số thành viên đã biểu quyết" in docx_text(meeting)
    for text in (pdf_text(meeting), docx_text(meeting)):
        text = " ".join(text.split())
        assert "Số thành viên biểu quyết" not in text
        assert "5/7 thành viên được biểu quyết đã bỏ phiếu" in text
        assert "2 thành viên có mặt không bỏ phiếu" in text
        assert "Hai thành viên xin về trước khi biểu quyết." in text
        if mode == "open":
            assert all(name in text for name in late)
        else:
            # A secret ballot never says who voted on what: no names, the count.
            assert "bỏ phiếu kín, không ghi tên" in text
    lines = pdf_lines(minutes_pdf(meeting))
    result = next(line for line in lines if line.text == "Đạt")
    row = " ".join(
        line.text
        for line in sorted(lines, key=lambda line: line.x0)
        if line.page == result.page and abs(line.top - result.top) < 3
    )
    assert row.endswith("4 1 0 5 Đạt")


def test_minutes_name_recused_members_as_recused(
    plan, members, office_user, dossier, hamlet
):
    from tests.factories import PersonFactory

    PersonFactory(unit=hamlet, user=members[6])
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    for member in members[:6]:
        services.ballot_cast(nomination=dossier, member=member, choice="for")
    close(meeting, office_user, when=at(HELD_ON, 10))
    text = pdf_text(meeting)
    name = user_display_name(members[6])
    assert f"{name} không tham gia biểu quyết đối với hồ sơ" in text
    assert "đã bỏ phiếu;" not in text  # all six who may vote did
    assert meeting.close_reason == ""


def test_closing_with_ballots_missing_asks_why_and_logs_it(
    plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    five_of_seven(dossier, members)
    with pytest.raises(ValidationError) as refused:
        services.meeting_close(meeting=meeting, actor=members[0])
    assert refused.value.code == "ballots_missing"
    assert "2" in refused.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.state == "open"

    close(meeting, members[0], when=at(HELD_ON, 11), reason="Hết giờ họp.")
    assert meeting.close_reason == "Hết giờ họp."
    entry = ActivityLog.objects.get(action="awards.council.meeting_closed")
    assert (entry.reason, entry.data["ballots_missing"]) == ("Hết giờ họp.", 2)


def test_meeting_page_asks_the_chair_to_confirm_closing(
    client, plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    five_of_seven(dossier, members)
    client.force_login(members[0])
    url = reverse("awards:meeting_close", args=[meeting.pk])

    step = client.post(url)
    assert step.status_code == 200
    page = nfc(step.content.decode())
    assert 'id="confirm-step"' in page and 'name="reason"' in page
    meeting.refresh_from_db()
    assert meeting.state == "open"

    # Confirmed without a reason: asked again, still open.
    again = client.post(url, {"confirmed": "1", "reason": " "})
    assert again.status_code == 200
    meeting.refresh_from_db()
    assert meeting.state == "open"

    done = client.post(url, {"confirmed": "1", "reason": "Hết giờ họp."})
    assert done.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.state, meeting.close_reason) == ("closed", "Hết giờ họp.")


# --- 2. Times that are true ----------------------------------------------------------


def test_minutes_print_the_real_start_and_the_end_on_another_day(
    plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user)
    sit(meeting, office_user, hour=14, minute=5)
    for member in members:
        services.ballot_cast(nomination=dossier, member=member, choice="for")
    close(meeting, office_user, when=at(HELD_ON + datetime.timedelta(days=1), 0, 30))
    assert meeting.opened_at == at(HELD_ON, 14, 5)
    for text in (pdf_text(meeting), docx_text(meeting)):
        flat = " ".join(text.split())
        assert "vào lúc 14 giờ 05 phút, ngày 03 tháng 02 năm 2026" in flat
        assert "kết thúc lúc 00 giờ 30 phút, ngày 04 tháng 02 năm 2026" in flat
        assert "cùng ngày" not in flat


def test_minutes_say_the_same_day_only_when_it_is(plan, members, office_user, dossier):
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    for member in members:
        services.ballot_cast(nomination=dossier, member=member, choice="for")
    close(meeting, office_user, when=at(HELD_ON, 11, 45))
    flat = " ".join(pdf_text(meeting).split())
    assert "kết thúc lúc 11 giờ 45 phút cùng ngày" in flat


def test_meeting_cannot_open_before_the_day_it_was_called_for(
    plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user)
    # 23:59 on 02/02 in Phong Quang (16:59 UTC): the day before.
    day_before = at(HELD_ON, 0) - datetime.timedelta(minutes=1)
    with time_machine.travel(day_before), pytest.raises(ValidationError) as refused:
        services.meeting_open(meeting=meeting, actor=office_user)
    assert refused.value.code == "before_meeting_day"
    assert refused.value.messages == [
        "Cuộc họp được triệu tập ngày 03/02/2026: chưa thể mở biểu quyết trước "
        "ngày đó (hôm nay là 02/02/2026)."
    ]
    meeting.refresh_from_db()
    assert (meeting.state, meeting.opened_at) == ("preparing", None)
    # 00:01 on 03/02 in Phong Quang, still 02/02 in UTC: the day has come.
    with time_machine.travel(at(HELD_ON, 0, 1)):
        services.meeting_open(meeting=meeting, actor=office_user)
    meeting.refresh_from_db()
    assert meeting.state == "open"


# --- 4. Quorum from the council as it is ---------------------------------------------


def test_revoked_member_leaves_the_attendance_and_the_quorum(
    client, plan, office_user, sysadmin, dossier
):
    members = council_of(6)  # quorum of 6: 4; of 5: 4
    meeting = record(plan, members, office_user, present=members[:4])
    membership_revoke(
        membership=Membership.objects.get(user=members[3], role=Role.COUNCIL),
        actor=sysadmin,
        reason="Chuyển công tác.",
    )
    client.force_login(office_user)
    page = client.get(reverse("awards:meeting", args=[meeting.pk])).content.decode()
    assert f'data-member="{members[3].username}"' not in page
    assert f'name="present" value="{members[3].pk}"' not in page
    with (
        time_machine.travel(at(HELD_ON, 8), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        services.meeting_open(meeting=meeting, actor=office_user)
    assert refused.value.code == "quorum"
    assert "3/5" in refused.value.messages[0]
    assert "4" in refused.value.messages[0]
    page = client.get(reverse("awards:meeting", args=[meeting.pk])).content.decode()
    assert 'id="present-count" data-present="3" data-total="5"' in page


def test_member_revoked_while_voting_neither_votes_nor_stays_on_the_record(
    plan, office_user, sysadmin, dossier
):
    members = council_of(5)
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    membership_revoke(
        membership=Membership.objects.get(user=members[4], role=Role.COUNCIL),
        actor=sysadmin,
        reason="Chuyển công tác.",
    )
    for member in members[:4]:
        services.ballot_cast(nomination=dossier, member=member, choice="for")
    close(meeting, office_user, when=at(HELD_ON, 10))
    dossier.refresh_from_db()
    assert (dossier.votes_for, dossier.members_present) == (4, 4)
    assert (meeting.members_present, meeting.members_total) == (4, 4)
    assert user_display_name(members[4]) not in pdf_text(meeting)


# --- 3. Secret ballots stay secret ---------------------------------------------------


def test_secret_ballot_log_names_neither_voter_nor_dossier(
    plan, members, office_user, dossier
):
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    services.ballot_cast(nomination=dossier, member=members[1], choice="for")
    entries = ActivityLog.objects.filter(action__startswith="awards.ballot")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.actor is None
    assert entry.content_type == ContentType.objects.get_for_model(CouncilMeeting)
    assert entry.object_id == meeting.pk and entry.data == {}
    assert not ActivityLog.objects.filter(actor=members[1]).exists()


def test_ballot_receipts_have_no_admin(admin_client):
    assert SecretBallotReceipt not in admin.site._registry
    assert admin_client.get("/admin/awards/secretballotreceipt/").status_code == 404


def _checked(giay_khen, name):
    return set_state(
        NominationFactory(
            award_kind=giay_khen,
            nominee_unit=UnitFactory(name=name),
            proposing_unit=UnitFactory(name=f"{name} (đề nghị)"),
        ),
        "checked",
    )


def _cast(nominations, members, *, swap=False):
    """Members 0 and 3 vote on both; 1 on the first and 2 on the second (or swapped)."""
    first, second = (members[2], members[1]) if swap else (members[1], members[2])
    for nomination, voters in zip(
        nominations,
        ([members[0], first, members[3]], [members[0], second, members[3]]),
        strict=True,
    ):
        for member in voters:
            services.ballot_cast(nomination=nomination, member=member, choice="for")


@pytest.fixture
def secret_meeting(plan, members, office_user, giay_khen):
    """An open secret meeting with two dossiers, no ballot cast yet."""
    nominations = [
        _checked(giay_khen, "Thôn Bản Vèn"),
        _checked(giay_khen, "Thôn Pác Bó"),
    ]
    meeting = record(plan, members, office_user)
    sit(meeting, office_user)
    return meeting, nominations


# What differs between two renderings of the same page: the form token, and the
# ids of rows created in a rolled-back world (PostgreSQL does not reuse them).
NOISE = re.compile(
    r'name="csrfmiddlewaretoken" value="[^"]+"|activitylog/\d+/|'
    r"_selected_action\" value=\"\d+\"|<td class=\"field-created_at\">.*?</td>"
)


def _surfaces(client, readers, meeting, nominations):
    """Every page, export and admin screen about the meeting, as each reader sees it."""
    urls = [
        reverse("awards:council") + f"?campaign={meeting.campaign_id}",
        reverse("awards:meeting", args=[meeting.pk]),
        reverse("awards:list"),
        f"/admin/awards/councilmeeting/{meeting.pk}/change/",
        "/admin/awards/nomination/",
        "/admin/core/activitylog/",
        "/admin/core/activitylog/?action__exact=awards.ballot.cast_secret",
    ]
    for nomination in nominations:
        urls += [
            nomination.get_absolute_url(),
            f"/admin/awards/nomination/{nomination.pk}/change/",
            f"/admin/core/activitylog/?q={nomination.nominee_name}",
        ]
    for username in meeting.attendance.values_list("member__username", flat=True):
        urls.append(f"/admin/core/activitylog/?q={username}")
    seen = {}
    for user in readers:
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            body = response.content.decode() if response.status_code == 200 else ""
            seen[user.username, url] = (response.status_code, NOISE.sub("", body))
    meeting.refresh_from_db()
    if meeting.state == "closed":
        seen["minutes"] = (pdf_text(meeting), docx_text(meeting))
    return seen


def _world(client, readers, meeting, nominations, members, office_user, *, swap):
    """Cast, read every surface, close, read again; then undo it all."""
    point = transaction.savepoint()
    with time_machine.travel(at(HELD_ON, 9), tick=False):
        _cast(nominations, members, swap=swap)
        voting = _surfaces(client, readers, meeting, nominations)
        services.meeting_close(meeting=meeting, actor=office_user, reason="Hết giờ.")
        closed = _surfaces(client, readers, meeting, nominations)
    transaction.savepoint_rollback(point)
    meeting.refresh_from_db()
    return voting, closed


def test_secret_ballots_show_nobody_who_voted_on_which_dossier(
    client, secret_meeting, members, office_user, chairman, sysadmin, django_user_model
):
    """Two worlds that differ only in who voted on which dossier look the same.

    On every page, export, log and admin screen, while voting and after
    closing, to the office, the chair (reading another member's ballots), the
    chairman, the system administrator and a superuser in the admin.
    """
    meeting, nominations = secret_meeting
    superuser = django_user_model.objects.create_superuser(
        "sieu", "sieu@example.invalid", "x"
    )
    readers = [office_user, members[0], chairman, sysadmin, superuser]
    one = _world(
        client, readers, meeting, nominations, members, office_user, swap=False
    )
    other = _world(
        client, readers, meeting, nominations, members, office_user, swap=True
    )
    for state, seen, seen_swapped in zip(("voting", "closed"), one, other, strict=True):
        assert seen.keys() == seen_swapped.keys()
        read = [key for key, value in seen.items() if value[0] == 200]
        assert len(read) > 30, state  # the walk reads real pages
        for key in seen:
            assert seen[key] == seen_swapped[key], (state, key)
    assert "Hết giờ." in one[1]["minutes"][0]


def test_a_member_sees_his_own_secret_ballot(client, secret_meeting, members):
    meeting, (first, second) = secret_meeting
    _cast([first, second], members)
    client.force_login(members[1])
    page = client.get(reverse("awards:meeting", args=[meeting.pk])).content.decode()
    rows = dict(re.findall(r'<tr data-nomination="(\d+)">(.*?)</tr>', page, flags=re.S))
    assert 'class="small text-success voted"' in rows[str(first.pk)]
    assert 'class="small text-success voted"' not in rows[str(second.pk)]
    assert Nomination.objects.filter(pk=first.pk, state="checked").exists()
