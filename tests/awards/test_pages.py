import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import Nomination
from phongquang_portal.core.activity import history_for
from tests.factories import PersonFactory

from .factories import TINY_PDF, NominationFactory, attach_required, set_state, voted

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db
PW = "pw-Test-12345"


def login(client, user):
    client.force_login(user)
    return client


def test_create_form_says_deadline_before_typing(client, plan, hamlet_head):
    with time_machine.travel(datetime.datetime(2025, 12, 1, 9, tzinfo=VN), tick=False):
        response = login(client, hamlet_head).get(
            reverse("awards:create") + f"?campaign={plan.pk}"
        )
    assert response.status_code == 200
    assert "23:59:59" in response.content.decode()
    assert "15/12/2025" in response.content.decode()


def test_create_nominee_of_own_hamlet_saves_draft(client, plan, hamlet, hamlet_head):
    person = PersonFactory(unit=hamlet, full_name="Hoàng Thị Hoa")
    kind = plan.award_kinds.get(code="giay_khen_xa")
    response = login(client, hamlet_head).post(
        reverse("awards:create") + f"?campaign={plan.pk}",
        {
            "award_kind": kind.pk,
            "proposing_unit": hamlet.pk,
            "nominee_type": "person",
            "nominee": f"person:{person.pk}",
            "profile": "",
            "achievements": "Hướng dẫn 200 người dùng VNeID.",
            "citation": "",
            "prior-TOTAL_FORMS": "1",
            "prior-INITIAL_FORMS": "0",
            "prior-0-year": "2024",
            "prior-0-title": "Lao động tiên tiến",
            "prior-0-decision_reference": "12/QĐ-UBND ngày 20/12/2024",
            "prior-0-issued_by": "UBND xã",
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response["Location"] == nomination.get_absolute_url()
    assert (nomination.nominee_person, nomination.state) == (person, "draft")
    assert nomination.prior_awards.get().title == "Lao động tiên tiến"


def test_create_other_units_person_refused_and_form_keeps_input(
    client, plan, hamlet, hamlet_head, other_hamlet
):
    stranger = PersonFactory(unit=other_hamlet)
    kind = plan.award_kinds.get(code="giay_khen_xa")
    response = login(client, hamlet_head).post(
        reverse("awards:create") + f"?campaign={plan.pk}",
        {
            "award_kind": kind.pk,
            "proposing_unit": hamlet.pk,
            "nominee_type": "person",
            "nominee": f"person:{stranger.pk}",
            "achievements": "Nội dung đã nhập",
            "prior-TOTAL_FORMS": "0",
            "prior-INITIAL_FORMS": "0",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert Nomination.objects.count() == 0
    assert "Nội dung đã nhập" in body
    assert (
        f"{hamlet.name} chỉ được đề nghị tập thể, cá nhân và hộ gia đình của mình"
        in body
    )
    assert stranger.full_name not in body


def test_detail_other_units_dossier_404(client, draft, other_head):
    response = login(client, other_head).get(draft.get_absolute_url())
    assert response.status_code == 404


def test_attachment_download_other_unit_404(client, draft, other_head):
    attachment = draft.attachments.first()
    response = login(client, other_head).get(
        reverse("awards:attachment_download", args=[attachment.pk])
    )
    assert response.status_code == 404


def test_attachment_upload_rejects_renamed_program(client, draft, hamlet_head):
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = login(client, hamlet_head).post(
        reverse("awards:attachment_add", args=[draft.pk]),
        {"kind": "bien_ban", "file": fake},
        follow=True,
    )
    assert draft.attachments.count() == 3
    assert "bien-ban.pdf" in response.content.decode()


def test_attachment_upload_pdf_accepted(client, plan, giay_khen, hamlet, hamlet_head):
    nomination = NominationFactory(
        award_kind=giay_khen, nominee_unit=hamlet, proposing_unit=hamlet
    )
    upload = SimpleUploadedFile(
        "to-trinh.pdf", TINY_PDF, content_type="application/pdf"
    )
    login(client, hamlet_head).post(
        reverse("awards:attachment_add", args=[nomination.pk]),
        {"kind": "to_trinh", "file": upload},
    )
    assert list(nomination.attachments.values_list("kind", flat=True)) == ["to_trinh"]


def test_submit_view_after_deadline_shows_vietnamese_message(
    client, draft, hamlet_head
):
    with time_machine.travel(
        datetime.datetime(2025, 12, 16, 0, 0, tzinfo=VN), tick=False
    ):
        response = login(client, hamlet_head).post(
            reverse("awards:submit", args=[draft.pk]), {"confirmed": "1"}, follow=True
        )
    assert "23:59:59" in response.content.decode()
    assert Nomination.objects.get(pk=draft.pk).state == "draft"


def test_submit_view_with_foreign_time_zone_cookie_still_refused(
    client, draft, hamlet_head
):
    # The client's zone never matters: 16/12 00:00 in Vietnam is 15/12 in Paris.
    client.cookies["django_timezone"] = "Europe/Paris"
    with time_machine.travel(
        datetime.datetime(2025, 12, 16, 0, 0, tzinfo=VN), tick=False
    ):
        login(client, hamlet_head).post(
            reverse("awards:submit", args=[draft.pk]),
            {"confirmed": "1"},
            HTTP_ACCEPT_LANGUAGE="fr-FR",
            HTTP_X_TIMEZONE="Europe/Paris",
        )
    assert Nomination.objects.get(pk=draft.pk).state == "draft"


def test_submit_view_in_time_moves_to_submitted(client, draft, hamlet_head):
    with time_machine.travel(
        datetime.datetime(2025, 12, 15, 23, 59, 59, tzinfo=VN), tick=False
    ):
        asked = login(client, hamlet_head).post(
            reverse("awards:submit", args=[draft.pk])
        )
        # The first POST only asks (issue 17): nothing is submitted yet.
        assert asked.status_code == 200 and 'id="confirm-step"' in asked.text
        assert Nomination.objects.get(pk=draft.pk).state == "draft"
        client.post(reverse("awards:submit", args=[draft.pk]), {"confirmed": "1"})
    assert Nomination.objects.get(pk=draft.pk).state == "submitted"


def test_check_view_by_unit_head_404(client, draft, hamlet_head):
    set_state(draft, "submitted")
    response = login(client, hamlet_head).post(reverse("awards:check", args=[draft.pk]))
    assert response.status_code == 404
    assert Nomination.objects.get(pk=draft.pk).state == "submitted"


def test_vote_view_casts_the_members_ballot(client, draft, office_user):
    from .factories import ballot_meeting, council_of

    members = council_of(3)
    set_state(draft, "checked")
    meeting = ballot_meeting(
        draft.campaign, [], members=members, actor=office_user, close=False
    )
    response = login(client, members[1]).post(
        reverse("awards:vote", args=[draft.pk]), {"choice": "for", "confirmed": "1"}
    )
    assert response["Location"] == reverse("awards:meeting", args=[meeting.pk])
    services.meeting_close(meeting=meeting, actor=office_user, reason="Lý do.")
    draft.refresh_from_db()
    assert (draft.state, draft.votes_for, draft.members_present) == ("voted", 1, 3)
    assert draft.council_passed is False  # 1 of 3 is not more than half


def test_honor_board_public_shows_decided_only(
    client, make_nomination, chairman, office_user
):
    decided = voted(make_nomination("unit"))
    services.nomination_approve(nomination=decided, actor=chairman)
    services.decision_issue(
        campaign=decided.campaign,
        award_kind=decided.award_kind,
        number="3",
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )
    pending = voted(make_nomination("unit"))
    response = client.get(reverse("awards:honor") + f"?campaign={decided.campaign_id}")
    body = response.content.decode()
    assert response.status_code == 200
    assert decided.nominee_unit.name in body
    assert pending.nominee_unit.name not in body


def test_decision_pages_404_for_unit_head(
    client, make_nomination, chairman, office_user, hamlet_head
):
    nomination = voted(make_nomination("unit"))
    services.nomination_approve(nomination=nomination, actor=chairman)
    decision = services.decision_issue(
        campaign=nomination.campaign,
        award_kind=nomination.award_kind,
        number="4",
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )
    login(client, hamlet_head)
    for name in (
        "decision_detail",
        "decision_pdf",
        "certificates_pdf",
        "decision_xlsx",
    ):
        assert (
            client.get(reverse(f"awards:{name}", args=[decision.pk])).status_code == 404
        )


def test_decision_issue_view_and_excel_total(
    client, make_nomination, chairman, office_user
):
    from openpyxl import load_workbook

    unit = voted(make_nomination("unit"))
    household = voted(make_nomination("household"))
    for n in (unit, household):
        services.nomination_approve(nomination=n, actor=chairman)
    response = login(client, office_user).post(
        reverse("awards:decisions") + f"?campaign={unit.campaign_id}",
        {
            "campaign": unit.campaign_id,
            "award_kind": unit.award_kind_id,
            "number": "125/QĐ-UBND",
            "signed_on": "2025-12-20",
            "confirm_date": "on",  # a year ago: the chairman confirms
            "confirmed": "1",
        },
    )
    unit.refresh_from_db()
    assert response.status_code == 302
    assert unit.decision.number == "125"
    xlsx = client.get(reverse("awards:decision_xlsx", args=[unit.decision_id]))
    ws = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = list(ws.iter_rows(values_only=True))
    assert values[-1][1] == "Tổng cộng"
    assert values[-1][5] == 1_410_000 + 1_060_000


def test_log_read_only_in_admin(client, draft, hamlet_head, office_user):
    from django.contrib.admin.sites import site

    from phongquang_portal.core.models import ActivityLog

    with time_machine.travel(datetime.datetime(2025, 12, 1, 9, tzinfo=VN), tick=False):
        services.nomination_submit(nomination=draft, actor=hamlet_head)
    entry = history_for(draft).first()
    model_admin = site._registry[ActivityLog]
    request = type("R", (), {"user": office_user})()
    assert model_admin.has_view_permission(request, entry)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert not model_admin.has_add_permission(request)
    login(client, office_user)
    url = reverse("admin:core_activitylog_change", args=[entry.pk])
    client.post(url, {"reason": "sửa"})
    entry.refresh_from_db()
    assert entry.reason == ""


def test_nomination_list_unit_head_sees_only_own(
    client, draft, hamlet_head, other_hamlet
):
    other = NominationFactory(
        award_kind=draft.award_kind,
        nominee_unit=other_hamlet,
        proposing_unit=other_hamlet,
    )
    body = (
        login(client, hamlet_head)
        .get(reverse("awards:list") + f"?campaign={draft.campaign_id}")
        .content.decode()
    )
    assert draft.nominee_unit.name in body
    assert other.nominee_unit.name not in body


__all__ = ["PW", "attach_required"]
