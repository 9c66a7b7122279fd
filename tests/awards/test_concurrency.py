"""Two approvals of the last slot at the same moment: exactly one wins (PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from awards import services
from awards.models import Nomination
from tests.conftest import requires_postgres

from .factories import voted

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_approve_last_collective_slot_twice_at_once_one_wins(make_nomination, chairman):
    first = voted(make_nomination("unit"))
    services.nomination_approve(nomination=first, actor=chairman)
    contenders = [voted(make_nomination("unit")) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(nomination):
        try:
            barrier.wait(timeout=10)
            services.nomination_approve(nomination=nomination, actor=chairman)
            outcomes.append("approved")
        except ValidationError as exc:
            outcomes.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(n,)) for n in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["approved", "quota"]
    assert (
        Nomination.objects.filter(state="approved", nominee_unit__isnull=False).count()
        == 2
    )
