"""The one page pattern for the office's extensions of a deadline, and the reports' page.

``ExtensionPageView`` lists the extensions (in force first, withdrawn ones
kept greyed for the history), shows the grant form and, on each extension in
force, a withdraw form that needs a reason. A refusal keeps what was typed
and says why next to the field; nothing a user types answers 500.
``ExtensionWithdrawView`` withdraws one and goes back. Reports' pages are
here (one unit and one period); dossiers' pages subclass both in
``awards.extensions.views``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from phongquang_portal.core.forms import ReasonForm
from units.models import Unit

from .deadlines import deadline_for
from .forms import ReportExtensionForm
from .models import Report, ReportExtension
from .services.extensions import (
    REPORT_EXTENSIONS,
    report_extension_grant,
    report_extension_revoke,
)
from .views import PeriodMixin

REVOKE_PREFIX = "revoke"


def extensions_in_force_first(queryset):
    """The extensions not withdrawn first (on every database), then by day and unit."""
    return queryset.order_by(
        F("revoked_at").asc(nulls_first=True), "until", "unit__name", "pk"
    )


class ExtensionLine:
    """One extension as the page lists it."""

    def __init__(self, extension, *, in_force, revoke_url):
        self.extension = extension
        self.in_force = in_force
        self.revoke_url = revoke_url


class ExtensionPageView(TemplateView):
    """The office's page for one kind of extension: list, grant, withdraw.

    A subclass names the ``policy`` (campaigns.services.extensions), the
    ``form_class`` and says which extensions to list, how to grant and where
    each withdraw form posts.
    """

    template_name = "campaigns/extension_page.html"
    policy = None
    form_class = None
    unit_label = gettext_lazy("Unit")
    subject_label = ""

    def get_extensions(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        return {}

    def grant(self, form):
        """Call the grant service with the form's data; return the extension."""
        raise NotImplementedError

    def granted_message(self, extension):
        raise NotImplementedError

    def get_success_url(self, extension):
        raise NotImplementedError

    def revoke_url(self, extension):
        raise NotImplementedError

    def get_form(self, data=None):
        return self.form_class(data, **self.get_form_kwargs())

    def lines(self):
        """The extensions, each with whether it is in force (``campaigns.deadlines``)."""
        lines = []
        for extension in self.get_extensions():
            due_on = self.policy.deadline(extension.subject).due_on
            lines.append(
                ExtensionLine(
                    extension,
                    in_force=deadline_for(due_on, extension).extended,
                    revoke_url=self.revoke_url(extension)
                    if extension.is_active
                    else "",
                )
            )
        return lines

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=kwargs.get("form") or self.get_form(),
            lines=self.lines(),
            unit_label=self.unit_label,
            subject_label=self.subject_label,
            revoke_form=ReasonForm(
                label=gettext_lazy("Reason for withdrawing the extension"),
                prefix=REVOKE_PREFIX,
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                extension = self.grant(form)
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                messages.success(request, self.granted_message(extension))
                return redirect(self.get_success_url(extension))
        return self.render_to_response(self.get_context_data(form=form))


class ExtensionWithdrawView(View):
    """Withdraw one extension, with a reason; back to its page either way."""

    http_method_names = ["post"]
    policy = None

    def get_extension(self):
        """The extension named by the URL (404 when there is none)."""
        raise NotImplementedError

    def revoke(self, extension, reason):
        raise NotImplementedError

    def get_page_url(self, extension):
        raise NotImplementedError

    def get_success_url(self, extension):
        return self.get_page_url(extension)

    def post(self, request, *args, **kwargs):
        extension = self.get_extension()
        form = ReasonForm(
            request.POST,
            prefix=REVOKE_PREFIX,
            required_message=_("Please give the reason for withdrawing the extension."),
        )
        try:
            if not form.is_valid():
                raise ValidationError(
                    [m for errors in form.errors.values() for m in errors]
                )
            self.revoke(extension, form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(self.get_page_url(extension))
        messages.success(
            request,
            _("The extension of %(unit)s is withdrawn.")
            % {"unit": extension.unit.name},
        )
        return redirect(self.get_success_url(extension))


# --- Reports: one unit, one period ------------------------------------------------


class ReportExtensionMixin(PeriodMixin):
    """The period and the unit named by the URL; the office's permission on the period."""

    permission_required = "campaigns.extend_report"
    policy = REPORT_EXTENSIONS

    def get_unit(self):
        if not hasattr(self, "_unit"):
            self._unit = get_object_or_404(
                Unit, pk=self.kwargs["unit_pk"], is_active=True
            )
        return self._unit

    def extensions(self):
        return ReportExtension.objects.filter(
            period=self.get_period(), unit=self.get_unit()
        ).select_related("unit", "period")

    def get_page_url(self, extension):
        return reverse(
            "campaigns:extension", args=[extension.period_id, extension.unit_id]
        )


class ReportExtensionView(ReportExtensionMixin, ExtensionPageView):
    """The office extends one unit's due date for the period: a date and a reason."""

    template_name = "campaigns/extension.html"
    form_class = ReportExtensionForm
    subject_label = gettext_lazy("Reporting period")

    def get_extensions(self):
        return extensions_in_force_first(self.extensions())

    def get_form(self, data=None):
        extension = self.extensions().filter(revoked_at__isnull=True).first()
        initial = {"until": extension.until} if extension else None
        return self.form_class(data, initial=initial)

    def grant(self, form):
        return report_extension_grant(
            period=self.get_period(),
            unit=self.get_unit(),
            until=form.cleaned_data["until"],
            reason=form.cleaned_data["reason"],
            actor=self.request.user,
        )

    def granted_message(self, extension):
        return _("%(unit)s may submit until the end of %(date)s.") % {
            "unit": extension.unit.name,
            "date": extension.until.strftime("%d/%m/%Y"),
        }

    def get_success_url(self, extension):
        return self.get_period().get_absolute_url()

    def revoke_url(self, extension):
        return reverse(
            "campaigns:extension_revoke", args=[extension.period_id, extension.unit_id]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period, unit = self.get_period(), self.get_unit()
        context.update(
            period=period,
            campaign=period.campaign,
            unit=unit,
            report=Report.objects.filter(period=period, unit=unit).first(),
            history_of=next((line.extension for line in context["lines"]), None),
        )
        return context


class ReportExtensionRevokeView(ReportExtensionMixin, ExtensionWithdrawView):
    """Withdraw a unit's extension; the period's due date applies again."""

    def get_extension(self):
        extension = self.extensions().first()
        if extension is None:
            raise Http404
        return extension

    def revoke(self, extension, reason):
        report_extension_revoke(
            extension=extension, reason=reason, actor=self.request.user
        )

    def get_success_url(self, extension):
        return extension.period.get_absolute_url()
