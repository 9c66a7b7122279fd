"""Fixtures every test module may use: a plan, a unit, and one user per role."""

import os

import pytest
from django.db import connection

from campaigns.services import plan_load
from units.enums import Role

from .demo_world import (  # noqa: F401  (fixtures)
    _demo_only_where_asked,
    demo,
    demo_committed,
    demo_snapshot,
    demo_world,
)
from .factories import UnitFactory, unit_head, user_with_role

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "pw-Test-12345"

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told that this is deliberate (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    """Fast password hashing, uploads in a temporary folder, Vietnamese by default."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LANGUAGE_CODE = "vi"
    # Each test starts with no kept page (a rolled-back test's data moved
    # the data generation that the next test may reach again).
    from django.core.cache import caches

    for alias in ("default", "pages"):
        caches[alias].clear()


@pytest.fixture
def plan(db):
    """The 2025 campaign loaded from the plan."""
    return plan_load()


@pytest.fixture
def hamlet(db):
    return UnitFactory(name="Thôn Nà Mòn")


@pytest.fixture
def other_hamlet(db):
    return UnitFactory(name="Thôn Khuổi Tát")


@pytest.fixture
def hamlet_head(hamlet):
    return unit_head(hamlet, username="thon_test")


@pytest.fixture
def other_head(other_hamlet):
    return unit_head(other_hamlet, username="thon_other")


@pytest.fixture
def office_user(db):
    return user_with_role(Role.OFFICE, username="vanhoa_test")


@pytest.fixture
def council_user(db):
    return user_with_role(Role.COUNCIL, username="hoidong_test")


@pytest.fixture
def chairman(db):
    return user_with_role(Role.CHAIRMAN, username="chutich_test")


@pytest.fixture
def sysadmin(db):
    return user_with_role(Role.SYSADMIN, username="quantri_test")


def is_postgres():
    return connection.vendor == "postgresql"


requires_postgres = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres") is False,
    reason="needs PostgreSQL (DATABASE_URL=postgres://…); .ci/run provides it",
)


def chromium_available():
    return os.path.exists(CHROMIUM)


@pytest.fixture(scope="session")
def browser_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_launch_args):
    """pytest-playwright's hook: drive Debian's Chromium, never a downloaded browser."""
    return browser_launch_args


def pytest_collection_modifyitems(config, items):
    """Browser tests skip with a reason where no Chromium exists, unless CI requires it."""
    if chromium_available() or not any("browser" in item.keywords for item in items):
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(
            f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}"
        )
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: apt-get install chromium"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def phone_page(browser, live_server):
    """A page in a 390×844 phone viewport, speaking Vietnamese, against the live server."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale="vi-VN"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def browser_login(page, username, password=PASSWORD):
    """Log in through the real login form."""
    page.goto(page.base_url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
