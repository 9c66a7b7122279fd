import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import AwardKind
from campaigns.enums import CampaignStatus
from campaigns.services import campaign_copy
from phongquang_portal.core.models import ActivityLog

pytestmark = pytest.mark.django_db


def _copy(plan, **kwargs):
    return campaign_copy(
        source=plan,
        year=2026,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        dossier_deadline=datetime.date(2026, 12, 15),
        **kwargs,
    )


def test_campaign_copy_copies_goals_fields_and_quotas_with_new_dates(plan, office_user):
    new = _copy(plan, actor=office_user)

    assert new.year == 2026
    assert new.dossier_deadline == datetime.date(2026, 12, 15)
    assert new.status == CampaignStatus.DRAFT
    assert list(new.goals.values_list("code", flat=True)) == [
        "a",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "g",
        "h",
    ]
    assert new.goals.get(code="h").priority_fields.count() == 7
    kind = AwardKind.objects.get(campaign=new, code="giay_khen_xa")
    assert (kind.quota_collective, kind.quota_individual) == (2, 3)
    # The source is untouched.
    assert plan.goals.count() == 8
    assert AwardKind.objects.filter(campaign=plan).count() == 3
    entry = ActivityLog.objects.get(action="campaigns.campaign.copied")
    assert entry.actor == office_user
    assert entry.data["source_year"] == 2025


def test_campaign_copy_twice_for_same_year_is_refused(plan, office_user):
    _copy(plan, actor=office_user)

    with pytest.raises(ValidationError) as excinfo:
        _copy(plan, actor=office_user)

    assert excinfo.value.code == "duplicate"
    assert "2026" in excinfo.value.messages[0]


def test_campaign_admin_copy_action_creates_next_year(client, plan, office_user):
    client.force_login(office_user)

    response = client.post(
        "/admin/campaigns/campaign/",
        {"action": "copy_to_next_year", "_selected_action": [plan.pk]},
        follow=True,
    )

    assert response.status_code == 200
    new = plan.copies.get()
    assert (new.year, new.dossier_deadline) == (2026, datetime.date(2026, 12, 15))
