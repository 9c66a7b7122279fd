"""Kept pages are served fast and never stale: any write moves the data generation."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.models import Nomination
from phongquang_portal.core import pagecache
from tests.awards.helpers import voted
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _honor(client, campaign):
    return client.get(reverse("awards:honor") + f"?campaign={campaign.pk}")


def _decide(nomination, chairman, office_user, number):
    services.nomination_approve(nomination=nomination, actor=chairman)
    services.decision_issue(
        campaign=nomination.campaign,
        award_kind=nomination.award_kind,
        number=number,
        signed_on=datetime.date(2025, 12, 20),
        actor=office_user,
    )


def test_a_kept_page_is_served_without_touching_the_data(client, plan):
    first = _honor(client, plan)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as captured:
        second = _honor(client, plan)
    assert second["X-Page-Cache"] == "hit"
    assert second.content.decode().replace(
        TOKEN.search(second.content.decode()).group(1), ""
    ) == first.content.decode().replace(
        TOKEN.search(first.content.decode()).group(1), ""
    )
    assert captured.captured_queries == []


def test_a_decision_issued_through_the_services_shows_at_once(
    client, plan, make_nomination, chairman, office_user
):
    nomination = voted(make_nomination("unit"))
    assert nomination.nominee_unit.name not in _honor(client, plan).content.decode()
    assert _honor(client, plan)["X-Page-Cache"] == "hit"
    _decide(nomination, chairman, office_user, "3")
    response = _honor(client, plan)
    assert response["X-Page-Cache"] == "miss"
    assert nomination.nominee_unit.name in response.content.decode()


def test_a_bare_queryset_update_outside_any_service_also_moves_the_generation(
    client, plan, make_nomination, chairman, office_user
):
    nomination = voted(make_nomination("unit"))
    _decide(nomination, chairman, office_user, "5")
    assert nomination.nominee_unit.name in _honor(client, plan).content.decode()
    before = pagecache.generation()
    nomination.nominee_unit.__class__.objects.filter(
        pk=nomination.nominee_unit_id
    ).update(name="Thôn Đổi Tên")
    assert pagecache.generation() > before
    body = _honor(client, plan).content.decode()
    assert "Thôn Đổi Tên" in body


def test_sessions_and_login_throttling_do_not_move_it(client, plan, office_user):
    before = pagecache.generation()
    client.post(reverse("login"), {"username": "nobody", "password": "wrong"})
    client.force_login(office_user)
    # The login itself records last_login (a write to the users' table).
    after_login = pagecache.generation()
    client.get(reverse("home"))
    session = client.session
    session["x"] = 1
    session.save()
    assert pagecache.generation() == after_login
    assert after_login >= before


def test_each_visitor_gets_a_fresh_csrf_token_that_works(client, plan, office_user):
    client.force_login(office_user)
    _honor(client, plan)
    hit = _honor(client, plan)
    assert hit["X-Page-Cache"] == "hit"
    tokens = TOKEN.findall(hit.content.decode())
    assert tokens and "\x00" not in hit.content.decode()
    checked = client.__class__(enforce_csrf_checks=True)
    checked.force_login(office_user)
    checked.get(reverse("awards:honor") + f"?campaign={plan.pk}")
    page = checked.get(reverse("awards:honor") + f"?campaign={plan.pk}")
    assert page["X-Page-Cache"] == "hit"
    token = TOKEN.search(page.content.decode()).group(1)
    response = checked.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_users_never_share_a_kept_page(client, plan, office_user, hamlet_head):
    client.force_login(office_user)
    office = client.get(reverse("awards:council") + f"?campaign={plan.pk}")
    assert office.status_code == 200
    client.force_login(hamlet_head)
    head = client.get(reverse("awards:council") + f"?campaign={plan.pk}")
    assert head.status_code == 404


def test_waiting_messages_are_shown_on_a_fresh_page(client, rf, plan, office_user):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    client.force_login(office_user)
    url = reverse("awards:council") + f"?campaign={plan.pk}"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # What a redirect after a successful form leaves for the next page.
    client.cookies["messages"] = CookieStorage(rf.get("/"))._encode(
        [Message(constants.SUCCESS, "Đã ghi nhận cuộc họp.")]
    )
    response = client.get(url)
    assert "Đã ghi nhận cuộc họp." in response.content.decode()
    again = client.get(url)
    assert "Đã ghi nhận cuộc họp." not in again.content.decode()
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


def test_a_post_is_never_kept(client, plan, office_user):
    client.force_login(office_user)
    url = reverse("awards:council") + f"?campaign={plan.pk}"
    response = client.post(url, {"campaign": plan.pk, "meeting-held_on": "40/40/2025"})
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_the_chairmans_admin_list_shows_a_new_vote_at_once(
    client, plan, make_nomination, chairman
):
    client.force_login(chairman)
    url = reverse("admin:awards_nomination_changelist")
    voted(make_nomination("unit"))
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    unit = UnitFactory(name="Thôn Mới Bỏ Phiếu")
    voted(make_nomination("unit", unit=unit))
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Thôn Mới Bỏ Phiếu" in response.content.decode()
    assert Nomination.objects.count() == 2


def test_without_the_setting_nothing_is_kept(client, plan, settings):
    settings.PAGE_CACHE = False
    _honor(client, plan)
    assert "X-Page-Cache" not in _honor(client, plan)


def _redis_up():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="needs Redis on 127.0.0.1:6379 (CI has it)")
def test_with_redis_the_generation_is_shared_by_every_worker(client, plan, settings):
    import redis

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "phongquang-test",
        },
    }
    from django.core.cache import caches

    caches["default"].clear()
    before = pagecache.generation()
    UnitFactory(name="Thôn Ghi Vào Redis")
    # Another worker reads the same counter straight from Redis.
    keys = redis.Redis.from_url("redis://127.0.0.1:6379/14").keys("*data-generation*")
    assert keys and pagecache.generation() > before
    _honor(client, plan)
    assert _honor(client, plan)["X-Page-Cache"] == "hit"
    caches["default"].clear()
