"""The office's page for dossier deadline extensions: grant, change, withdraw."""

from django import forms
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
from units.models import Unit

from .extensions import dossier_extension_grant, dossier_extension_revoke, extensions_of
from .models import AwardKind, DossierExtension


class DossierExtensionForm(ReasonForm):
    award_kind = forms.ModelChoiceField(
        label=gettext_lazy("Award"),
        queryset=AwardKind.objects.none(),
        empty_label=None,
        error_messages={"required": gettext_lazy("Choose the award.")},
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Proposing unit"),
        queryset=Unit.objects.filter(is_active=True).order_by("kind", "position"),
        error_messages={
            "required": gettext_lazy("Choose the unit."),
            "invalid_choice": gettext_lazy("Choose the unit."),
        },
    )
    until = forms.DateField(
        label=gettext_lazy("Extended until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("Enter the new deadline."),
            "invalid": gettext_lazy("Enter a date as dd/mm/yyyy."),
        },
    )
    field_order = ["award_kind", "unit", "until", "reason"]

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault(
            "label", gettext_lazy("Reason (shown to the unit and in the history)")
        )
        kwargs.setdefault(
            "required_message",
            gettext_lazy("Please give the reason for the extension."),
        )
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(
            campaign=campaign, deadline_bound=True
        ).order_by("position")
        for name in ("award_kind", "unit"):
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["until"].widget.attrs["class"] = "form-control"


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
