import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    p for p in ROOT.rglob("locale/vi/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def _run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "phongquang_portal.settings",
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


PRINT_ENGINE = (
    "import django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
)


def test_settings_default_to_sqlite_under_data_folder():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    out = subprocess.run(
        [sys.executable, "-c", PRINT_ENGINE],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "phongquang_portal.settings"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    assert out == f"django.db.backends.sqlite3 {ROOT / 'data' / 'db.sqlite3'}"


def test_settings_switch_to_postgresql_with_database_url():
    out = _run_python(
        PRINT_ENGINE, DATABASE_URL="postgres://u:p@db.example:5432/thidua"
    )

    assert out == "django.db.backends.postgresql thidua"


def test_settings_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]


def test_production_profile_passes_check_deploy_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_ENV": "production",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789!",
            "ALLOWED_HOSTS": "thidua.phongquang.gov.vn",
            "PORTAL_BASE_URL": "https://thidua.phongquang.gov.vn",
        },
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {**os.environ, "DJANGO_ENV": "production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _entries(po_path):
    """Yield (msgid, msgstr_values, flags) for each entry of a .po file."""
    text = po_path.read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        current, parts = None, {}
        for line in lines:
            match = re.match(
                r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line
            )
            if match:
                current = match.group(1)
                parts[current] = match.group(2)
            elif line.startswith('"') and current:
                parts[current] += line[1:-1]
        if "msgid" in parts and parts["msgid"]:
            values = [v for k, v in parts.items() if k.startswith("msgstr")]
            yield parts["msgid"], values, flags


def test_every_app_has_a_vietnamese_catalogue():
    owners = {p.relative_to(ROOT).parts[0] for p in CATALOGUES}

    assert {
        "locale",
        "units",
        "campaigns",
        "scoring",
        "awards",
        "phongquang_portal",
    } <= owners


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_vietnamese_catalogue_is_complete(po_path):
    missing = [msgid for msgid, values, flags in _entries(po_path) if not all(values)]
    fuzzy = [msgid for msgid, _values, flags in _entries(po_path) if "fuzzy" in flags]

    assert missing == []
    assert fuzzy == []


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="gettext tools not installed"
)
def test_vietnamese_catalogues_hold_every_translatable_string(tmp_path):
    """Re-extract the strings from a copy of the tree: no string may be missing."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "data", "node_modules", "*.mo", "bench"
        ),
    )
    subprocess.run(
        ["make", "-s", "messages", f"PY={sys.executable}", "VENV=/nonexistent"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    for po_path in CATALOGUES:
        fresh = copy / po_path.relative_to(ROOT)
        committed = {msgid for msgid, _v, _f in _entries(po_path)}
        extracted = {msgid for msgid, _v, _f in _entries(fresh)}
        assert extracted - committed == set(), po_path
