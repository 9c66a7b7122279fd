"""Production refuses to start without a public PORTAL_BASE_URL (issue 17)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from phongquang_portal.core.checks import check_public_base_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "base_url",
    [
        "",
        "http://127.0.0.1:8000",
        "http://localhost:8000/",
        "https://LOCALHOST",
        "http://0.0.0.0",
        "http://[::1]:8000",
        "thidua.phongquang.gov.vn",  # no scheme: not an address a phone can open
    ],
)
def test_base_url_check_refuses_local_address_in_production(settings, base_url):
    settings.PRODUCTION = True
    settings.PORTAL_BASE_URL = base_url

    errors = check_public_base_url()

    assert [error.id for error in errors] == ["portal.E001"]


def test_base_url_check_accepts_public_address_in_production(settings):
    settings.PRODUCTION = True
    settings.PORTAL_BASE_URL = "https://thidua.phongquang.gov.vn"

    assert check_public_base_url() == []


def test_base_url_check_silent_in_development(settings):
    settings.PRODUCTION = False
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8000"

    assert check_public_base_url() == []


def _manage_check(extra_env):
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "PORTAL_BASE_URL")
        },
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-0123456789!",
        "ALLOWED_HOSTS": "thidua.phongquang.gov.vn",
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_check_fails_without_base_url():
    result = _manage_check({})

    assert result.returncode != 0
    assert "portal.E001" in result.stderr


def test_production_check_fails_with_loopback_base_url():
    result = _manage_check({"PORTAL_BASE_URL": "http://127.0.0.1:8000"})

    assert result.returncode != 0
    assert "portal.E001" in result.stderr
