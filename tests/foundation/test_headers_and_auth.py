"""Issue 17: what the answers tell browsers to keep, and how guessing is slowed.

Signed-in pages and private files are stored nowhere (``no-store``); the
language cookie travels like the session's; the 400 page refused before the
middleware ran still forbids framing; reset mails and many usernames tried
from one address are limited.
"""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OFFICE = {"REMOTE_ADDR": "10.0.0.5"}
OTHER_OFFICE = {"REMOTE_ADDR": "10.0.0.6"}


def _cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


# --- Cache-Control ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/units/mine/", "/awards/", "/admin/"])
def test_signed_in_pages_are_not_stored(client, hamlet_head, office_user, url):
    client.force_login(office_user if url == "/admin/" else hamlet_head)

    response = client.get(url, follow=url == "/")

    assert response.status_code == 200
    assert {"no-store", "private"} <= _cache_control(response)


def test_anonymous_public_pages_keep_their_own_caching(client, plan):
    response = client.get("/")

    assert response.status_code == 200
    assert "no-store" not in _cache_control(response)


def test_a_private_file_download_is_not_stored(client, office_user):
    """The statistics workbook: a signed-in download answered with a file."""
    client.force_login(office_user)

    response = client.get(reverse("yearend:statistics_xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "no-store" in _cache_control(response)


def test_a_view_public_cache_gives_way_when_signed_in(rf, office_user):
    """A view's own ``public, max-age`` (a photo) is replaced for a signed-in user."""
    from django.http import HttpResponse

    from phongquang_portal.core.middleware import NoStoreWhenSignedInMiddleware

    def photo(request):
        response = HttpResponse(b"jpeg")
        response["Cache-Control"] = "public, max-age=3600"
        return response

    request = rf.get("/exemplars/photos/1/")
    request.user = office_user
    signed_in = NoStoreWhenSignedInMiddleware(photo)(request)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    anonymous = NoStoreWhenSignedInMiddleware(photo)(request)

    assert "public" not in _cache_control(signed_in)
    assert {"no-store", "private"} <= _cache_control(signed_in)
    assert _cache_control(anonymous) == {"public", "max-age=3600"}


# --- The language cookie ------------------------------------------------------------


def test_language_cookie_is_lax_and_not_for_scripts(client, settings):
    settings.LANGUAGE_COOKIE_SECURE = True  # production's value

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert cookie["secure"] is True


def test_language_cookie_is_secure_in_production_settings():
    """settings.py derives the flag from DJANGO_ENV, like the session cookie's."""
    import subprocess
    import sys

    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
        "'phongquang_portal.settings'; from django.conf import settings;"
        "print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE)"
    )
    env = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 60, "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )

    assert out.stdout.split() == ["True", "Lax"], out.stderr


# --- The early 400 page -------------------------------------------------------------


def test_unknown_host_answers_400_that_no_site_may_frame(client):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response["X-Frame-Options"] == "DENY"
    assert "Yêu cầu không được chấp nhận" in response.content.decode()
    assert "ký tự điều khiển" not in response.content.decode()


def test_control_characters_keep_their_own_400_message(client):
    response = client.get("/units/?q=%00")

    assert response.status_code == 400
    assert response["X-Frame-Options"] == "DENY"
    assert "ký tự điều khiển" in response.content.decode()


# --- Password reset ----------------------------------------------------------------


def test_password_reset_is_limited_per_address(client, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    UserFactory(username="canbo", email="canbo@phongquang.local")
    url = reverse("password_reset")

    answers = [
        client.post(url, {"email": "canbo@phongquang.local"}, **OFFICE).status_code
        for _ in range(5)
    ]
    refused = client.post(url, {"email": "canbo@phongquang.local"}, **OFFICE)
    elsewhere = client.post(url, {"email": "canbo@phongquang.local"}, **OTHER_OFFICE)

    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 4  # three from the office, one from elsewhere
    assert refused.status_code == 429
    assert "Quá nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()
    assert elsewhere.status_code == 302


def test_password_reset_counts_only_requests_that_send_mail(client, settings):
    settings.PASSWORD_RESET_LIMIT = 2
    UserFactory(username="canbo", email="canbo@phongquang.local")
    url = reverse("password_reset")

    empty = [client.post(url, {}, **OFFICE).status_code for _ in range(5)]
    valid = client.post(url, {"email": "canbo@phongquang.local"}, **OFFICE)

    assert empty == [200] * 5
    assert valid.status_code == 302
    assert len(mail.outbox) == 1


# --- Many usernames from one address -------------------------------------------------


def _login(client, username, where, password="sai-mat-khau", url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password}, **where)


def _wrong(client, username, where):
    return _login(client, username, where)


def _twenty_usernames_fail_from_the_office(client):
    return [_wrong(client, f"canbo{i}", OFFICE).status_code for i in range(20)]


def test_many_usernames_from_one_address_pause_that_address(
    client, office_user, settings
):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    answers = _twenty_usernames_fail_from_the_office(client)

    from_office = _login(client, office_user.username, OFFICE, "pw-Test-12345")
    from_elsewhere = _login(client, office_user.username, OTHER_OFFICE, "pw-Test-12345")

    # Nineteen wrong passwords (one per username) show the form again.
    assert answers[:19] == [200] * 19
    assert answers[19] == 429
    assert from_office.status_code == 429
    assert "từ máy tính này, cho nhiều tài khoản" in from_office.content.decode()
    assert from_elsewhere.status_code == 302


def test_a_few_usernames_from_one_address_are_not_paused(client, office_user):
    """An office behind one address: a few people mistyping lock nobody else out."""
    for i in range(10):
        _wrong(client, f"canbo{i}", OFFICE)

    response = _login(client, office_user.username, OFFICE, "pw-Test-12345")

    assert response.status_code == 302


def test_the_address_limit_holds_on_the_admin_login_too(client, office_user):
    _twenty_usernames_fail_from_the_office(client)

    response = _login(
        client, office_user.username, OFFICE, "pw-Test-12345", url="/admin/login/"
    )

    assert response.status_code == 429


# --- The refused log-in is announced ------------------------------------------------


def test_refused_login_is_announced_and_tied_to_the_fields(client, office_user):
    response = _wrong(client, office_user.username, OFFICE)

    body = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert" id="login-error"' in body
    assert body.count('aria-describedby="login-error"') == 2
    assert body.count('aria-invalid="true"') == 2


def test_login_page_before_any_attempt_has_no_alert(client):
    body = client.get("/accounts/login/").content.decode()

    assert "login-error" not in body
    assert "autofocus" in body  # the username field, as Django sets it
