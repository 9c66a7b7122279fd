"""Cached pages, never stale: a page is kept until the data under it changes.

Every write to the portal's tables, by a service, the admin, a migration or
a plain ``QuerySet.update()``, moves one counter, the *data generation*: a
wrapper on every database connection sees each INSERT, UPDATE and DELETE
(sessions, login throttling and the cache's own tables excepted). A cached
page is stored under the generation it was built at, so the first write
after it makes it unreachable; nothing has to know which page shows what.

The counter is bumped at the write itself (a request in the same process
sees it at once, tests included) and again when the transaction commits
(a request that read the data before the commit cannot leave its page
under the new generation). It lives in the ``default`` cache: Redis in
production (``REDIS_URL``), shared by every worker; the pages themselves
live in the ``pages`` cache, in each worker's memory, since their keys say
which generation they belong to.

What else a page depends on is in its key: the view, the full path, the
user (pages differ by role and unit), the language and the local date
(deadlines end at midnight). Keys expire after ``PAGE_CACHE_SECONDS``
anyway, for what a clock changes within a day. Only GET requests of
logged-in or anonymous users answering 200 with HTML are kept; a request
with messages waiting is served fresh, so the message shows once. The CSRF
tokens in a kept page are taken out and each request gets its own.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

GENERATION_KEY = "portal:data-generation"
IGNORED_TABLES = (
    "django_session",
    "axes_",
    "portal_cache",
    "django_migrations",
)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)
_TABLE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["`]?([\w.]+)',
    re.I,
)
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = "\x00csrf\x00"


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def _store():
    return caches["default"]


def generation():
    """The current data generation (0 before the first write)."""
    value = _store().get(GENERATION_KEY)
    if value is None:
        _store().add(GENERATION_KEY, 1, timeout=None)
        value = _store().get(GENERATION_KEY, 1)
    return value


def bump():
    """Move the data generation on: every kept page is now out of date."""
    store = _store()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:
        store.add(GENERATION_KEY, 2, timeout=None)


def _is_data_write(sql):
    if not _WRITE.match(sql):
        return False
    match = _TABLE.match(sql)
    table = match.group(1).lower() if match else ""
    return not table.startswith(IGNORED_TABLES)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_data_write(sql):
        bump()
        connection = context["connection"]
        if connection.in_atomic_block:
            transaction.on_commit(bump, using=connection.alias)
    return result


def _install(connection, **kwargs):
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def install_write_watch():
    """Watch every database connection, open ones and those to come."""
    connection_created.connect(_install, dispatch_uid="portal-page-cache")
    for connection in connections.all(initialized_only=True):
        _install(connection)


def _has_waiting_messages(request):
    if request.COOKIES.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages")):
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.get("_messages"))


def _key(request, name):
    user = getattr(request, "user", None)
    who = f"u{user.pk}" if user is not None and user.is_authenticated else "anon"
    local_day = timezone.localdate().isoformat()
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return (
        f"page:{name}:{who}:{translation.get_language()}:{local_day}:"
        f"{generation()}:{path}"
    )


def cached_page(name):
    """Keep the view's GET pages (see the module's doc) under ``name``."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if (
                not enabled()
                or request.method != "GET"
                or _has_waiting_messages(request)
            ):
                return view(request, *args, **kwargs)
            pages = caches["pages"]
            key = _key(request, name)
            kept = pages.get(key)
            if kept is not None:
                content_type, body = kept
                token = get_token(request)
                response = HttpResponse(
                    body.replace(_PLACEHOLDER, token), content_type=content_type
                )
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            content_type = response.get("Content-Type", "")
            if (
                response.status_code == 200
                and content_type.startswith("text/html")
                and not response.streaming
                # The CSRF cookie is set again on every hit, as get_token asks.
                and not set(response.cookies) - {settings.CSRF_COOKIE_NAME}
            ):
                body = _TOKEN.sub(
                    lambda m: m.group(1) + _PLACEHOLDER + m.group(2),
                    response.content.decode(response.charset or "utf-8"),
                )
                pages.set(key, (content_type, body), settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorate
