"""The office's page for dossier deadline extensions: grant, change, withdraw (the
shared extension page of ``campaigns.extension_views``, for one campaign)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from campaigns.extension_views import (
    ExtensionPageView,
    ExtensionWithdrawView,
    extensions_in_force_first,
)
from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.mixins import PermissionRequiredMixin

from .forms import DossierExtensionForm
from .models import DossierExtension
from .selectors import extensions_of
from .services import (
    DOSSIER_EXTENSIONS,
    dossier_extension_grant,
    dossier_extension_revoke,
)


class DossierExtensionMixin(PermissionRequiredMixin):
    permission_required = "awards.view_extensions"
    policy = DOSSIER_EXTENSIONS

    def get_permission_object(self):
        return None

    def get_page_url(self, extension):
        campaign_id = extension.award_kind.campaign_id
        return f"{reverse('awards:extensions')}?campaign={campaign_id}"


class ExtensionsView(DossierExtensionMixin, ExtensionPageView):
    """The campaign's dossier extensions, and the form to grant one."""

    template_name = "awards/extensions.html"
    form_class = DossierExtensionForm
    unit_label = gettext_lazy("Proposing unit")
    subject_label = gettext_lazy("Award")

    def get_campaign(self):
        if not hasattr(self, "_campaign"):
            self._campaign = campaign_from_request(self.request)
            if self._campaign is None:
                raise Http404
        return self._campaign

    def get_extensions(self):
        return extensions_in_force_first(extensions_of(self.get_campaign()))

    def get_form_kwargs(self):
        return {"campaign": self.get_campaign()}

    def grant(self, form):
        data = form.cleaned_data
        return dossier_extension_grant(
            award_kind=data["award_kind"],
            unit=data["unit"],
            until=data["until"],
            reason=data["reason"],
            actor=self.request.user,
        )

    def granted_message(self, extension):
        return _("%(unit)s may submit dossiers for %(award)s until %(date)s.") % {
            "unit": extension.unit.name,
            "award": extension.award_kind.name,
            "date": extension.until.strftime("%d/%m/%Y"),
        }

    def get_success_url(self, extension):
        return f"{self.request.path}?campaign={self.get_campaign().pk}"

    def revoke_url(self, extension):
        return reverse("awards:extension_revoke", args=[extension.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(campaign=self.get_campaign(), campaigns=Campaign.objects.all())
        return context


# Only a POST withdraws: any other method answers 405 before anything else.
@method_decorator(require_POST, name="dispatch")
class ExtensionRevokeView(DossierExtensionMixin, ExtensionWithdrawView):
    """Withdraw one dossier extension; back to the campaign's extensions."""

    def get_extension(self):
        return get_object_or_404(
            DossierExtension.objects.select_related("award_kind__campaign", "unit"),
            pk=self.kwargs["pk"],
        )

    def revoke(self, extension, reason):
        dossier_extension_revoke(
            extension=extension, reason=reason, actor=self.request.user
        )
