"""Benchmark scoring: 5,000 units' score sheets × 30 criteria.

Run: .venv/bin/python bench/bench_scoring.py
Builds its own data in a throwaway SQLite database, then prints the median
and p95 server time and the query count of the ranking page, the Excel
summary export (with its peak Python memory) and the awards-facing
``unit_scores`` selector. Targets: ranking page p95 < 200 ms; Excel export
of 5,000 rows < 3 s and < 150 MB.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="bench-scoring-")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{TMP}/bench.sqlite3"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phongquang_portal.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

UNITS = int(os.environ.get("BENCH_UNITS", 5000))
CRITERIA = 30
PAGE_RUNS = 30
EXPORT_RUNS = 5


def build():
    import random
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from campaigns.services import plan_load
    from scoring.enums import CriterionKind, SheetState
    from scoring.models import Criterion, CriterionGroup, ScoreEntry, ScoreSheet
    from units.enums import Role, UnitKind
    from units.models import Unit
    from units.services import membership_grant

    call_command("migrate", verbosity=0)
    from phongquang_portal.core.permissions import SYSTEM

    campaign = plan_load(actor=SYSTEM)
    user = get_user_model().objects.create_user("vanhoa", password="x")
    membership_grant(user=user, role=Role.OFFICE, actor=SYSTEM, reason="Benchmark")
    # The plan seeds 25 criteria; add hamlet criteria until hamlets have 30.
    group = CriterionGroup.objects.get(campaign=campaign, code="G")
    have = [
        c for c in Criterion.objects.filter(campaign=campaign) if c.applies_to("hamlet")
    ]
    Criterion.objects.bulk_create(
        Criterion(
            campaign=campaign,
            group=group,
            code=f"G.B{i}",
            title=f"Tiêu chí bổ sung {i}",
            max_points=Decimal("4"),
            unit_kinds=["hamlet"],
            position=100 + i,
        )
        for i in range(CRITERIA - len(have))
    )
    criteria = [
        c for c in Criterion.objects.filter(campaign=campaign) if c.applies_to("hamlet")
    ]
    assert len(criteria) == CRITERIA, len(criteria)
    units = Unit.objects.bulk_create(
        Unit(name=f"Thôn Bench {i:05d}", kind=UnitKind.HAMLET, position=i)
        for i in range(UNITS)
    )
    sheets = ScoreSheet.objects.bulk_create(
        ScoreSheet(
            campaign=campaign,
            unit=unit,
            state=SheetState.LOCKED if i % 3 else SheetState.REVIEWED,
        )
        for i, unit in enumerate(units)
    )
    rng = random.Random(4)
    batch = []
    for sheet in sheets:
        for criterion in criteria:
            if criterion.kind == CriterionKind.PENALTY:
                value = Decimal(rng.choice([0, 0, 0, 1, 2]))
            else:
                value = (
                    criterion.max_points * Decimal(rng.randint(30, 100)) / 100
                ).quantize(Decimal("0.5"))
            batch.append(
                ScoreEntry(
                    sheet=sheet,
                    criterion=criterion,
                    self_points=value,
                    final_points=value,
                )
            )
        if len(batch) >= 20000:
            ScoreEntry.objects.bulk_create(batch)
            batch = []
    ScoreEntry.objects.bulk_create(batch)
    # What sheet_finalise stores for each sheet, done here for all at once.
    from scoring.services import final_sums_refresh

    final_sums_refresh(sheets=ScoreSheet.objects.filter(campaign=campaign))
    return campaign


def measure(client, url, runs):
    times, queries, size = [], None, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            body = response.content
            elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed)
        queries = len(captured.captured_queries)
        size = len(body)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95, queries, size


def main():
    setup_test_environment()
    started = time.perf_counter()
    campaign = build()
    print(
        f"Built {UNITS} sheets × {CRITERIA} criteria on {connection.vendor} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    client = Client()
    client.force_login(
        __import__("django.contrib.auth")
        .contrib.auth.get_user_model()
        .objects.get(username="vanhoa")
    )
    base = f"/scoring/campaign/{campaign.pk}"
    pages = [
        ("ranking page 1", f"{base}/ranking/?kind=hamlet", PAGE_RUNS),
        ("ranking page 50", f"{base}/ranking/?kind=hamlet&page=50", PAGE_RUNS),
        ("sheet list", f"{base}/sheets/", PAGE_RUNS),
        ("excel export", f"{base}/ranking/export.xlsx", EXPORT_RUNS),
    ]
    print(f"{'page':<18}{'median ms':>11}{'p95 ms':>10}{'queries':>9}{'bytes':>11}")
    for name, url, runs in pages:
        client.get(url)  # warm-up
        median, p95, queries, size = measure(client, url, runs)
        print(f"{name:<18}{median:>11.1f}{p95:>10.1f}{queries:>9}{size:>11}")

    from scoring.selectors import unit_scores

    times = []
    for _ in range(10):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            scores = unit_scores(campaign=campaign)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"{'unit_scores()':<18}{statistics.median(times):>11.1f}{times[-1]:>10.1f}"
        f"{len(captured.captured_queries):>9}{len(scores):>11}"
    )

    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(f"{base}/ranking/export.xlsx")
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"Excel export: {len(response.content) / 1e6:.1f} MB file; peak Python memory "
        f"{peak / 1e6:.1f} MB (tracemalloc, {elapsed:.1f} s traced); "
        f"process max RSS {maxrss_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
