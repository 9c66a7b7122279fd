"""The decision's forms: issue, replace, and the printer's offsets for blanks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.validators import no_control_characters

from ..common.forms import typed_text
from ..enums import DECISION_NUMBER_MAX
from ..kinds.models import AwardKind
from .services import decision_signers, ensure_plan_citable


class DecisionForm(forms.Form):
    award_kind = ids.ModelChoiceField(
        label=_("Award"), queryset=AwardKind.objects.none()
    )
    number = typed_text(
        forms.CharField(
            label=_("Decision number"),
            max_length=30,
            required=False,
            help_text=_(
                "The number only, e.g. 125 (printed as 125/QĐ-UBND). Leave it empty "
                "to take the next number of the year."
            ),
        )
    )
    signed_on = forms.DateField(
        label=_("Signed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the signing date."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )

    signer = ids.ModelChoiceField(
        label=_("Signed by"),
        queryset=None,
        required=False,
        help_text=_(
            "The chairman, or a vice-chairman signing for the chairman "
            "(KT. CHỦ TỊCH / PHÓ CHỦ TỊCH). Empty: the chairman."
        ),
    )

    confirm_date = forms.BooleanField(
        label=_("The chairman confirms this signing date"),
        required=False,
        widget=forms.HiddenInput,
    )

    # A decision is signed on the day it is issued, or recorded soon after: a date
    # in the future or older than this many days is asked again, never refused.
    SIGNING_DATE_PAST_DAYS = 30

    def __init__(self, *args, campaign, next_number=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.date_warning = ""
        self.campaign = campaign
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaign=campaign)
        self.fields["signer"].queryset = decision_signers()
        self.fields["signer"].label_from_instance = signer_label
        if next_number is not None:
            self.fields["number"].widget.attrs["placeholder"] = str(next_number)

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        digits = number.upper().removesuffix("/QĐ-UBND").removesuffix("/QD-UBND")
        if digits and not 1 <= (parse_id(digits) or 0) <= DECISION_NUMBER_MAX:
            raise forms.ValidationError(
                _("A decision number is a whole number from 1 to %(max)s."),
                code="number_format",
                params={"max": DECISION_NUMBER_MAX},
            )
        return number

    def issue_arguments(self):
        """The service's arguments: the confirmation is the form's own question."""
        return {k: v for k, v in self.cleaned_data.items() if k != "confirm_date"}

    def clean(self):
        cleaned = super().clean()
        # Said on the first step, before the confirmation; the service checks again.
        ensure_plan_citable(self.campaign)
        warning = signing_date_warning(
            cleaned.get("signed_on"), past_days=self.SIGNING_DATE_PAST_DAYS
        )
        if warning:
            self.date_warning = warning
            self.fields["confirm_date"].widget = forms.CheckboxInput()
            if not cleaned.get("confirm_date"):
                self.add_error(
                    "confirm_date",
                    forms.ValidationError(
                        _("Check the date with the chairman, then tick this box."),
                        code="confirm_date",
                    ),
                )
        return cleaned


def signing_date_warning(day, *, past_days, today=None):
    """The warning a signing date asks for (in the future, long past), or ""."""
    if day is None:
        return ""
    today = today or timezone.localdate()
    if day > today:
        return _("The signing date %(date)s is in the future (today is %(today)s).") % {
            "date": day.strftime("%d/%m/%Y"),
            "today": today.strftime("%d/%m/%Y"),
        }
    if (today - day).days > past_days:
        return _(
            "The signing date %(date)s is more than %(days)s days ago (today is "
            "%(today)s)."
        ) % {
            "date": day.strftime("%d/%m/%Y"),
            "days": past_days,
            "today": today.strftime("%d/%m/%Y"),
        }
    return ""


def signer_label(user):
    """ "Nguyễn Ánh Xuân — Commune chairman" for the signer list."""
    from units.enums import Role

    roles = dict(Role.choices)
    held = [
        str(roles[m.role])
        for m in user.memberships.all()
        if m.role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN)
    ]
    return " — ".join([user_display_name(user), *held])


class DecisionReplaceForm(DecisionForm):
    """A new decision that replaces an issued one: number, date, signer, reason."""

    reason = forms.CharField(
        label=_("What the new decision corrects"),
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what the new decision corrects.")},
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, campaign=decision.campaign, **kwargs)
        del self.fields["award_kind"]
        # A date input reads and writes ISO dates.
        self.fields["signed_on"].widget.format = "%Y-%m-%d"


class BlankOffsetForm(forms.Form):
    dx = ids.DecimalField(
        label=_("Shift right (mm)"),
        min_value=-30,
        max_value=30,
        initial=0,
        required=False,
    )
    dy = ids.DecimalField(
        label=_("Shift down (mm)"),
        min_value=-30,
        max_value=30,
        initial=0,
        required=False,
    )
