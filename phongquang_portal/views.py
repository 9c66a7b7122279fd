"""The home page each role lands on, a health check, and the accounts' pages."""

from django.conf import settings
from django.contrib.auth.views import LoginView, PasswordResetView
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_deny
from django.views.decorators.http import require_safe

from awards.extensions import dossier_due_items
from campaigns.selectors import current_campaign, report_due_items
from phongquang_portal.core.forms import PortalAuthenticationForm
from phongquang_portal.core.mixins import permission_required
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.throttle import password_reset_allowed
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


@xframe_options_deny
def bad_request(request, exception):
    """Answer 400, framed by nobody, also when refused before the middleware ran.

    A request for an unknown host (``DisallowedHost``) is refused inside
    CommonMiddleware: the clickjacking middleware below it never sees the
    answer, so the header is set here.
    """
    try:
        return render(request, "400.html", status=400)
    except Exception:  # noqa: BLE001 - the page itself needs what was refused
        return HttpResponseBadRequest(
            _("Request not accepted."), content_type="text/plain; charset=utf-8"
        )


class PortalLoginView(LoginView):
    """Django's log-in, whose refusal is announced and tied to the fields."""

    authentication_form = PortalAuthenticationForm


class ThrottledPasswordResetView(PasswordResetView):
    """Django's password reset, limited per address (``core.throttle``).

    Only a request that would send mail counts; past the limit the form is
    shown again with the reason, answering 429.
    """

    def form_valid(self, form):
        if password_reset_allowed(self.request):
            return super().form_valid(form)
        form.add_error(
            None,
            _(
                "Too many password reset requests came from this computer. "
                "Please wait %(minutes)s minutes and try again, or ask the "
                "system administrator to reset the password."
            )
            % {"minutes": settings.PASSWORD_RESET_WINDOW_MINUTES},
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response
