"""Issue 8: the scoring demo goes through the services with the demo users as actors."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from campaigns.models import Campaign
from phongquang_portal.core.models import ActivityLog
from scoring.enums import SheetState
from scoring.models import RankingPublication, ScoreEntry, ScoreSheet
from units.enums import Role
from units.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo):
    """The demo commune (built once per test process, tests/demo_world.py)."""


def _sheet_log():
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(ScoreSheet)
    ).select_related("actor")


def test_demo_goes_through_the_services_with_real_actors(seeded):
    entries = list(_sheet_log()) + list(
        ActivityLog.objects.filter(action__startswith="scoring.").select_related(
            "actor"
        )
    )

    assert entries
    assert [e.action for e in entries if e.actor is None] == []
    by_action = {}
    for entry in entries:
        by_action.setdefault(entry.action, set()).add(entry.actor.username)
    assert by_action["scoring.sheet.opened"] == {"vanhoa"}
    assert by_action["scoring.sheet.finalised"] == {"vanhoa"}
    assert by_action["scoring.sheet.locked"] == {"vanhoa"}
    assert by_action["scoring.ranking.published"] == {"vanhoa"}
    assert by_action["scoring.sheet.council_scored"] == {
        "hoidong1",
        "hoidong2",
        "hoidong3",
    }
    heads = set(
        Membership.objects.filter(role=Role.UNIT_HEAD).values_list(
            "user__username", flat=True
        )
    )
    assert "thon1" in by_action["scoring.sheet.self_assessment_saved"]
    assert by_action["scoring.sheet.submitted"] <= heads

    # 2026 sheets in every state, 2025 published, each evidence its own checked file.
    campaign_2026 = Campaign.objects.get(year=2026)
    states = set(
        ScoreSheet.objects.filter(campaign=campaign_2026).values_list(
            "state", flat=True
        )
    )

    assert states == set(SheetState.values)
    assert RankingPublication.objects.get(campaign__year=2025).is_published
    evidence = ScoreEntry.objects.exclude(evidence="")
    assert evidence.exists()
    names = list(evidence.values_list("evidence", flat=True)[:50])
    assert len(set(names)) == len(names)  # one stored file per entry


def test_demo_twice_changes_nothing(seeded):
    before = (ScoreSheet.objects.count(), _sheet_log().count())

    call_command("seed_demo", stdout=io.StringIO())

    assert (ScoreSheet.objects.count(), _sheet_log().count()) == before
