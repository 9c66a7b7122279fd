"""The demo commune, built once per test process and laid down for the tests that read it.

``seed_demo`` takes about twenty seconds; some two dozen tests read the world it
builds. So each test process (each pytest-xdist worker) runs it once, as of
``DEMO_DAY``, keeps every row of every table and the files it stored, and rolls
it back. A module that reads the demo asks for ``demo`` (its tests share one
copy laid down in a transaction that is rolled back after the module, each test
in its own savepoint) or, for a live server, ``demo_committed`` (a committed
copy that the transactional test's flush removes).

Laying the copy down replaces the whole content of every table: rows are written
back with their own primary keys (content types and permissions included), so
the copy is the seeded database, whatever ran before it in the process.
"""

import datetime
import io
import shutil
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase, override_settings

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# The demo's day: the 2026 campaign under way, its year-end report due 10/12 and
# its dossiers due 15/12 (the README's demo-login table tells this day's story).
DEMO_DAY = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=VN)
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass(frozen=True)
class Table:
    model: type
    name: str
    columns: tuple
    rows: tuple


@dataclass(frozen=True)
class Snapshot:
    tables: tuple
    media: Path

    def copy_media(self, target):
        shutil.copytree(self.media, target, dirs_exist_ok=True)
        return target


def _models():
    """One model per table: concrete, managed, m2m tables included."""
    seen, models = set(), []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in seen:
            continue
        seen.add(meta.db_table)
        models.append(model)
    return models


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def _capture():
    tables = []
    with connection.cursor() as cursor:
        for model in _models():
            columns = tuple(f.column for f in model._meta.local_concrete_fields)
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT {quoted} FROM {table}")  # noqa: S608
            rows = tuple(tuple(_plain(v) for v in row) for row in cursor.fetchall())
            tables.append(Table(model, model._meta.db_table, columns, rows))
    return tuple(tables)


def lay_down(snapshot):
    """Replace every table's rows with the snapshot's, on the open connection.

    Foreign keys are deferred (Django declares them so on SQLite and
    PostgreSQL), so the order of the tables does not matter inside a
    transaction.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in snapshot.tables:
            cursor.execute(f"DELETE FROM {quote(table.name)}")  # noqa: S608
        for table in snapshot.tables:
            if not table.rows:
                continue
            columns = ", ".join(quote(c) for c in table.columns)
            marks = ", ".join(["%s"] * len(table.columns))
            cursor.executemany(
                f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})",  # noqa: S608
                table.rows,
            )
        if connection.vendor == "postgresql":
            models = [t.model for t in snapshot.tables]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """Run ``seed_demo`` once in this process, keep its rows and files, undo it."""
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER),
        time_machine.travel(DEMO_DAY, tick=False),
        transaction.atomic(),
    ):
        # What a real run does once its transaction commits (the decisions'
        # documents are rendered then) runs here before the rollback.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=io.StringIO())
        tables = _capture()
        transaction.set_rollback(True)
    ContentType.objects.clear_cache()
    return Snapshot(tables, media)


@dataclass(frozen=True)
class DemoWorld:
    """The laid-down demo: its files' folder."""

    media: Path


@pytest.fixture(scope="module")
def demo_world(request, demo_snapshot, django_db_blocker, tmp_path_factory):
    """The demo laid down once for the module, rolled back after its last test.

    Every test of such a module must ask for ``demo``: a test that did not
    would still see the demo's rows (``_demo_only_where_asked`` checks it).
    """
    media = demo_snapshot.copy_media(tmp_path_factory.mktemp("demo-module-media"))
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # services' durable blocks may nest in tests
        outer.__enter__()
        try:
            lay_down(demo_snapshot)
            request.module.__demo_world__ = True
            yield DemoWorld(media)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            ContentType.objects.clear_cache()
            request.module.__demo_world__ = False


@pytest.fixture(autouse=True)
def _demo_only_where_asked(request):
    """A module that lays the demo down holds only tests that read it."""
    if getattr(request.module, "__demo_world__", False) and (
        "demo_world" not in request.fixturenames
    ):
        pytest.fail(
            f"{request.node.nodeid} runs inside its module's demo world without "
            "asking for it: ask for `demo`, or move the test to another module"
        )


@pytest.fixture
def demo(demo_world, db, settings):
    """The shared demo world, this test's changes rolled back after it."""
    settings.MEDIA_ROOT = demo_world.media
    with time_machine.travel(DEMO_DAY, tick=True):
        yield demo_world


@pytest.fixture
def demo_committed(demo_snapshot, transactional_db, settings, tmp_path):
    """The demo committed for a live server; the transactional flush removes it."""
    settings.MEDIA_ROOT = demo_snapshot.copy_media(tmp_path / "demo-media")
    lay_down(demo_snapshot)
    with time_machine.travel(DEMO_DAY, tick=True):
        yield DemoWorld(settings.MEDIA_ROOT)
    ContentType.objects.clear_cache()
