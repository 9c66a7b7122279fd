"""One permission vocabulary, no inline scripts, readable history, the plan's data,
one quota count, one evidence base: the awards app's part of issue 8."""

import datetime
import pathlib
import re
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import selectors, services
from awards.models import Attachment, AwardKind
from awards.nominations import selectors as nomination_selectors
from awards.nominations import services as nomination_services
from phongquang_portal.core.models import EvidenceFile
from tests.factories import UserFactory, user_with_role
from units.enums import Role

from .factories import TINY_PDF, attach_required, set_state, voted

pytestmark = pytest.mark.django_db
APP = pathlib.Path(settings.BASE_DIR) / "awards"
# The app's code, in its subject packages too (the migrations are not code one reads).
APP_CODE = sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)
TEMPLATES = sorted((APP / "templates").rglob("*.html"))
# Pages served to browsers (the PDF templates are rendered by WeasyPrint only).
PAGE_TEMPLATES = [p for p in TEMPLATES if "pdf" not in p.parts]


# --- Role gates come from the rules ---------------------------------------------


@pytest.mark.parametrize("page", ["awards:council", "awards:decisions"])
def test_board_and_decisions_hidden_from_unit_heads(page, client, plan, hamlet_head):
    """Issue 8: removing these role gates left the suite green."""
    client.force_login(hamlet_head)
    assert client.get(reverse(page) + f"?campaign={plan.pk}").status_code == 404


@pytest.mark.parametrize("page", ["awards:council", "awards:decisions"])
def test_board_and_decisions_shown_to_who_reads_everything(
    page, client, plan, office_user, council_user, chairman
):
    for user in (office_user, council_user, chairman):
        client.force_login(user)
        assert client.get(reverse(page) + f"?campaign={plan.pk}").status_code == 200


def test_decisions_page_issue_form_only_for_the_office(
    client, plan, office_user, chairman
):
    client.force_login(chairman)
    url = reverse("awards:decisions") + f"?campaign={plan.pk}"
    assert 'id="decision-form"' not in client.get(url).content.decode()
    client.force_login(office_user)
    assert 'id="decision-form"' in client.get(url).content.decode()


def test_ballot_buttons_only_for_council_members_present(
    client, plan, office_user, draft
):
    from .factories import ballot_meeting, council_of

    members = council_of(3)
    set_state(draft, "checked")
    meeting = ballot_meeting(
        plan, [], members=members, present=members[:2], actor=office_user, close=False
    )
    url = reverse("awards:meeting", args=[meeting.pk])
    client.force_login(office_user)
    assert "ballot-form" not in client.get(url).content.decode()
    client.force_login(members[2])  # absent
    assert "ballot-form" not in client.get(url).content.decode()
    client.force_login(members[1])
    assert "ballot-form" in client.get(url).content.decode()


def test_superuser_sees_no_vote_form_and_no_approval(client, plan, draft):
    root = UserFactory(username="root_board", is_superuser=True, is_staff=True)
    set_state(draft, "checked")
    client.force_login(root)
    body = client.get(reverse("awards:council") + f"?campaign={plan.pk}")
    assert "ballot-form" not in body.content.decode()
    voted(draft)
    page = client.get(reverse("awards:detail", args=[draft.pk])).content.decode()
    assert reverse("admin:awards_nomination_change", args=[draft.pk]) not in page


def test_vice_chairman_gets_the_decide_link(client, draft):
    vice = user_with_role(Role.VICE_CHAIRMAN, username="phochutich_detail")
    voted(draft)
    client.force_login(vice)
    page = client.get(reverse("awards:detail", args=[draft.pk])).content.decode()
    assert reverse("admin:awards_nomination_change", args=[draft.pk]) in page


def test_nav_and_home_links_follow_the_permissions(
    client, plan, hamlet_head, council_user
):
    client.force_login(hamlet_head)
    body = client.get(reverse("home")).content.decode()
    assert reverse("awards:list") in body
    assert reverse("awards:council") not in body
    assert reverse("awards:queue") not in body
    client.force_login(council_user)
    body = client.get(reverse("home")).content.decode()
    assert reverse("awards:council") in body
    assert reverse("awards:queue") not in body


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_ask_permissions_not_roles(template):
    text = template.read_text()
    assert "user_roles" not in text
    assert not re.search(r"\broles\.", text)


@pytest.mark.parametrize("template", PAGE_TEMPLATES, ids=lambda p: p.name)
def test_templates_pass_the_content_security_policy(template):
    text = template.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    assert not re.search(r"\son[a-z]+=", text)
    assert not re.search(r"\sstyle=", text)


def test_app_code_has_no_role_checks_outside_selectors_and_rules():
    for path in APP_CODE:
        if path.name in ("selectors.py", "rules.py"):
            continue
        text = path.read_text()
        assert "roles_for" not in text, path.name
        assert "is_superuser" not in text, path.name


def test_nomination_form_script_is_a_static_file(client, plan, hamlet_head):
    client.force_login(hamlet_head)
    body = client.get(reverse("awards:create") + f"?campaign={plan.pk}")
    assert "js/awards_nomination_form.js" in body.content.decode()
    assert (
        pathlib.Path(settings.BASE_DIR) / "static/js/awards_nomination_form.js"
    ).exists()


# --- The admin's history in Vietnam time, with sentences and labels ----------------


def test_admin_history_in_vietnam_time_with_labels(client, chairman, draft):
    voted(draft)
    utc = datetime.datetime(2025, 12, 20, 1, 30, tzinfo=datetime.UTC)
    with time_machine.travel(utc, tick=False):
        services.nomination_approve(nomination=draft, actor=chairman)
    client.force_login(chairman)
    body = client.get(
        reverse("admin:awards_nomination_change", args=[draft.pk])
    ).content.decode()
    assert "20/12/2025 08:30" in body
    assert "01:30 20/12/2025" not in body
    assert "Đã phê duyệt" in body
    assert "awards.nomination.approved" not in body


def test_every_action_code_has_a_sentence():
    from phongquang_portal.core.actions import registered_actions

    codes = set(re.findall(r'"(awards\.[a-z_]+\.[a-z_]+)"', _app_source()))
    assert codes <= set(registered_actions())


def _app_source():
    return "\n".join(p.read_text() for p in APP_CODE)


# --- The plan's data in one place ----------------------------------------------------


def test_plan_award_kinds_loaded_from_the_plan_file(plan):
    kinds = {k.code: k for k in AwardKind.objects.filter(campaign=plan)}
    giay_khen = kinds["giay_khen_xa"]
    assert (giay_khen.name, giay_khen.quota_collective, giay_khen.quota_individual) == (
        "Giấy khen của Chủ tịch UBND xã",
        2,
        3,
    )
    assert str(giay_khen.multiplier_collective) == "0.60"
    assert kinds["bang_khen_tinh"].quota_collective is None
    assert str(kinds["bang_khen_tinh"].multiplier_collective) == "2.00"
    assert kinds["dot_xuat"].deadline_bound is False
    assert kinds["dot_xuat"].required_documents == ["to_trinh", "bao_cao"]
    assert [k.code for k in plan.award_kinds.order_by("position")] == [
        "giay_khen_xa",
        "bang_khen_tinh",
        "dot_xuat",
    ]


def test_award_kinds_read_from_plan_toml_not_code():
    source = (APP / "receivers.py").read_text()
    assert "plan_part" in source
    assert "campaigns.plan" not in source
    assert (pathlib.Path(settings.BASE_DIR) / "plan/2025/awards.toml").exists()


# --- One quota count ---------------------------------------------------------------


def test_approval_and_panel_use_the_same_quota_count(make_nomination, chairman, plan):
    nomination = voted(make_nomination("unit"))
    real = nomination_selectors.quota_usage
    with mock.patch.object(
        nomination_selectors, "quota_usage", side_effect=real
    ) as counted:
        with mock.patch.object(nomination_services, "quota_usage", counted):
            services.nomination_approve(nomination=nomination, actor=chairman)
        panel = selectors.quota_panel(plan)
    assert counted.call_count == 2
    line = next(line for line in panel if line.kind.code == "giay_khen_xa")
    assert (line.collective_used, line.individual_used) == (1, 0)


# --- One evidence base --------------------------------------------------------------


def test_attachment_is_an_evidence_file(draft, hamlet_head):
    assert issubclass(Attachment, EvidenceFile)
    attachment = services.attachment_add(
        nomination=draft,
        kind="khac",
        uploaded=SimpleUploadedFile("ảnh chụp.pdf", TINY_PDF),
        actor=hamlet_head,
    )
    attachment.refresh_from_db()
    assert (attachment.file_type, attachment.original_name) == ("pdf", "ảnh chụp.pdf")
    assert attachment.uploaded_by == hamlet_head
    assert attachment.uploaded_at is not None
    assert "ảnh" not in attachment.file.name


def test_attachment_removed_with_its_file_on_commit(
    draft, hamlet_head, django_capture_on_commit_callbacks
):
    attachment = services.attachment_add(
        nomination=draft,
        kind="khac",
        uploaded=SimpleUploadedFile("them.pdf", TINY_PDF),
        actor=hamlet_head,
    )
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(attachment=attachment, actor=hamlet_head)
    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not storage.exists(name)


def test_attachment_on_a_submitted_dossier_refused(draft, hamlet_head):
    from django.core.exceptions import ValidationError

    attach_required(draft)
    set_state(draft, "submitted")
    with pytest.raises(ValidationError) as refused:
        services.attachment_add(
            nomination=draft,
            kind="khac",
            uploaded=SimpleUploadedFile("muon.pdf", TINY_PDF),
            actor=hamlet_head,
        )
    assert refused.value.code == "permission_denied"


# --- Typed text and numbers in the dossier form ----------------------------------------


def test_dossier_form_refuses_control_characters_and_year_40000(
    client, plan, hamlet, hamlet_head
):
    kind = plan.award_kinds.get(code="giay_khen_xa")
    client.force_login(hamlet_head)
    response = client.post(
        reverse("awards:create") + f"?campaign={plan.pk}",
        {
            "award_kind": kind.pk,
            "proposing_unit": hamlet.pk,
            "nominee_type": "unit",
            "nominee": f"unit:{hamlet.pk}",
            "achievements": "Hoàn thành\x0b chỉ tiêu",
            "prior-TOTAL_FORMS": "1",
            "prior-INITIAL_FORMS": "0",
            "prior-0-year": "40000",
            "prior-0-title": "Lao động tiên tiến",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    # The kernel's sentence (core.validators), in whichever catalogue has it.
    assert "điều khiển" in body or "control characters" in body
    assert "Hãy nhập một số không lớn hơn 2100." in body
    assert "Lao động tiên tiến" in body
    assert not plan.nominations.exists()
