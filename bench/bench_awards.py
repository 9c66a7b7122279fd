"""Benchmark the award pages and documents on 2,000 nominations.

Run: .venv/bin/python bench/bench_awards.py
Builds its own data in a throwaway SQLite database and prints, per page,
the median and p95 server time and the number of queries.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="bench-awards-")
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phongquang_portal.settings")
os.environ["DEBUG"] = "0"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

NOMINATIONS = 2000
RUNS = 30


def build():
    import datetime
    import random

    from django.contrib.auth import get_user_model

    from awards import services
    from awards.models import AwardKind, Nomination
    from campaigns.services import plan_load
    from phongquang_portal.core.permissions import SYSTEM
    from units.enums import Role, UnitKind
    from units.models import Household, Person, Unit
    from units.services import membership_grant

    call_command("migrate", verbosity=0)
    campaign = plan_load(actor=SYSTEM)
    User = get_user_model()
    users = {}
    for username, role in (
        ("vanhoa", Role.OFFICE),
        ("chutich", Role.CHAIRMAN),
        ("hoidong1", Role.COUNCIL),
    ):
        user = User.objects.create_user(
            username, password="x", first_name="Xuân", last_name="Nguyễn Ánh"
        )
        membership_grant(user=user, role=role, actor=SYSTEM, reason="Bench")
        users[username] = user
    rng = random.Random(5)
    units = Unit.objects.bulk_create(
        Unit(name=f"Thôn Bench {i}", kind=UnitKind.HAMLET, address=f"Thôn {i}")
        for i in range(400)
    )
    people = Person.objects.bulk_create(
        Person(full_name=f"Hoàng Thị Hoa {i}", kind="resident", unit=units[i % 400])
        for i in range(800)
    )
    households = Household.objects.bulk_create(
        Household(head_name=f"Lục Văn Bình {i}", head_sex="male", hamlet=units[i % 400])
        for i in range(400)
    )
    _score_sheets(campaign, units, rng)
    kind = AwardKind.objects.get(campaign=campaign, code="giay_khen_xa")
    states = ["voted"] * 6 + ["checked", "submitted", "draft", "rejected"]
    rows = []
    for i in range(NOMINATIONS):
        choice = i % 4
        nominee = {}
        if choice in (0, 1):
            nominee["nominee_unit"] = units[i % 400]
        elif choice == 2:
            nominee["nominee_person"] = people[i % 800]
        else:
            nominee["nominee_household"] = households[i % 400]
        state = rng.choice(states)
        votes = rng.randint(3, 9) if state in ("voted", "rejected") else None
        rows.append(
            Nomination(
                campaign=campaign,
                award_kind=kind,
                proposing_unit=units[i % 400],
                state=state,
                votes_for=votes,
                votes_against=0 if votes is not None else None,
                votes_abstain=0 if votes is not None else None,
                members_present=9 if votes is not None else None,
                council_passed=(votes or 0) > 4.5 if votes is not None else None,
                achievements="Thành tích",
                **nominee,
            )
        )
    Nomination.objects.bulk_create(rows, batch_size=500)
    # A decision with five awardees (2 collectives, 3 individuals).
    kind5 = AwardKind.objects.get(campaign=campaign, code="dot_xuat")
    chosen = []
    for index, nominee in enumerate(
        [{"nominee_unit": units[0]}, {"nominee_unit": units[1]}]
        + [{"nominee_person": people[j]} for j in range(2)]
        + [{"nominee_household": households[0]}]
    ):
        chosen.append(
            Nomination.objects.create(
                campaign=campaign,
                award_kind=kind5,
                proposing_unit=units[index],
                state="voted",
                votes_for=8,
                votes_against=0,
                votes_abstain=0,
                members_present=9,
                council_passed=True,
                **nominee,
            )
        )
    for nomination in chosen:
        services.nomination_approve(nomination=nomination, actor=users["chutich"])
    decision = services.decision_issue(
        campaign=campaign,
        award_kind=kind5,
        number="1",
        signed_on=datetime.date(2025, 12, 20),
        actor=users["vanhoa"],
    )
    return campaign, users, decision


def _score_sheets(campaign, units, rng):
    """A locked score sheet per hamlet, so the board's order reads real scores."""
    try:
        from scoring.models import ScoreSheet
    except ImportError:
        return
    fields = {f.name for f in ScoreSheet._meta.get_fields()}
    sheets = []
    for unit in units:
        sheet = ScoreSheet(campaign=campaign, unit=unit, state="locked")
        if "final_standard" in fields:  # sums kept on the sheet (scoring 0003)
            sheet.final_standard = rng.randint(40, 105)
        sheets.append(sheet)
    ScoreSheet.objects.bulk_create(sheets, batch_size=500)


def measure(client, url, runs=RUNS):
    timings, queries = [], 0
    client.get(url)  # warm up
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return statistics.median(timings), p95, queries


def timed(fn, runs=3):
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        result.append(time.perf_counter() - start)
    return statistics.median(result), max(result)


def main():
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    start = time.perf_counter()
    campaign, users, decision = build()
    print(
        f"Data: {NOMINATIONS} nominations built in {time.perf_counter() - start:.1f} s ({TMP})"
    )
    from awards import exports
    from awards.models import Nomination

    board = Nomination.objects.filter(
        campaign=campaign, state__in=["checked", "voted", "rejected"]
    ).count()
    queue = Nomination.objects.filter(campaign=campaign, state="submitted").count()
    print(f"Council board: {board} nominations; checking queue: {queue}")

    chairman = Client()
    chairman.force_login(users["chutich"])
    council = Client()
    council.force_login(users["hoidong1"])
    office = Client()
    office.force_login(users["vanhoa"])
    print(f"{'page':<44}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for label, client, url in (
        ("admin list (voted, 50/page)", chairman, "/admin/awards/nomination/"),
        ("admin list (all states)", chairman, "/admin/awards/nomination/?state=all"),
        (
            "council board (page 1, 50/page)",
            council,
            f"/awards/council/?campaign={campaign.pk}",
        ),
        (
            "council board (page 20, 50/page)",
            council,
            f"/awards/council/?campaign={campaign.pk}&page=20",
        ),
        (
            "office checking queue (50/page)",
            office,
            f"/awards/queue/?campaign={campaign.pk}",
        ),
        (
            "nomination list (office, 50/page)",
            office,
            f"/awards/?campaign={campaign.pk}",
        ),
    ):
        median, p95, queries = measure(client, url)
        print(f"{label:<44}{median:>10.1f}{p95:>10.1f}{queries:>9}")
    median, worst = timed(lambda: exports.decision_pdf(decision))
    print(f"decision PDF, 5 awardees: median {median:.2f} s, max {worst:.2f} s")
    rows = exports.awardee_rows(decision)
    fifty = [rows[i % len(rows)] for i in range(50)]
    median, worst = timed(lambda: exports.certificates_pdf(decision, rows=fifty))
    print(f"50 certificates in one PDF: median {median:.2f} s, max {worst:.2f} s")


if __name__ == "__main__":
    main()
