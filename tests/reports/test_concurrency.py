"""Two office staff accept the same report at the same moment: one wins, one is told."""

import datetime
import threading
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from campaigns.models import Report
from campaigns.services import report_accept, report_return
from phongquang_portal.core.models import ActivityLog
from tests.conftest import requires_postgres

from .helpers import submitted_units

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_accept_and_return_at_once_leave_one_consistent_state(
    period, office_user, time_machine
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=VN))
    (report,) = submitted_units(period, 1)
    barrier = threading.Barrier(2)
    outcomes = []

    def act(service, **kwargs):
        try:
            barrier.wait()
            service(
                report=Report.objects.get(pk=report.pk), actor=office_user, **kwargs
            )
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(report_accept,)),
        threading.Thread(
            target=act, args=(report_return,), kwargs={"reason": "Sửa lại."}
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    report.refresh_from_db()
    assert sorted(outcomes) == ["ok", "refused"]
    assert report.state in {"accepted", "returned"}
    reviews = ActivityLog.objects.filter(
        object_id=report.pk,
        action__in=["campaigns.report.accepted", "campaigns.report.returned"],
    )
    assert reviews.count() == 1
    assert reviews.get().to_state == report.state
