import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from campaigns.models import Campaign
from phongquang_portal.core.models import ActivityLog
from units.enums import Role, UnitKind
from units.models import Household, Membership, Person, Unit
from units.selectors import units_headed_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo):
    """The demo commune (built once per test process, tests/demo_world.py)."""


def _counts():
    from phongquang_portal.core.models import ActivityLog

    return (
        Unit.objects.count(),
        Person.objects.count(),
        Household.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
        Campaign.objects.count(),
        ActivityLog.objects.count(),
    )


def test_seed_demo_builds_a_realistic_commune(seeded):
    hamlets = Unit.objects.filter(kind=UnitKind.HAMLET).count()

    assert 15 <= hamlets <= 25
    assert Unit.objects.filter(kind=UnitKind.DIGITAL_TEAM).count() == hamlets
    assert Unit.objects.filter(kind=UnitKind.STEERING).count() >= 1
    assert Unit.objects.filter(kind=UnitKind.OFFICE).count() >= 5
    assert Household.objects.count() >= 200
    assert Person.objects.count() >= 100


def test_seed_demo_creates_pinned_logins(seeded):
    User = get_user_model()
    roles = dict(
        Membership.objects.filter(user__username__in=["vanhoa", "chutich"]).values_list(
            "user__username", "role"
        )
    )

    assert roles == {"vanhoa": Role.OFFICE, "chutich": Role.CHAIRMAN}
    for username in ["hoidong1", "hoidong2", "hoidong3"]:
        assert Membership.objects.filter(
            user__username=username, role=Role.COUNCIL
        ).exists()
    thon1 = User.objects.get(username="thon1")
    assert units_headed_by(thon1).filter(kind=UnitKind.HAMLET).count() == 1
    assert thon1.check_password("PhongQuang@2025")
    offices = Unit.objects.filter(kind=UnitKind.OFFICE)
    assert all(units_headed_by_any(office) for office in offices)


def units_headed_by_any(unit):
    return Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD).exists()


def test_seed_demo_creates_2026_copy_open_for_dossiers(seeded):
    c2026 = Campaign.objects.get(year=2026)

    assert str(c2026.dossier_deadline) == "2026-12-15"
    assert c2026.status == "active"
    assert c2026.goals.count() == 8
    assert Campaign.objects.get(year=2025).status == "closed"


def test_seed_demo_twice_changes_nothing(seeded):
    before = _counts()

    call_command("seed_demo", stdout=io.StringIO())

    assert _counts() == before


def test_seed_demo_prints_logins_and_password(seeded, capsys):
    call_command("seed_demo")

    out = capsys.readouterr().out
    assert "vanhoa" in out and "chutich" in out and "thon1" in out
    assert "PhongQuang@2025" in out


def test_demo_makes_hoidong1_the_chair_granted_by_quantri(seeded):
    chair = Membership.objects.get(role=Role.COUNCIL_CHAIR)
    assert chair.user.username == "hoidong1"
    assert Membership.objects.filter(user=chair.user, role=Role.COUNCIL).exists()
    entry = ActivityLog.objects.get(
        action="units.membership.granted", data__role="council_chair"
    )
    assert entry.actor.username == "quantri"
    assert entry.reason
