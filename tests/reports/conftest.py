"""Fixtures for the unit-report tests: the 2025 plan's periods, indicators and reports."""

import datetime
from decimal import Decimal

import pytest

from campaigns.enums import ReportState
from campaigns.models import Indicator, ReportingPeriod
from campaigns.services import report_accept, report_save, report_start, report_submit


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


def fill(
    report, actor, value=Decimal(5), text="Đã tổ chức các hoạt động theo kế hoạch."
):
    """Fill every narrative and every indicator the unit reports."""
    campaign = report.period.campaign
    indicators = [
        i for i in campaign.indicators.all() if i.applies_to(report.unit.kind)
    ]
    report_save(
        report=report,
        actor=actor,
        narratives={goal.pk: f"{text} ({goal.code})" for goal in campaign.goals.all()},
        values={i.pk: value for i in indicators},
    )
    return report


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
