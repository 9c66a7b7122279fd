"""Fixtures for the unit-report tests: the 2025 plan's periods, indicators and reports."""

import datetime

import pytest

from campaigns.enums import ReportState
from campaigns.models import Indicator, ReportingPeriod
from campaigns.services import report_accept, report_start, report_submit

from .helpers import fill


@pytest.fixture
def period(plan):
    """The 2025 final-review period, due 10/12/2025."""
    return ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")


@pytest.fixture
def mid_period(plan):
    return ReportingPeriod.objects.get(campaign=plan, name="Sơ kết 6 tháng năm 2025")


@pytest.fixture
def hamlet_indicators(plan):
    return [
        i for i in Indicator.objects.filter(campaign=plan) if i.applies_to("hamlet")
    ]


@pytest.fixture
def filled_report(period, hamlet, hamlet_head, time_machine):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=datetime.UTC))
    report = report_start(unit=hamlet, period=period, actor=hamlet_head)
    return fill(report, hamlet_head)


@pytest.fixture
def submitted_report(filled_report, hamlet_head):
    return report_submit(report=filled_report, actor=hamlet_head)


@pytest.fixture
def accepted_report(submitted_report, office_user):
    report = report_accept(report=submitted_report, actor=office_user)
    assert report.state == ReportState.ACCEPTED
    return report
