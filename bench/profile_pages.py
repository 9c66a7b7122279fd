"""Where a page's time goes: pyinstrument over warm requests, on the bench's commune.

Run after bench/bench_http.py has built its database (it is kept):
    .venv/bin/python bench/profile_pages.py [page-name ...]
Needs pyinstrument (pip install pyinstrument). Prints each page's mean time
per request and its profile (time in our own code, Django's, the database).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.http_settings")
os.environ.setdefault("DJANGO_ENV", "production")
os.environ.setdefault("SECRET_KEY", "profile-" + "x" * 50)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault(
    "DATABASE_URL",
    os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    + "/"
    + os.environ.get("BENCH_DB", "bench_http"),
)
os.environ.setdefault("DATA_DIR", "/tmp/bench-profile-data")
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ.setdefault("STATIC_ROOT", "/tmp/bench-profile-static")


def main():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.auth import get_user_model
    from django.test import Client
    from pyinstrument import Profiler

    from awards.models import Nomination
    from campaigns.models import Campaign, Report, ReportingPeriod

    campaign = Campaign.objects.order_by("-pk").first()
    period = ReportingPeriod.objects.filter(campaign=campaign).order_by("pk").first()
    draft = Report.objects.filter(period__campaign=campaign, state="draft").first()
    User = get_user_model()
    users = {
        u: User.objects.get(username=n)
        for u, n in (
            ("office", "vanhoa"),
            ("council", "hoidong1"),
            ("chairman", "chutich"),
        )
    }
    if draft is not None:
        from units.models import Membership

        head = Membership.objects.filter(unit=draft.unit, role="unit_head").first()
        users["head"] = head.user if head else None
    c = campaign.pk
    pages = {
        "base_layout": ("/__bench/layout/", "office"),
        "office_report_board": (f"/campaigns/periods/{period.pk}/", "office"),
        "head_report_form": (
            f"/campaigns/reports/{draft.pk}/edit/" if draft else None,
            "head",
        ),
        "scoring_ranking": (f"/scoring/campaign/{c}/ranking/", "office"),
        "council_board": (f"/awards/council/?campaign={c}", "council"),
        "admin_nominations": ("/admin/awards/nomination/", "chairman"),
        "honor_awards": (f"/awards/honor/?campaign={c}", None),
        "honor_scoring": (f"/scoring/campaign/{c}/honor-board/", None),
    }
    del Nomination
    wanted = sys.argv[1:] or list(pages)
    repeat = int(os.environ.get("PROFILE_REPEAT", "20"))
    for name in wanted:
        path, who = pages[name]
        if not path:
            continue
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        if who and users.get(who):
            client.force_login(users[who])
        assert client.get(path, secure=True).status_code == 200, name
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        profiler.start()
        for _ in range(repeat):
            client.get(path, secure=True)
        profiler.stop()
        elapsed = (time.perf_counter() - started) / repeat * 1000
        print(f"===== {name}: {elapsed:.1f} ms per request")
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
