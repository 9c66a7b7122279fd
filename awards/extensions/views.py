"""The office's page for dossier deadline extensions: grant, change, withdraw."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from campaigns.models import Campaign
from campaigns.selectors import campaign_from_request
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.mixins import permission_required

from .forms import DossierExtensionForm
from .models import DossierExtension
from .selectors import extensions_of
from .services import dossier_extension_grant, dossier_extension_revoke


@permission_required("awards.view_extensions")
def extensions(request):
    """The campaign's dossier extensions, and the form to grant one."""
    campaign = campaign_from_request(request)
    if campaign is None:
        raise Http404
    form = DossierExtensionForm(request.POST or None, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            extension = dossier_extension_grant(
                award_kind=data["award_kind"],
                unit=data["unit"],
                until=data["until"],
                reason=data["reason"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(unit)s may submit dossiers for %(award)s until %(date)s.")
                % {
                    "unit": extension.unit.name,
                    "award": extension.award_kind.name,
                    "date": extension.until.strftime("%d/%m/%Y"),
                },
            )
            return redirect(f"{request.path}?campaign={campaign.pk}")
    return render(
        request,
        "awards/extensions.html",
        {
            "campaign": campaign,
            "campaigns": Campaign.objects.all(),
            "form": form,
            "extensions": list(extensions_of(campaign)),
            "revoke_form": ReasonForm(
                label=gettext_lazy("Reason for withdrawing"), prefix="revoke"
            ),
        },
    )


def _extension(request, pk, **kwargs):
    return get_object_or_404(
        DossierExtension.objects.select_related("award_kind__campaign", "unit"), pk=pk
    )


@require_POST
@permission_required("awards.view_extensions")
def extension_revoke(request, pk):
    extension = _extension(request, pk)
    form = ReasonForm(
        request.POST,
        prefix="revoke",
        required_message=_("Please give the reason for withdrawing the extension."),
    )
    try:
        if not form.is_valid():
            raise ValidationError(
                [m for errors in form.errors.values() for m in errors]
            )
        dossier_extension_revoke(
            extension=extension, reason=form.cleaned_data["reason"], actor=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The extension of %(unit)s is withdrawn.")
            % {"unit": extension.unit.name},
        )
    return redirect(
        f"{reverse('awards:extensions')}?campaign={extension.award_kind.campaign_id}"
    )
