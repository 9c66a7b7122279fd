"""The demo's awards go through the services with the demo users as actors."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from awards.models import Decision, Nomination
from phongquang_portal.core.counters import counter_peek
from phongquang_portal.core.models import ActivityLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=io.StringIO())


def test_demo_decisions_and_history_through_the_services(seeded):
    decided_2025 = Decision.objects.get(campaign__year=2025)
    assert (decided_2025.number, decided_2025.year) == ("215", 2025)
    decided_2026 = Decision.objects.get(campaign__year=2026)
    assert decided_2026.campaign.copied_from == decided_2025.campaign
    assert counter_peek("awards.decision.2025") == 216
    numbers = list(
        Nomination.objects.filter(campaign__year=2025)
        .exclude(golden_book_number="")
        .order_by("golden_book_number")
        .values_list("golden_book_number", flat=True)
    )
    assert numbers == [f"2025/{n:03d}" for n in range(1, len(numbers) + 1)]
    # A real history: every awards entry has its demo user as actor.
    types = ContentType.objects.filter(app_label="awards")
    entries = ActivityLog.objects.filter(content_type__in=types)
    assert entries.filter(action="awards.nomination.approved").exists()
    assert not entries.filter(actor__isnull=True).exists()
    approvers = set(
        entries.filter(action="awards.nomination.approved").values_list(
            "actor__username", flat=True
        )
    )
    assert approvers == {"chutich"}


def test_demo_is_idempotent(seeded):
    before = (Decision.objects.count(), Nomination.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Decision.objects.count(), Nomination.objects.count()) == before


def test_demo_council_votes_by_ballot_member_by_member(seeded):
    """Issue 10: the demo's meetings go through attendance, ballots and closing."""
    from awards.models import CouncilMeeting, SecretBallotReceipt, WrittenOpinion
    from units.enums import Role
    from units.models import Membership

    meetings = CouncilMeeting.objects.order_by("held_on")
    assert [(m.held_on.isoformat(), m.state, m.ballot_mode) for m in meetings] == [
        ("2025-12-18", "closed", "secret"),
        ("2026-09-01", "closed", "open"),
        ("2026-11-20", "closed", "secret"),
        ("2026-12-10", "preparing", "secret"),
    ]
    assert not meetings.filter(typed_tallies=True).exists()
    chair = Membership.objects.get(role=Role.COUNCIL_CHAIR).user
    assert {m.chair for m in meetings.filter(state="closed")} == {chair}
    assert Membership.objects.filter(role=Role.COUNCIL).count() == 9
    voted = ActivityLog.objects.filter(action="awards.nomination.voted")
    assert voted.exists()
    assert {e.actor.username for e in voted} == {"hoidong1"}
    # hoidong3 lives in Cốc Lùng: he cast no ballot on what the hamlet proposes.
    coc_lung = Nomination.objects.get(
        campaign__year=2026, nominee_unit__name__endswith="thôn Cốc Lùng"
    )
    assert not SecretBallotReceipt.objects.filter(
        nomination=coc_lung, member__username="hoidong3"
    ).exists()
    assert (coc_lung.votes_for, coc_lung.members_present) == (5, 6)
    assert WrittenOpinion.objects.filter(member__username="hoidong9").exists()
