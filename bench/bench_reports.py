"""Benchmark the unit-report pages and exports on a commune at scale.

Run: .venv/bin/python bench/bench_reports.py
Builds its own data in a throwaway SQLite database (60 units, 6,000 households,
4 reporting periods, every report filled) and prints, per page, the median and
p95 server time and the number of queries, then the Excel and PDF times.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="bench-reports-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phongquang_portal.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

UNITS = 60
HOUSEHOLDS = 6000
RUNS = 30
NARRATIVE = (
    "Tổ chức {n} buổi tuyên truyền về chuyển đổi số lồng ghép trong họp thôn; tổ công "
    "nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID, ứng dụng ngân hàng, nộp hồ "
    "sơ trực tuyến; vận động các hộ kinh doanh dùng mã QR thanh toán. "
) * 3


def build():
    import datetime
    import random
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from campaigns.enums import ReportState
    from campaigns.models import (
        Indicator,
        IndicatorValue,
        Report,
        ReportingPeriod,
        ReportSection,
    )
    from campaigns.services import plan_load
    from phongquang_portal.core.permissions import SYSTEM
    from units.enums import Role, UnitKind
    from units.models import Household, Unit
    from units.services import membership_grant

    call_command("migrate", verbosity=0)
    campaign = plan_load(actor=SYSTEM)
    rng = random.Random(60)
    User = get_user_model()
    office = User.objects.create_user("vanhoa", password="x")
    membership_grant(user=office, role=Role.OFFICE, actor=SYSTEM, reason="Bench")

    # Four periods: the plan's two plus two quarterly ones.
    ReportingPeriod.objects.create(
        campaign=campaign,
        name="Báo cáo quý III năm 2025",
        position=3,
        opens_on=datetime.date(2025, 9, 15),
        due_on=datetime.date(2025, 10, 10),
        unit_kinds=[],
    )
    ReportingPeriod.objects.create(
        campaign=campaign,
        name="Báo cáo bổ sung năm 2025",
        position=4,
        opens_on=datetime.date(2025, 12, 1),
        due_on=datetime.date(2099, 12, 31),
        unit_kinds=[],
    )
    ReportingPeriod.objects.filter(campaign=campaign).update(unit_kinds=[])
    periods = list(
        ReportingPeriod.objects.filter(campaign=campaign).order_by("position")
    )

    hamlets = UNITS * 3 // 4
    units = []
    for index in range(UNITS):
        kind = UnitKind.HAMLET if index < hamlets else UnitKind.OFFICE
        name = (
            f"Thôn Thử {index:02d}"
            if kind == UnitKind.HAMLET
            else f"Phòng Thử {index:02d}"
        )
        units.append(Unit.objects.create(name=name, kind=kind, position=index))
    Household.objects.bulk_create(
        Household(head_name=f"Hộ {i}", hamlet=units[i % hamlets], members_count=4)
        for i in range(HOUSEHOLDS)
    )
    head = User.objects.create_user("truongthon", password="x", email="t@example.test")
    membership_grant(
        user=head, role=Role.UNIT_HEAD, unit=units[0], actor=SYSTEM, reason="Bench"
    )

    goals = list(campaign.goals.order_by("position"))
    indicators = list(Indicator.objects.filter(campaign=campaign))
    for period in periods:
        last = period == periods[-1]
        reports = Report.objects.bulk_create(
            Report(
                unit=unit,
                period=period,
                state=(
                    rng.choice(
                        [ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.DRAFT]
                    )
                    if last
                    else ReportState.ACCEPTED
                ),
            )
            for unit in units
        )
        if last:
            Report.objects.filter(pk=reports[0].pk).update(state=ReportState.DRAFT)
        ReportSection.objects.bulk_create(
            ReportSection(
                report=report,
                goal=goal,
                narrative=NARRATIVE.format(n=rng.randint(2, 9)),
            )
            for report in reports
            for goal in goals
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                report=report,
                indicator=indicator,
                value=Decimal(rng.randint(0, 95)),
            )
            for report in reports
            for indicator in indicators
            if indicator.applies_to(report.unit.kind)
        )
    return campaign, periods, units


def measure(client, url, runs=RUNS):
    times, queries, status = [], 0, None
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - start) * 1000)
        queries, status = len(ctx.captured_queries), response.status_code
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, queries, status


def main():
    setup_test_environment()
    settings.DEBUG = False
    started = time.perf_counter()
    campaign, periods, units = build()
    print(
        f"Built {len(units)} units, {HOUSEHOLDS} households, {len(periods)} periods, "
        f"{len(units) * len(periods)} reports in {time.perf_counter() - started:.1f} s\n"
    )
    from django.contrib.auth import get_user_model

    from campaigns.models import Report

    User = get_user_model()
    office = Client()
    office.force_login(User.objects.get(username="vanhoa"))
    head = Client()
    head.force_login(User.objects.get(username="truongthon"))
    last = periods[-1]
    final = periods[1]  # "Tổng kết năm 2025": all 60 reports accepted
    draft = Report.objects.get(period=last, unit=units[0])

    rows = [
        ("office board (60 units)", office, f"/campaigns/periods/{last.pk}/"),
        ("report list (office, 240 reports)", office, "/campaigns/reports/"),
        ("report form (hamlet head)", head, f"/campaigns/reports/{draft.pk}/edit/"),
        ("report list (hamlet head)", head, "/campaigns/reports/"),
        ("aggregated report page", office, f"/campaigns/periods/{final.pk}/aggregate/"),
        ("dashboard", office, f"/campaigns/{campaign.pk}/dashboard/?period={last.pk}"),
        (
            "aggregate Excel export",
            office,
            f"/campaigns/periods/{final.pk}/aggregate.xlsx",
        ),
    ]
    print(f"{'page':<36} {'median ms':>10} {'p95 ms':>9} {'queries':>8}")
    for label, client, url in rows:
        median, p95, queries, status = measure(client, url)
        assert status == 200, (label, status)
        print(f"{label:<36} {median:>10.0f} {p95:>9.0f} {queries:>8}")

    from campaigns.exports import aggregate_pdf, aggregate_period, aggregate_workbook

    aggregate = aggregate_period(final, expected=len(units))
    start = time.perf_counter()
    workbook = aggregate_workbook(aggregate)
    import io

    workbook.save(io.BytesIO())
    excel = time.perf_counter() - start
    start = time.perf_counter()
    pdf = aggregate_pdf(aggregate)
    pdf_time = time.perf_counter() - start
    print(
        f"\nExcel workbook ({len(aggregate.reports)} reports, 9 sheets): {excel:.2f} s"
        f"\nPDF ({len(pdf) // 1024} KB, {len(aggregate.reports)} reports' narratives): "
        f"{pdf_time:.2f} s"
    )
    median, p95, queries, _status = measure(
        office, f"/campaigns/periods/{final.pk}/aggregate.pdf", runs=3
    )
    print(f"PDF through the page (3 runs): median {median:.0f} ms, {queries} queries")


if __name__ == "__main__":
    main()
