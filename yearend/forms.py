"""Thin forms of the year-end app: parse input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.validators import no_control_characters

from .enums import SECTION_MAX_CHARS


def _section(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=SECTION_MAX_CHARS,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _("A section may hold at most %(limit_value)s characters.")
        },
    )


class SummaryForm(forms.Form):
    """The office's own sections of the summary, and its number."""

    number = forms.CharField(
        label=_("Number"),
        required=False,
        max_length=30,
        validators=[no_control_characters],
        help_text=_("The number only (printed as …/BC-UBND); empty: the next number."),
    )
    assessment = _section(
        _("II. General assessment"),
        _("Strengths, shortcomings and their causes; one paragraph per line."),
    )
    next_steps = _section(_("III. Tasks ahead"))
    proposals = _section(_("IV. Proposals and recommendations"))


class IssueForm(forms.Form):
    issued_on = forms.DateField(
        label=_("Issued on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the issue date."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )
    reason = forms.CharField(
        label=_("Why the report is issued now"),
        required=False,
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed when the report is issued before the reports' due date or while "
            "units have no accepted report; kept in the activity log."
        ),
    )


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
