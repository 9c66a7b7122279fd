"""Thin forms for the register: parse input, the services decide."""

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.numbers import NotANumber, parse_vn_number
from phongquang_portal.core.uploads import EvidenceFileField
from phongquang_portal.core.validators import no_control_characters
from units.models import Unit

from .enums import MAX_INDICATORS, NUMBER_LIMIT, TEXT_MAX_CHARS
from .models import ExemplaryModel
from .services import IndicatorInput


class VietnameseNumberField(forms.CharField):
    """A number typed the Vietnamese way ("1.000", "12,5"); blank is None."""

    default_error_messages = {
        "invalid": _("Type a number, for example 12, 12,5 or 1.000."),
        "too_large": _("This number is too large."),
        "decimals": _("Use at most two decimal places."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        ids.refuse_foreign_digits(value)
        if len(value) > 40:
            raise forms.ValidationError(
                self.error_messages["too_large"], code="too_large"
            )
        try:
            number = parse_vn_number(value)
        except NotANumber:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid"
            ) from None
        if number is not None and abs(number) >= NUMBER_LIMIT:
            raise forms.ValidationError(
                self.error_messages["too_large"], code="too_large"
            )
        if number is not None and number.as_tuple().exponent < -2:
            raise forms.ValidationError(
                self.error_messages["decimals"], code="decimals"
            )
        return number


def _text(**kwargs):
    field = forms.CharField(**kwargs)
    field.validators.append(no_control_characters)
    return field


class ExemplarForm(forms.ModelForm):
    """Name, unit, people, goals a–h and h's fields, what the model does."""

    class Meta:
        model = ExemplaryModel
        fields = ["name", "unit", "people", "goals", "priority_fields", "description"]
        widgets = {
            "people": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "goals": forms.CheckboxSelectMultiple,
            "priority_fields": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, campaign, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["unit"].queryset = Unit.objects.filter(
            pk__in=[u.pk for u in units]
        ).order_by("kind", "position", "name")
        if len(units) == 1:
            self.fields["unit"].empty_label = None
        if self.instance.pk:
            # The unit of a model is fixed once recorded.
            self.fields["unit"].disabled = True
        self.fields["goals"].queryset = campaign.goals.order_by("position")
        self.fields["goals"].label_from_instance = lambda g: f"{g.code}) {g.title}"
        self.fields["priority_fields"].queryset = (
            campaign.goals.get(code="h").priority_fields.all()
            if campaign.goals.filter(code="h").exists()
            else self.fields["priority_fields"].queryset.none()
        )
        self.fields["description"].max_length = TEXT_MAX_CHARS
        for name in ("name", "people", "description"):
            self.fields[name].validators.append(no_control_characters)


class IndicatorForm(forms.Form):
    """One indicator of the model's effect: before and after."""

    name = _text(label=_("Indicator"), required=False, max_length=255)
    unit_of_measure = _text(label=_("Unit of measure"), required=False, max_length=30)
    before = VietnameseNumberField(label=_("Before"))
    after = VietnameseNumberField(label=_("After"))

    def clean(self):
        cleaned = super().clean()
        has_numbers = (
            cleaned.get("before") is not None or cleaned.get("after") is not None
        )
        if has_numbers and not (cleaned.get("name") or "").strip():
            self.add_error("name", _("Name the indicator these numbers measure."))
        return cleaned

    def as_input(self):
        data = self.cleaned_data
        if not (data.get("name") or "").strip():
            return None
        return IndicatorInput(
            name=data["name"],
            unit_of_measure=data.get("unit_of_measure") or "",
            before=data.get("before"),
            after=data.get("after"),
        )


IndicatorFormSet = formset_factory(
    IndicatorForm, extra=2, max_num=MAX_INDICATORS, validate_max=True
)


def indicator_initial(model):
    from phongquang_portal.core.numbers import format_vn_number

    return [
        {
            "name": row.name,
            "unit_of_measure": row.unit_of_measure,
            "before": format_vn_number(row.before),
            "after": format_vn_number(row.after),
        }
        for row in model.indicators.all()
    ]


class EvidenceForm(forms.Form):
    file = EvidenceFileField(label=_("File"))
    photo = forms.BooleanField(
        label=_("This is a photo (JPEG or PNG), shown once the model is recognised"),
        required=False,
    )
    caption = _text(label=_("Caption"), required=False, max_length=255)


class RecogniseForm(forms.Form):
    recognised_on = forms.DateField(
        label=_("Recognised on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the day of recognition."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )
    reference = _text(
        label=_("Decision or minutes of recognition"), required=False, max_length=200
    )


class SpreadForm(forms.Form):
    unit = ids.ModelChoiceField(
        label=_("Unit that took it over"),
        queryset=Unit.objects.filter(is_active=True).order_by("kind", "position"),
        error_messages={
            "required": _("Choose the unit."),
            "invalid_choice": _("Choose the unit."),
        },
    )
    spread_on = forms.DateField(
        label=_("Since"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the day."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )
    note = _text(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RegisterFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        from .enums import ExemplarStatus

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All"))] + list(ExemplarStatus.choices)


__all__ = ["ReasonForm"]
