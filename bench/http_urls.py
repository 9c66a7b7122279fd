"""The portal's URLs plus the benchmark's reference views.

- ``__bench/bare/``: the cheapest response Django gives (the yardstick: 1.0);
- ``__bench/one-query/``: one query, as the cheapest real page would make;
- ``__bench/layout/``: an empty page in ``base.html`` for a signed-in user
  (the cost every page pays for the layout, menus and permissions).
"""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from phongquang_portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


def one_query(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse(b"ok", content_type="text/plain")


def layout(request):
    return render(request, "base.html", {})


urlpatterns = [
    path("__bench/bare/", bare),
    path("__bench/one-query/", one_query),
    path("__bench/layout/", layout),
    *portal_urlpatterns,
]
