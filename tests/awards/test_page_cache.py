"""The public boards are kept under their campaign's version; the rest is built fresh.

The services that change what a board shows move the version (in the
database); a cache that is away, flushed or put back from an old copy only
ever makes a page slower, never wrong, never a 500.
"""

import datetime
import re
import socket

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.decisions.services import decision_replace
from exemplars.services import (
    exemplar_create,
    exemplar_evidence_add,
    exemplar_recognise,
    exemplar_spread_record,
    exemplar_update,
)
from phongquang_portal.core import cache as failsafe
from phongquang_portal.core.versions import (
    campaign_namespace,
    campaign_pages_changed,
    version_of,
)
from scoring.enums import SheetState
from scoring.services import ranking_publish, ranking_unpublish, sheet_lock
from tests.factories import UnitFactory
from tests.scoring.builders import campaign_with_criteria, sheet_with_points

from .helpers import voted

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "pw-Test-12345"  # tests.factories.UserFactory's
CLOSED_PORT = "redis://127.0.0.1:6390/0"
TEST_REDIS = "redis://127.0.0.1:6379/15"
SIGNED_ON = datetime.date(2025, 12, 20)


def _boards(campaign):
    return {
        "awards": reverse("awards:honor") + f"?campaign={campaign.pk}",
        "scoring": reverse("scoring:honor_board", args=[campaign.pk]),
        "exemplars": reverse("exemplars:public") + f"?campaign={campaign.pk}",
    }


def _honor(client, campaign):
    return client.get(_boards(campaign)["awards"])


def _without_token(response):
    body = response.content.decode()
    return TOKEN.sub("", body)


def _decide(nomination, chairman, office_user, number):
    services.nomination_approve(nomination=nomination, actor=chairman)
    return services.decision_issue(
        campaign=nomination.campaign,
        award_kind=nomination.award_kind,
        number=number,
        signed_on=SIGNED_ON,
        actor=office_user,
    )


def _redis_cache(location):
    return {
        "BACKEND": "phongquang_portal.core.cache.FailSafeRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "phongquang-test",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


@pytest.fixture
def redis_at(settings):
    """Point both caches at a Redis (a real one, or a closed port)."""

    def point(location):
        failsafe._RESUME_AT.clear()
        settings.CACHES = {
            "default": _redis_cache(location),
            "pages": {**_redis_cache(location), "KEY_PREFIX": "phongquang-test-pages"},
        }

    yield point
    failsafe._RESUME_AT.clear()


def _redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(
    not _redis_up(), reason="needs Redis on 127.0.0.1:6379 (CI has it)"
)


# --- Kept: the public boards, for anonymous visitors -------------------------------------


@pytest.mark.parametrize(
    "board, tables",
    [
        # the campaign named by ?campaign= (the one helper that reads it), its version
        ("awards", ["campaigns_campaign", "core_contentversion"]),
        ("exemplars", ["campaigns_campaign", "core_contentversion"]),
        # the campaign is in the path: its version only
        ("scoring", ["core_contentversion"]),
    ],
)
def test_a_public_board_is_served_from_the_cache_reading_only_its_version(
    client, plan, board, tables
):
    url = _boards(plan)[board]
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert _without_token(second) == _without_token(first)
    read = [
        re.search(r'FROM "(\w+)"', q["sql"]).group(1) for q in captured.captured_queries
    ]
    assert read == tables


def test_without_a_campaign_named_the_current_one_is_kept(client, plan):
    client.get(reverse("awards:honor"))
    with CaptureQueriesContext(connection) as captured:
        kept = client.get(reverse("awards:honor"))
    assert kept["X-Page-Cache"] == "hit"
    assert len(captured.captured_queries) <= 3  # the current campaign, its version


def test_the_version_lives_in_the_database_and_moves(plan):
    namespace = campaign_namespace(plan.pk)
    assert version_of(namespace) == ""
    first = campaign_pages_changed(plan.pk)
    assert version_of(namespace) == first != ""
    assert campaign_pages_changed(plan.pk) != first
    assert version_of(namespace) != first


# --- Moved by the services that change what the boards show ------------------------------


def test_a_decision_issued_shows_at_once(
    client, plan, make_nomination, chairman, office_user
):
    nomination = voted(make_nomination("unit"))
    assert nomination.nominee_unit.name not in _honor(client, plan).content.decode()
    assert _honor(client, plan)["X-Page-Cache"] == "hit"
    _decide(nomination, chairman, office_user, "3")
    response = _honor(client, plan)
    assert response["X-Page-Cache"] == "miss"
    assert nomination.nominee_unit.name in response.content.decode()


def test_a_decision_issued_shows_at_once_however_the_campaign_is_spelt(
    client, plan, make_nomination, chairman, office_user
):
    url = reverse("awards:honor") + f"?campaign=0{plan.pk}"
    nomination = voted(make_nomination("unit"))
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    _decide(nomination, chairman, office_user, "3")
    assert nomination.nominee_unit.name in client.get(url).content.decode()


def test_a_replacing_decision_shows_at_once(
    client, plan, make_nomination, chairman, office_user
):
    old = _decide(voted(make_nomination("unit")), chairman, office_user, "4")
    assert str(old) in _honor(client, plan).content.decode()
    assert _honor(client, plan)["X-Page-Cache"] == "hit"
    new = decision_replace(
        decision=old,
        signed_on=datetime.date(2025, 12, 22),
        actor=office_user,
        reason="Sửa số quyết định.",
    )
    body = _honor(client, plan).content.decode()
    assert str(new) in body and str(old) not in body


def test_publishing_withdrawing_and_locking_show_at_once_on_the_ranking_board(
    client, office_user
):
    campaign = campaign_with_criteria()
    first = sheet_with_points(
        campaign,
        {"A.1": 30},
        unit=UnitFactory(name="Thôn Công Bố", kind="hamlet"),
        state=SheetState.LOCKED,
    )
    url = _boards(campaign)["scoring"]
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    ranking_publish(campaign=campaign, actor=office_user, top_n=3)
    assert first.unit.name in client.get(url).content.decode()

    late = sheet_with_points(
        campaign, {"A.1": 40}, unit=UnitFactory(name="Thôn Khóa Sau", kind="hamlet")
    )
    assert client.get(url)["X-Page-Cache"] == "hit"
    sheet_lock(sheet=late, actor=office_user)
    assert late.unit.name in client.get(url).content.decode()

    ranking_unpublish(campaign=campaign, actor=office_user, reason="Soát lại.")
    body = client.get(url).content.decode()
    assert first.unit.name not in body and 'id="honor-board-empty"' in body


def test_recognising_editing_and_spreading_a_model_show_at_once(
    client, plan, hamlet, hamlet_head, other_hamlet, office_user
):
    goal = plan.goals.first()
    model = exemplar_create(
        campaign=plan,
        unit=hamlet,
        actor=hamlet_head,
        name="Chợ quê không dùng tiền mặt",
        description="Tiểu thương dán mã QR.",
        goals=[goal],
    )
    url = _boards(plan)["exemplars"]
    assert model.name not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    exemplar_recognise(
        model=model, actor=office_user, recognised_on=datetime.date(2025, 10, 15)
    )
    assert model.name in client.get(url).content.decode()

    exemplar_update(
        model=model,
        actor=office_user,
        name="Chợ quê số",
        description="Tiểu thương dán mã QR.",
        goals=[goal],
    )
    assert "Chợ quê số" in client.get(url).content.decode()

    exemplar_spread_record(
        model=model,
        actor=office_user,
        unit=other_hamlet,
        spread_on=datetime.date(2025, 11, 1),
    )
    assert other_hamlet.name in client.get(url).content.decode()

    photo = exemplar_evidence_add(
        model=model, actor=office_user, file=_png_upload(), photo=True
    )
    assert reverse("exemplars:photo", args=[photo.pk]) in (
        client.get(url).content.decode()
    )


def _png_upload():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("anh.png", buffer.getvalue(), content_type="image/png")


# --- Never kept: signed-in pages, POSTs, pages with messages -----------------------------


def test_signed_in_pages_are_never_kept(
    client, plan, hamlet, office_user, council_user, chairman, hamlet_head, time_machine
):
    from campaigns.models import ReportingPeriod
    from campaigns.services import report_start

    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=datetime.UTC))
    period = ReportingPeriod.objects.get(campaign=plan, name="Tổng kết năm 2025")
    report = report_start(unit=hamlet, period=period, actor=hamlet_head)
    pages = [
        (office_user, reverse("campaigns:board", args=[period.pk])),
        (hamlet_head, reverse("campaigns:report_edit", args=[report.pk])),
        (office_user, reverse("scoring:ranking", args=[plan.pk]) + "?kind=hamlet"),
        (council_user, reverse("awards:council") + f"?campaign={plan.pk}"),
        (chairman, reverse("admin:awards_nomination_changelist")),
        *[(office_user, url) for url in _boards(plan).values()],
    ]
    for user, url in pages:
        client.force_login(user)
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Page-Cache" not in response, url


def test_a_signed_in_visitor_sees_a_change_made_outside_any_service(
    client, plan, make_nomination, chairman, office_user
):
    nomination = voted(make_nomination("unit"))
    _decide(nomination, chairman, office_user, "5")
    client.force_login(office_user)
    assert nomination.nominee_unit.name in _honor(client, plan).content.decode()
    type(nomination.nominee_unit).objects.filter(pk=nomination.nominee_unit_id).update(
        name="Thôn Đổi Tên"
    )
    assert "Thôn Đổi Tên" in _honor(client, plan).content.decode()


def test_a_head_request_is_never_kept(client, plan):
    response = client.head(_boards(plan)["awards"])
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_each_visitor_gets_a_fresh_csrf_token_that_works(plan):
    from django.test import Client

    checked = Client(enforce_csrf_checks=True)
    checked.get(_boards(plan)["awards"])
    page = checked.get(_boards(plan)["awards"])
    assert page["X-Page-Cache"] == "hit"
    assert "\x00" not in page.content.decode()
    token = TOKEN.search(page.content.decode()).group(1)
    response = checked.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_waiting_messages_are_shown_on_a_fresh_page(client, rf, plan):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    url = _boards(plan)["awards"]
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.cookies["messages"] = CookieStorage(rf.get("/"))._encode(
        [Message(constants.SUCCESS, "Đã đăng xuất.")]
    )
    response = client.get(url)
    assert "Đã đăng xuất." in response.content.decode()
    again = client.get(url)
    assert "Đã đăng xuất." not in again.content.decode()
    assert again["X-Page-Cache"] == "hit"


def test_the_local_day_is_in_the_key(client, plan):
    # 16:59 UTC is 23:59 in Vietnam; 90 seconds later it is the next day there.
    with time_machine.travel(
        datetime.datetime(2025, 12, 15, 16, 59, tzinfo=datetime.UTC)
    ):
        _honor(client, plan)
    with time_machine.travel(
        datetime.datetime(2025, 12, 15, 16, 59, 30, tzinfo=datetime.UTC)
    ):
        assert _honor(client, plan)["X-Page-Cache"] == "hit"
    with time_machine.travel(
        datetime.datetime(2025, 12, 15, 17, 0, 30, tzinfo=datetime.UTC)
    ):
        assert _honor(client, plan)["X-Page-Cache"] == "miss"


def test_a_kept_page_expires_after_page_cache_seconds(client, plan, settings):
    settings.PAGE_CACHE_SECONDS = 60
    with time_machine.travel(
        datetime.datetime(2025, 12, 10, 2, 0, tzinfo=datetime.UTC)
    ):
        _honor(client, plan)
    with time_machine.travel(
        datetime.datetime(2025, 12, 10, 2, 1, 5, tzinfo=datetime.UTC)
    ):
        assert _honor(client, plan)["X-Page-Cache"] == "miss"


def test_without_the_setting_nothing_is_kept(client, plan, settings):
    settings.PAGE_CACHE = False
    _honor(client, plan)
    assert "X-Page-Cache" not in _honor(client, plan)


# --- Redis away, flushed or put back: slower at worst, never wrong, never a 500 ----------


def test_with_redis_unreachable_every_page_and_write_answers(
    client,
    plan,
    redis_at,
    hamlet_head,
    draft,
    make_nomination,
    chairman,
    office_user,
    time_machine,
):
    time_machine.move_to(datetime.datetime(2025, 12, 1, 9, 0, tzinfo=datetime.UTC))
    redis_at(CLOSED_PORT)
    for url in _boards(plan).values():
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200

    response = client.post(
        reverse("login"), {"username": hamlet_head.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("awards:detail", args=[draft.pk])).status_code == 200
    response = client.post(
        reverse("awards:submit", args=[draft.pk]), {"confirmed": "1"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == "submitted"
    assert client.get(response["Location"]).status_code == 200  # the message shows

    client.logout()
    nomination = voted(make_nomination("unit"))
    _decide(nomination, chairman, office_user, "8")
    assert nomination.nominee_unit.name in _honor(client, plan).content.decode()


def test_an_unreachable_redis_reads_as_an_empty_cache(redis_at):
    redis_at(CLOSED_PORT)
    store = caches["default"]
    assert store.get("k", "fallback") == "fallback"
    assert store.set("k", 1) is None
    assert store.add("k", 1) is False
    assert store.get_many(["k"]) == {}
    assert store.get_or_set("k", 5) == 5
    with pytest.raises(ValueError):
        store.incr("k")
    assert store.delete("k") is False
    # Left alone for a while after the first error: no wait at each call.
    assert failsafe._RESUME_AT


@needs_redis
def test_a_flushed_or_rewound_redis_never_brings_back_an_old_board(
    client, plan, redis_at, make_nomination, chairman, office_user
):
    # One test uses the real Redis (its db 15, flushed alone), so that no
    # other worker of the suite flushes it meanwhile.
    import redis

    redis_at(TEST_REDIS)
    server = redis.Redis.from_url(TEST_REDIS)
    server.flushdb()
    nomination = voted(make_nomination("unit"))
    _honor(client, plan)
    assert _honor(client, plan)["X-Page-Cache"] == "hit"
    assert server.keys("phongquang-test-pages:*")  # kept in Redis, for every worker
    old_copy = {key: server.dump(key) for key in server.keys("*")}

    _decide(nomination, chairman, office_user, "6")
    assert nomination.nominee_unit.name in _honor(client, plan).content.decode()

    server.flushdb()  # Redis emptied: built again, with the newest content
    response = _honor(client, plan)
    assert response["X-Page-Cache"] == "miss"
    assert nomination.nominee_unit.name in response.content.decode()

    server.flushdb()  # Redis put back from a copy taken before the change
    for key, value in old_copy.items():
        server.restore(key, 0, value, replace=True)
    response = _honor(client, plan)
    assert response["X-Page-Cache"] == "miss"
    assert nomination.nominee_unit.name in response.content.decode()
    server.flushdb()


def test_with_redis_sessions_stay_in_the_database_and_the_caches_fail_safe():
    import os
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_ENGINE, s.CACHES['default']['BACKEND'], "
        "s.CACHES['pages']['BACKEND'])"
    )
    printed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "phongquang_portal.settings",
            "REDIS_URL": CLOSED_PORT,
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert printed == [
        "django.contrib.sessions.backends.db",
        "phongquang_portal.core.cache.FailSafeRedisCache",
        "phongquang_portal.core.cache.FailSafeRedisCache",
    ]
