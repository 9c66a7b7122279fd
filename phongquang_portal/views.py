"""The home page each role lands on, and a health check."""

from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from awards.extensions import dossier_due_items
from campaigns.selectors import current_campaign, report_due_items
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.permissions import has_perm
from units.selectors import units_headed_by


@permission_required("portal.view_home")
@require_safe
def home(request):
    """Office dashboard, a unit head's units, council or chairman landing, or the public page."""
    campaign = current_campaign()
    context = {"campaign": campaign}
    if not request.user.is_authenticated:
        return render(request, "home_public.html", context)
    if (
        has_perm(request.user, "portal.land_in_admin")
        and request.GET.get("portal") != "1"
    ):
        return redirect("admin:index")
    if has_perm(request.user, "units.view_own_units"):
        context["my_units"] = list(
            units_headed_by(request.user)
            .select_related("parent")
            .order_by("kind", "name")
        )
        if campaign is not None:
            # What the unit head still has to do, soonest first: reports due
            # (not started, drafts, returned) and the dossier deadlines, with
            # the office's extensions.
            context["due_items"] = sorted(
                report_due_items(request.user, campaign)
                + dossier_due_items(request.user, campaign),
                key=lambda item: (item.due_on, item.kind, item.unit.name),
            )
    return render(request, "home.html", context)


@permission_required("portal.view_health")
@require_safe
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
