"""Pages at the speed of the stack: the key pages over HTTP, against a bare view.

Run: .venv/bin/python bench/bench_http.py   (needs PostgreSQL on 127.0.0.1:5432
and Debian's ``wrk``; `make bench` runs it with the other scripts)

It builds a commune at scale in a throwaway PostgreSQL database (60 units,
6,000 households, 4 periods of reports, a score sheet per unit, 2,000
nominations), serves it with gunicorn (2 sync workers, production settings)
on 127.0.0.1, and runs wrk against a bare view, a one-query view and each
key page, interleaved in rounds so that the machine's mood touches all
alike. It prints one line per page:

    page=<name> ratio=<req/s of the page ÷ req/s of the bare view> p50=… p99=…

(medians over the rounds), and the query count of each page.
"""

import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.wrk import parse_wrk  # noqa: E402

TMP = Path(tempfile.mkdtemp(prefix="bench-http-"))
DB = os.environ.get("BENCH_DB", "bench_http")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "2"))

ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.http_settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "PORTAL_BASE_URL": "https://thidua.phongquang.gov.vn",
    "DATABASE_URL": f"{PG}/{DB}",
    "STATIC_ROOT": str(TMP / "static"),
    "DATA_DIR": str(TMP / "data"),
    "LOG_LEVEL": "ERROR",
    "PYTHONPATH": str(ROOT),
    # Production keeps the public boards in Redis (sessions and the boards'
    # versions stay in the database).
    "REDIS_URL": os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15"),
    "PAGE_CACHE": os.environ.get("BENCH_PAGE_CACHE", "1"),
}
os.environ.update(ENV)

UNITS = 60
HOUSEHOLDS = 6000
NOMINATIONS = 2000


def _recreate_database():
    import psycopg2

    connection = psycopg2.connect(f"{PG}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DB}"')
        cursor.execute(f'CREATE DATABASE "{DB}"')
    connection.close()


def _flush_redis():
    import redis

    redis.Redis.from_url(ENV["REDIS_URL"]).flushdb()


def main():
    if shutil.which("wrk") is None:
        sys.exit("bench_http: wrk is not installed (apt-get install wrk)")
    _recreate_database()
    _flush_redis()
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    from bench import commune

    world = commune.build(units=UNITS, households=HOUSEHOLDS, nominations=NOMINATIONS)
    call_command("collectstatic", interactive=False, verbosity=0)
    print(
        f"Built the commune in {time.perf_counter() - started:.0f} s: {world.summary}"
    )
    pages = world.pages()
    queries = world.query_counts(pages)
    cookies = world.session_cookies()

    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "phongquang_portal.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **ENV},
        start_new_session=True,
    )
    try:
        _wait_for_server()
        references = [
            ("bare", "/__bench/bare/", None),
            ("one_query", "/__bench/one-query/", None),
        ]
        targets = [
            ("base_layout", "/__bench/layout/", "office"),
            *[(name, url, who) for name, url, who in pages],
        ]
        for name, url, who in references + targets:
            status = _status(url, cookies.get(who))
            if status != 200:
                sys.exit(f"bench_http: {name} {url} answered {status}")
        results = {name: [] for name, _url, _who in references + targets}
        for _round in range(ROUNDS):
            for name, url, who in targets:
                bare = _wrk("/__bench/bare/", None)
                one = _wrk("/__bench/one-query/", None)
                page = _wrk(url, cookies.get(who))
                if page["rps"] is not None and bare["rps"]:
                    page["ratio"] = page["rps"] / bare["rps"]
                results["bare"].append(bare)
                results["one_query"].append(one)
                results[name].append(page)
        print()
        bare_rps = _median(r["rps"] for r in results["bare"])
        for name, _url, _who in references + targets:
            runs = results[name]
            rps = _median(r["rps"] for r in runs)
            ratio = _median(r.get("ratio") for r in runs)
            if ratio is None and rps is not None and bare_rps:
                ratio = rps / bare_rps
            missing = sorted({key for r in runs for key in r["missing"]})
            errors = sum(r["errors"] for r in runs)
            print(
                f"page={name:<24} ratio={_fmt(ratio, '5.3f')} "
                f"p50={_fmt(_median(r['p50'] for r in runs), '6.1f')}ms "
                f"p99={_fmt(_median(r['p99'] for r in runs), '6.1f')}ms "
                f"rps={_fmt(rps, '7.0f')} errors={errors} "
                f"queries={queries.get(name, '')}"
                + (
                    f" not measured in some rounds: {', '.join(missing)}"
                    if missing
                    else ""
                )
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(TMP, ignore_errors=True)


def _median(values):
    """The median of the values wrk gave (None where it gave none), or None."""
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def _fmt(value, spec):
    return "n/a" if value is None else format(value, spec)


def _request(path, cookie):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}")
    request.add_header("X-Forwarded-Proto", "https")
    if cookie:
        request.add_header("Cookie", f"sessionid={cookie}")
    return request


def _status(path, cookie):
    try:
        with urllib.request.urlopen(_request(path, cookie), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_for_server():
    for _ in range(100):
        try:
            _status("/__bench/bare/", None)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit("bench_http: gunicorn did not start")


def _wrk(path, cookie):
    headers = ["-H", "X-Forwarded-Proto: https"]
    if cookie:
        headers += ["-H", f"Cookie: sessionid={cookie}"]
    run = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            *headers,
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    result = parse_wrk(run.stdout)
    if run.returncode != 0:
        result["missing"] = ["rps", "p50", "p99"]
        result.update(rps=None, p50=None, p99=None)
    return result


if __name__ == "__main__":
    main()
