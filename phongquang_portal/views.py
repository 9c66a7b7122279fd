"""The home page each role lands on, and a health check."""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render

from campaigns.selectors import current_campaign
from units.selectors import roles_for, units_headed_by


def home(request):
    """Office dashboard, a unit head's units, council or chairman landing, or the public page."""
    roles = roles_for(request.user)
    campaign = current_campaign()
    context = {"campaign": campaign, "roles": roles}
    if not request.user.is_authenticated:
        return render(request, "home_public.html", context)
    chairman_only = roles.is_chairman and not (
        roles.is_office or roles.is_unit_head or roles.is_council
    )
    if chairman_only and request.GET.get("portal") != "1":
        return redirect("admin:index")
    if roles.is_unit_head:
        context["my_units"] = list(
            units_headed_by(request.user)
            .select_related("parent")
            .order_by("kind", "name")
        )
    return render(request, "home.html", context)


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
