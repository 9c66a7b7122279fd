"""A campaign's rules (status, dates, dossier deadline) change only through the services.

The issue's case: in the admin the office could set a campaign active with a
2099 deadline, with no reason and no log entry.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.enums import CAMPAIGN_TRANSITIONS, CampaignStatus
from campaigns.models import Campaign
from campaigns.services import (
    campaign_copy,
    campaign_dates_change,
    campaign_set_status,
)
from campaigns.signals import campaign_rules_changing
from phongquang_portal.core.models import ActivityLog

pytestmark = pytest.mark.django_db

D2099 = datetime.date(2099, 12, 31)


def _entries(campaign, action):
    return ActivityLog.objects.filter(object_id=campaign.pk, action=action)


@pytest.fixture
def draft_copy(plan, office_user):
    return campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        actor=office_user,
    )


# --- The state machine -----------------------------------------------------------


def test_campaign_transitions_map_draft_active_closed_and_reopening():
    assert {
        CampaignStatus.DRAFT: {CampaignStatus.ACTIVE},
        CampaignStatus.ACTIVE: {CampaignStatus.CLOSED},
        CampaignStatus.CLOSED: {CampaignStatus.ACTIVE},
    } == CAMPAIGN_TRANSITIONS


def test_campaign_set_status_draft_to_closed_is_refused(draft_copy, office_user):
    with pytest.raises(ValidationError) as refused:
        campaign_set_status(
            campaign=draft_copy, status=CampaignStatus.CLOSED, actor=office_user
        )

    assert refused.value.code == "invalid_transition"
    draft_copy.refresh_from_db()
    assert draft_copy.status == CampaignStatus.DRAFT


def test_campaign_set_status_open_close_and_log_by_label(draft_copy, office_user):
    campaign_set_status(
        campaign=draft_copy, status=CampaignStatus.ACTIVE, actor=office_user
    )
    campaign_set_status(
        campaign=draft_copy, status=CampaignStatus.CLOSED, actor=office_user
    )

    entry = _entries(draft_copy, "campaigns.campaign.status").first()
    assert (entry.from_state, entry.to_state) == ("active", "closed")
    assert (entry.from_label, entry.to_label) == ("Đang triển khai", "Đã kết thúc")
    assert entry.actor == office_user
    assert entry.action_label != entry.action  # a sentence, not the code


def test_campaign_reopening_needs_a_reason(plan, office_user):
    campaign_set_status(campaign=plan, status=CampaignStatus.CLOSED, actor=office_user)

    with pytest.raises(ValidationError) as refused:
        campaign_set_status(
            campaign=plan, status=CampaignStatus.ACTIVE, actor=office_user, reason=" "
        )
    assert refused.value.code == "reason_required"

    campaign_set_status(
        campaign=plan,
        status=CampaignStatus.ACTIVE,
        actor=office_user,
        reason="Bổ sung kỳ báo cáo.",
    )
    assert plan.status == CampaignStatus.ACTIVE
    entry = _entries(plan, "campaigns.campaign.status").first()
    assert entry.reason == "Bổ sung kỳ báo cáo."


@pytest.mark.parametrize(
    "role", ["council_user", "chairman", "sysadmin", "hamlet_head"]
)
def test_campaign_set_status_checks_the_actors_permission(request, plan, role):
    with pytest.raises(ValidationError) as refused:
        campaign_set_status(
            campaign=plan,
            status=CampaignStatus.CLOSED,
            actor=request.getfixturevalue(role),
        )

    assert refused.value.code == "permission_denied"
    plan.refresh_from_db()
    assert plan.status == CampaignStatus.ACTIVE


# --- Dates ------------------------------------------------------------------------


def test_campaign_dates_change_2099_deadline_is_refused(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        campaign_dates_change(
            campaign=plan,
            actor=office_user,
            reason="Gia hạn.",
            dossier_deadline=D2099,
        )

    assert [e.code for e in refused.value.error_list] == ["deadline_outside_year"]
    plan.refresh_from_db()
    assert plan.dossier_deadline == datetime.date(2025, 12, 15)


@pytest.mark.parametrize(
    ("dates", "codes"),
    [
        (
            {"ends_on": datetime.date(2024, 12, 31)},
            ["ends_before_start", "ends_outside_year"],
        ),
        ({"starts_on": datetime.date(2020, 1, 1)}, ["starts_outside_year"]),
        ({"dossier_deadline": datetime.date(2024, 12, 1)}, ["deadline_outside_year"]),
    ],
)
def test_campaign_dates_change_out_of_bounds_is_refused(
    plan, office_user, dates, codes
):
    with pytest.raises(ValidationError) as refused:
        campaign_dates_change(campaign=plan, actor=office_user, reason="Sửa.", **dates)

    assert [e.code for e in refused.value.error_list] == codes


def test_campaign_dates_change_needs_a_reason(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        campaign_dates_change(
            campaign=plan,
            actor=office_user,
            reason="",
            dossier_deadline=datetime.date(2025, 12, 20),
        )

    assert refused.value.code == "reason_required"


def test_campaign_dates_change_refused_to_the_chairman(plan, chairman):
    with pytest.raises(ValidationError) as refused:
        campaign_dates_change(
            campaign=plan,
            actor=chairman,
            reason="Gia hạn.",
            dossier_deadline=datetime.date(2025, 12, 20),
        )

    assert refused.value.code == "permission_denied"


def test_campaign_dates_change_logs_old_and_new_values(plan, office_user):
    campaign_dates_change(
        campaign=plan,
        actor=office_user,
        reason="Gia hạn theo chỉ đạo của huyện.",
        dossier_deadline=datetime.date(2025, 12, 20),
    )

    plan.refresh_from_db()
    assert plan.dossier_deadline == datetime.date(2025, 12, 20)
    entry = _entries(plan, "campaigns.campaign.dates_changed").get()
    assert entry.reason == "Gia hạn theo chỉ đạo của huyện."
    assert entry.actor == office_user
    assert entry.changes == [("hạn nộp hồ sơ", "15/12/2025", "20/12/2025")]


def test_campaign_dates_change_to_the_same_dates_is_refused(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        campaign_dates_change(
            campaign=plan,
            actor=office_user,
            reason="Không đổi.",
            dossier_deadline=plan.dossier_deadline,
        )

    assert refused.value.code == "no_change"


# --- The signal other apps use to lock a rule ----------------------------------------


def test_campaign_rules_changing_is_sent_with_old_and_new_values(plan, office_user):
    seen = []

    def listen(sender, campaign, changes, **kwargs):
        seen.append((sender, campaign.pk, changes))

    campaign_rules_changing.connect(listen)
    try:
        campaign_dates_change(
            campaign=plan,
            actor=office_user,
            reason="Gia hạn.",
            dossier_deadline=datetime.date(2025, 12, 20),
        )
        campaign_set_status(
            campaign=plan, status=CampaignStatus.CLOSED, actor=office_user
        )
    finally:
        campaign_rules_changing.disconnect(listen)

    assert seen == [
        (
            Campaign,
            plan.pk,
            {
                "dossier_deadline": (
                    datetime.date(2025, 12, 15),
                    datetime.date(2025, 12, 20),
                )
            },
        ),
        (Campaign, plan.pk, {"status": (CampaignStatus.ACTIVE, CampaignStatus.CLOSED)}),
    ]


def test_campaign_rules_changing_receiver_may_refuse(plan, office_user):
    def lock_deadline(sender, campaign, changes, **kwargs):
        if "dossier_deadline" in changes:
            raise ValidationError("Đã có hồ sơ nộp.", code="deadline_locked")

    campaign_rules_changing.connect(lock_deadline)
    try:
        with pytest.raises(ValidationError) as refused:
            campaign_dates_change(
                campaign=plan,
                actor=office_user,
                reason="Gia hạn.",
                dossier_deadline=datetime.date(2025, 12, 20),
            )
    finally:
        campaign_rules_changing.disconnect(lock_deadline)

    assert refused.value.code == "deadline_locked"
    plan.refresh_from_db()
    assert plan.dossier_deadline == datetime.date(2025, 12, 15)
    assert not _entries(plan, "campaigns.campaign.dates_changed").exists()


# --- The admin: read-only rules, forms that call the services ------------------------


def _change_form_data(campaign, **overrides):
    data = {
        "name": campaign.name,
        "year": campaign.year,
        "plan_number": campaign.plan_number,
        "theme": campaign.theme,
        "preamble": campaign.preamble,
        "purpose": campaign.purpose,
        "requirements": campaign.requirements,
        "participants_collective": campaign.participants_collective,
        "participants_individual": campaign.participants_individual,
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_admin_cannot_set_status_or_a_2099_deadline_through_the_change_form(
    client, draft_copy, office_user
):
    client.force_login(office_user)
    url = reverse("admin:campaigns_campaign_change", args=[draft_copy.pk])

    response = client.post(
        url,
        _change_form_data(
            draft_copy, status="active", dossier_deadline="31/12/2099", theme="Mới"
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    draft_copy.refresh_from_db()
    assert draft_copy.theme == "Mới"  # the rest of the form still saves
    assert draft_copy.status == CampaignStatus.DRAFT
    assert draft_copy.dossier_deadline == datetime.date(2026, 12, 15)


def test_admin_change_page_links_to_the_rule_forms(client, plan, office_user):
    client.force_login(office_user)

    page = client.get(reverse("admin:campaigns_campaign_change", args=[plan.pk]))

    content = page.content.decode()
    assert reverse("admin:campaigns_campaign_dates", args=[plan.pk]) in content
    assert reverse("admin:campaigns_campaign_status", args=[plan.pk]) in content
    assert 'name="dossier_deadline"' not in content


def test_admin_dates_form_calls_the_service(client, plan, office_user):
    client.force_login(office_user)
    url = reverse("admin:campaigns_campaign_dates", args=[plan.pk])
    dates = {
        "starts_on": "01/01/2025",
        "ends_on": "31/12/2025",
        "dossier_deadline": "31/12/2099",
    }

    refused = client.post(url, {**dates, "reason": "Gia hạn."})
    no_reason = client.post(url, {**dates, "dossier_deadline": "20/12/2025"})
    done = client.post(
        url, {**dates, "dossier_deadline": "20/12/2025", "reason": "Gia hạn."}
    )

    assert refused.status_code == 200
    assert "31/12/2099" in refused.content.decode()  # what was typed is kept
    assert no_reason.status_code == 200
    assert done.status_code == 302
    plan.refresh_from_db()
    assert plan.dossier_deadline == datetime.date(2025, 12, 20)
    assert _entries(plan, "campaigns.campaign.dates_changed").count() == 1


def test_admin_status_form_reopening_needs_a_reason(client, plan, office_user):
    campaign_set_status(campaign=plan, status=CampaignStatus.CLOSED, actor=office_user)
    client.force_login(office_user)
    url = reverse("admin:campaigns_campaign_status", args=[plan.pk])

    refused = client.post(url, {"status": "active", "reason": ""})
    done = client.post(url, {"status": "active", "reason": "Mở lại để bổ sung."})

    assert refused.status_code == 200
    assert "Vui lòng nêu lý do mở lại phong trào này." in refused.content.decode()
    assert done.status_code == 302
    plan.refresh_from_db()
    assert plan.status == CampaignStatus.ACTIVE


def test_admin_add_form_creates_a_draft_and_refuses_a_2099_deadline(
    client, office_user
):
    client.force_login(office_user)
    url = reverse("admin:campaigns_campaign_add")
    data = {
        "name": "Phong trào mới",
        "year": "2027",
        "starts_on": "01/01/2027",
        "ends_on": "31/12/2027",
        "dossier_deadline": "31/12/2099",
        "status": "active",
        "goals-TOTAL_FORMS": "0",
        "goals-INITIAL_FORMS": "0",
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "1000",
    }

    refused = client.post(url, data)
    done = client.post(url, {**data, "dossier_deadline": "15/12/2027"})

    assert refused.status_code == 200
    assert done.status_code == 302
    campaign = Campaign.objects.get(name="Phong trào mới")
    assert campaign.status == CampaignStatus.DRAFT


def test_admin_copy_action_refused_to_the_sysadmin(client, plan, sysadmin):
    client.force_login(sysadmin)

    client.post(
        reverse("admin:campaigns_campaign_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [plan.pk]},
    )

    assert not plan.copies.exists()


def test_campaign_copy_refused_to_the_council(plan, council_user):
    with pytest.raises(ValidationError) as refused:
        campaign_copy(
            source=plan,
            year=2026,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 12, 31),
            dossier_deadline=datetime.date(2026, 12, 15),
            actor=council_user,
        )

    assert refused.value.code == "permission_denied"


def test_campaign_copy_with_a_2099_deadline_is_refused(plan, office_user):
    with pytest.raises(ValidationError) as refused:
        campaign_copy(
            source=plan,
            year=2026,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 12, 31),
            dossier_deadline=D2099,
            actor=office_user,
        )

    assert [e.code for e in refused.value.error_list] == ["deadline_outside_year"]


def test_the_admin_neither_adds_nor_removes_a_goal_section(client, office_user, plan):
    from django.urls import reverse

    goal = plan.goals.get(code="h")
    client.force_login(office_user)

    add = client.get(reverse("admin:campaigns_goal_add"))
    delete = client.post(
        reverse("admin:campaigns_goal_delete", args=[goal.pk]), {"post": "yes"}
    )
    change = client.get(reverse("admin:campaigns_goal_change", args=[goal.pk]))

    assert add.status_code == 403
    assert delete.status_code == 403
    assert plan.goals.count() == 8
    assert goal.priority_fields.count() == 7
    # The section's letter and order are shown, not offered for editing.
    assert 'name="code"' not in change.content.decode()
    assert 'name="priority_fields-0-DELETE"' not in change.content.decode()
