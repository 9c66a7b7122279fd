"""The office's form to grant or change a unit's dossier extension."""

from django import forms
from django.utils.translation import gettext_lazy

from phongquang_portal.core.forms import ReasonForm
from units.models import Unit

from ..kinds.models import AwardKind


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
