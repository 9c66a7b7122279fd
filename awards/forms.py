"""Thin forms: parse input; the services decide."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.uploads import EvidenceFileField
from units.models import Household, Person, Unit
from units.selectors import roles_for

from .enums import AttachmentKind, Category
from .models import AwardKind, Nomination, PriorAward
from .selectors import nominee_choices_for

NOMINEE_MODELS = {"unit": Unit, "person": Person, "household": Household}


def split_nominee(value):
    """Turn "person:12" into ("person", 12); None for anything else."""
    kind, _sep, pk = (value or "").partition(":")
    if kind not in NOMINEE_MODELS or not pk.isdigit():
        return None
    return kind, int(pk)


class NominationForm(forms.ModelForm):
    """The dossier: award, proposing unit, nominee, profile and achievements."""

    nominee = forms.ChoiceField(
        label=_("Nominee"),
        help_text=_("A collective (unit), a person or a household of your unit."),
    )

    class Meta:
        model = Nomination
        fields = [
            "award_kind",
            "proposing_unit",
            "profile",
            "achievements",
            "goals",
            "citation",
        ]
        widgets = {
            "profile": forms.Textarea(attrs={"rows": 4}),
            "achievements": forms.Textarea(attrs={"rows": 6}),
            "goals": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.campaign = campaign
        roles = roles_for(user)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaign=campaign)
        self.fields["award_kind"].empty_label = None
        units = Unit.objects.filter(is_active=True).order_by("kind", "name")
        if not roles.is_office:
            units = units.filter(pk__in=roles.headed_unit_ids)
        self.fields["proposing_unit"].queryset = units
        if units.count() == 1:
            self.fields["proposing_unit"].empty_label = None
        self.fields["goals"].queryset = campaign.goals.all()
        self.fields["goals"].label_from_instance = lambda g: f"{g.code}) {g.title}"
        self.fields["nominee"].choices = [("", "---------"), *nominee_choices_for(user)]
        self.fields["achievements"].required = True
        if self.instance.pk:
            self.initial["nominee"] = (
                f"{self.instance.nominee_type}:{self.instance.nominee.pk}"
            )
            # The award and the nominee are fixed once the dossier exists.
            for name in ("award_kind", "nominee"):
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        parsed = split_nominee(cleaned.get("nominee"))
        if not parsed:
            if not self.instance.pk:
                self.add_error(
                    "nominee", _("Choose the collective, person or household.")
                )
            return cleaned
        kind, pk = parsed
        nominee = NOMINEE_MODELS[kind].objects.filter(pk=pk).first()
        if nominee is None:
            self.add_error("nominee", _("Choose the collective, person or household."))
            return cleaned
        proposing = cleaned.get("proposing_unit")
        if proposing and not roles_for(self.user).is_office:
            scope = {proposing.pk, *proposing.children.values_list("pk", flat=True)}
            owner = {
                "unit": lambda n: n.pk,
                "person": lambda n: n.unit_id,
                "household": lambda n: n.hamlet_id,
            }[kind](nominee)
            if owner not in scope:
                self.add_error(
                    "nominee",
                    _("The nominee must belong to the proposing unit."),
                )
        cleaned["nominee_object"] = (kind, nominee)
        return cleaned


PriorAwardFormSet = inlineformset_factory(
    Nomination,
    PriorAward,
    fields=["year", "title", "decision_reference", "issued_by"],
    extra=2,
    can_delete=True,
)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document type"), choices=AttachmentKind.choices)
    file = EvidenceFileField(label=_("File"))


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class VoteForm(forms.Form):
    votes_for = forms.IntegerField(label=_("Votes for"), min_value=0)
    votes_against = forms.IntegerField(label=_("Votes against"), min_value=0)
    abstain = forms.IntegerField(label=_("Abstentions"), min_value=0, initial=0)
    members_present = forms.IntegerField(label=_("Members present"), min_value=0)


class MeetingForm(forms.Form):
    held_on = forms.DateField(
        label=_("Meeting date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    members_total = forms.IntegerField(label=_("Council members"), min_value=1)
    members_present = forms.IntegerField(label=_("Members present"), min_value=0)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(forms.Form):
    award_kind = forms.ModelChoiceField(
        label=_("Award"), queryset=AwardKind.objects.none()
    )
    number = forms.CharField(
        label=_("Decision number"),
        max_length=30,
        help_text=_("The number only, e.g. 125 (printed as 125/QĐ-UBND)."),
    )
    signed_on = forms.DateField(
        label=_("Signed on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaign=campaign)


class BlankOffsetForm(forms.Form):
    dx = forms.DecimalField(
        label=_("Shift right (mm)"),
        min_value=-30,
        max_value=30,
        initial=0,
        required=False,
    )
    dy = forms.DecimalField(
        label=_("Shift down (mm)"),
        min_value=-30,
        max_value=30,
        initial=0,
        required=False,
    )


__all__ = ["Category"]
