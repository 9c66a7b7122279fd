"""The admin's form for an award kind's rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.forms import ReasonForm

from ..common.forms import DECIMAL_MESSAGES, count_field
from ..enums import MULTIPLIER_MAX, QUOTA_MAX, AttachmentKind


class AwardRulesForm(forms.Form):
    """The admin's form for an award kind's rules; ``award_rules_change`` decides."""

    deadline_bound = forms.BooleanField(
        label=_("bound by the dossier deadline"), required=False
    )
    quota_collective = count_field(
        _("quota for collectives"),
        max_value=QUOTA_MAX,
        required=False,
        help_text=_("Empty: no quota."),
    )
    quota_individual = count_field(
        _("quota for individuals"),
        max_value=QUOTA_MAX,
        required=False,
        help_text=_("Empty: no quota. Households count as individuals."),
    )
    required_documents = forms.MultipleChoiceField(
        label=_("Required documents"),
        choices=AttachmentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    multiplier_individual = ids.DecimalField(
        label=_("prize for an individual (× base salary)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        localize=True,
        error_messages=DECIMAL_MESSAGES,
        help_text=_(
            "Source: Art. 54 of Decree 152/2025/NĐ-CP: a Giấy khen 0.3 × the base "
            "salary, a Bằng khen of the provincial chairman 1.0 ×."
        ),
    )
    multiplier_collective = ids.DecimalField(
        label=_("prize for a collective (× base salary)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        localize=True,
        error_messages=DECIMAL_MESSAGES,
        help_text=_(
            "Source: Art. 54 of Decree 152/2025/NĐ-CP: a collective receives twice "
            "an individual's prize (Giấy khen 0.6, Bằng khen 2.0)."
        ),
    )
    multiplier_household = ids.DecimalField(
        label=_("prize for a household (× the individual prize)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        localize=True,
        error_messages=DECIMAL_MESSAGES,
        help_text=_(
            "Source: Art. 54 of Decree 152/2025/NĐ-CP, as the portal reads it; "
            "check the decree before changing it."
        ),
    )
    reason = ReasonForm.base_fields["reason"]

    def changed_rules(self):
        """{field: new value} of the rules the office changed."""
        return {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name != "reason"
        }
