"""The office's form to grant or change a unit's dossier extension: the shared
extension form, with the award and the proposing unit."""

from django.utils.translation import gettext_lazy

from campaigns.forms import ExtensionForm
from phongquang_portal.core import ids
from units.models import Unit

from ..kinds.models import AwardKind


class DossierExtensionForm(ExtensionForm):
    award_kind = ids.ModelChoiceField(
        label=gettext_lazy("Award"),
        queryset=AwardKind.objects.none(),
        empty_label=None,
        error_messages={
            "required": gettext_lazy("Choose the award."),
            "invalid_choice": gettext_lazy("Choose the award."),
        },
    )
    unit = ids.ModelChoiceField(
        label=gettext_lazy("Proposing unit"),
        queryset=Unit.objects.filter(is_active=True).order_by("kind", "position"),
        error_messages={
            "required": gettext_lazy("Choose the unit."),
            "invalid_choice": gettext_lazy("Choose the unit."),
        },
    )
    service_error_fields = {
        **ExtensionForm.service_error_fields,
        "not_deadline_bound": "award_kind",
    }
    field_order = ["award_kind", "unit", "until", "reason"]

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(
            campaign=campaign, deadline_bound=True
        ).order_by("position")
        for name in ("award_kind", "unit"):
            self.fields[name].widget.attrs["class"] = "form-select"
