"""The reports' demo: the current period in every state, through the services."""

import pytest

from campaigns.enums import ReportState
from campaigns.models import Campaign, Report
from campaigns.selectors import board_rows, current_period
from phongquang_portal.core.models import ActivityLog

pytestmark = pytest.mark.django_db


def test_seed_demo_fills_current_period_in_every_state_and_is_idempotent(demo):
    import campaigns.demo

    campaign = Campaign.objects.get(year=2026)
    period = current_period(campaign)
    states = {row.state for row in board_rows(period)}
    before = (Report.objects.count(), ActivityLog.objects.count())

    campaigns.demo.seed()

    assert {"draft", "submitted", "returned", "accepted"} <= states
    assert states & {"not_started", "overdue"}
    assert (Report.objects.count(), ActivityLog.objects.count()) == before
    past = Report.objects.filter(period__campaign__year=2025)
    assert past.exists()
    assert set(past.values_list("state", flat=True)) == {ReportState.ACCEPTED}
    # Through the services, with the demo users as actors: a real history.
    entries = ActivityLog.objects.filter(action__startswith="campaigns.")
    without_actor = set(
        entries.filter(actor=None).values_list("action", flat=True).distinct()
    )
    assert without_actor == {"campaigns.campaign.loaded"}  # load_plan: the system
    report = past.first()
    assert list(
        ActivityLog.objects.filter(
            object_id=report.pk, action__startswith="campaigns.report."
        )
        .order_by("pk")
        .values_list("action", "actor__username")
    ) == [
        ("campaigns.report.created", "vanhoa"),
        ("campaigns.report.saved", "vanhoa"),
        ("campaigns.report.recorded_from_paper", "vanhoa"),
        ("campaigns.report.accepted", "vanhoa"),
    ]
    assert entries.filter(
        action="campaigns.report.submitted", actor__username="thon2"
    ).exists()
