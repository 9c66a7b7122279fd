"""Vietnamese first: the portal speaks Vietnamese unless the user chose English."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .validators import has_control_characters


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but ignore the browser's Accept-Language.

    Many phones in the commune are set to English; officials still expect the
    portal in Vietnamese. Only the language switch (a cookie) changes it.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class RejectControlCharactersMiddleware:
    """Answer 400 with a Vietnamese page when a request carries a NUL character.

    PostgreSQL cannot store NUL, and no keyboard types it: a query string or
    form field holding one is garbage or an attack (``/units/?q=%00``).
    Other control characters in a query string are refused the same way;
    in forms they reach the field, whose validator explains the problem.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._bad(request):
            from django.shortcuts import render

            return render(request, "400.html", {"control_characters": True}, status=400)
        return self.get_response(request)

    @staticmethod
    def _bad(request):
        for key, values in request.GET.lists():
            if has_control_characters(key) or any(map(has_control_characters, values)):
                return True
        if request.method == "POST":
            try:
                items = request.POST.lists()
            except Exception:  # noqa: BLE001 - a broken body is Django's to report
                return False
            for key, values in items:
                if "\x00" in key or any("\x00" in value for value in values):
                    return True
        return False


def client_ip(request):
    """The visitor's address: the last X-Forwarded-For entry behind our proxy."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


class NoStoreWhenSignedInMiddleware:
    """Tell browsers and proxies to keep no copy of what a signed-in user sees.

    A signed-in page names its user and shows what his roles allow; a private
    file (a dossier's evidence, a draft decision) is his to open, not the next
    person's at a shared office computer to find with the Back button or in
    a proxy. Anonymous answers keep the caching their views chose (the public
    boards, the recognised models' photos).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Whatever a view said (``public, max-age=3600`` on a photo) gives way.
            del response["Cache-Control"]
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
