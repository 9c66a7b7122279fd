"""Public boards kept under the version of what they show; everything else fresh.

Only pages that are the same for many readers are kept: a public board
(an honor board, the published ranking, the recognised models) as an
anonymous visitor sees it. A signed-in user's pages name him and show what
his roles allow: they are always built fresh.

A kept page's key holds the version of its namespace (``core.versions``:
a campaign's boards share ``campaign:<pk>``), read from the database at each
request. The services that change what a board shows move that version in
their own transaction, so the first request after the change misses and
builds the page again; nothing watches the SQL. Since the version is in the
database, a cache that is flushed, restarted or put back from an old copy
cannot serve a page from before a change: at worst it misses.

The pages live in the ``pages`` cache (Redis in production, shared by the
workers, through ``core.cache.FailSafeRedisCache``: when Redis is away a
page is simply built). What else a page depends on is in its key: the view,
the full path, the language and the local date. Keys expire after
``PAGE_CACHE_SECONDS`` anyway, for what no service moves (a unit renamed in
the administration). Only GET requests answering 200 with HTML are kept; a
request with messages waiting is served fresh, so the message shows once.
The CSRF tokens in a kept page are taken out and each request gets its own.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from .versions import version_of

_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = "\x00csrf\x00"


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def _has_waiting_messages(request):
    if request.COOKIES.get(getattr(settings, "MESSAGE_COOKIE_NAME", "messages")):
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.get("_messages"))


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def page_key(request, name, namespace):
    """The key of ``request``'s page of view ``name`` at ``namespace``'s version."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return (
        f"page:{name}:{namespace}:{version_of(namespace)}:"
        f"{translation.get_language()}:{timezone.localdate().isoformat()}:{path}"
    )


def public_page(name, *, namespace):
    """Keep the view's pages for anonymous visitors under ``namespace``'s version.

    ``namespace(request, *args, **kwargs)`` names what the page shows
    (``core.versions.campaign_namespace(pk)``), or None to build it fresh.
    """

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if (
                not enabled()
                or request.method != "GET"
                or _signed_in(request)
                or _has_waiting_messages(request)
            ):
                return view(request, *args, **kwargs)
            scope = namespace(request, *args, **kwargs)
            if scope is None:
                return view(request, *args, **kwargs)
            pages = caches["pages"]
            # The version is read before the view reads the data, so a page
            # is never stored under a version newer than what it shows.
            key = page_key(request, name, scope)
            kept = pages.get(key)
            if kept is not None:
                content_type, body = kept
                response = HttpResponse(
                    body.replace(_PLACEHOLDER, get_token(request)),
                    content_type=content_type,
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
