"""Thin forms: parse input; the services decide."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.uploads import EvidenceFileField
from units.models import Household, Person, Unit
from units.selectors import roles_for

from . import selectors
from .enums import AttachmentKind, Category, NomineeType
from .models import AwardKind, Nomination, PriorAward

NOMINEE_MODELS = {
    NomineeType.UNIT.value: Unit,
    NomineeType.PERSON.value: Person,
    NomineeType.HOUSEHOLD.value: Household,
}


def split_nominee(value):
    """Turn "person:12" into ("person", 12); None for anything else."""
    kind, _sep, pk = (value or "").partition(":")
    if kind not in NOMINEE_MODELS or not pk.isdigit():
        return None
    return kind, int(pk)


class NomineeSelect(forms.Select):
    """The nominee list; the page's script narrows it to the chosen type and
    reloads it when the proposing unit changes."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"data-nominee-select": "", **(attrs or {})})


class NomineeField(forms.ChoiceField):
    """Any "type:pk" passes here; the form then says precisely what is wrong
    (another unit's nominee, a type mismatch) instead of "not a valid choice"."""

    def valid_value(self, value):
        return split_nominee(value) is not None


class NominationForm(forms.ModelForm):
    """The dossier: award, proposing unit, nominee, profile and achievements.

    The nominee is chosen in two steps that fit a phone: its type (tập thể,
    cá nhân, hộ gia đình), then one of the proposing unit's own collectives,
    people or households. Another unit's nominee is refused here and again in
    the service.
    """

    nominee_type = forms.ChoiceField(
        label=_("Nominee type"),
        choices=NomineeType.choices,
        widget=forms.RadioSelect,
    )
    nominee = NomineeField(
        label=_("Nominee"),
        help_text=_(
            "A collective, person or household of the proposing unit (or of its "
            "digital-tech team)."
        ),
        widget=NomineeSelect,
    )
    field_order = [
        "award_kind",
        "proposing_unit",
        "nominee_type",
        "nominee",
        "profile",
        "achievements",
        "goals",
        "citation",
    ]

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
        units = Unit.objects.filter(is_active=True).order_by("kind", "position", "name")
        if not roles.is_office:
            units = units.filter(pk__in=roles.headed_unit_ids)
        units = list(units)
        self.fields["proposing_unit"].queryset = Unit.objects.filter(
            pk__in=[u.pk for u in units]
        ).order_by("kind", "position", "name")
        if len(units) == 1:
            self.fields["proposing_unit"].empty_label = None
        self.fields["goals"].queryset = campaign.goals.all()
        self.fields["goals"].label_from_instance = lambda g: f"{g.code}) {g.title}"
        self.fields["achievements"].required = True

        self.proposing_unit = self._proposing_unit(units)
        if self.proposing_unit is not None and not self.is_bound:
            self.initial.setdefault("proposing_unit", self.proposing_unit.pk)
        groups = (
            selectors.nominee_choices_for_unit(self.proposing_unit)
            if self.proposing_unit is not None
            else []
        )
        choices = [(label, options) for _type, label, options in groups if options]
        if self.instance.pk:
            current = f"{self.instance.nominee_type}:{self.instance.nominee.pk}"
            if not any(current == v for _l, opts in choices for v, _n in opts):
                choices.insert(0, (current, self.instance.nominee_name))
            self.initial["nominee"] = current
            self.initial["nominee_type"] = self.instance.nominee_type
            # The award and the nominee are fixed once the dossier exists.
            for name in ("award_kind", "nominee_type", "nominee"):
                self.fields[name].disabled = True
        self.fields["nominee"].choices = [("", "---------"), *choices]

    def _proposing_unit(self, units):
        """The unit whose nominees the list offers: the one posted, the dossier's,
        or the first unit the user heads (a hamlet before its team)."""
        by_pk = {str(u.pk): u for u in units}
        if self.is_bound:
            return by_pk.get(str(self.data.get(self.add_prefix("proposing_unit"))))
        if self.instance.pk:
            return self.instance.proposing_unit
        initial = self.initial.get("proposing_unit")
        if initial is not None and str(initial) in by_pk:
            return by_pk[str(initial)]
        if roles_for(self.user).is_office:
            return None
        headed = {u.pk for u in units}
        top = [u for u in units if u.parent_id not in headed]
        return (top or units or [None])[0]

    def clean(self):
        cleaned = super().clean()
        parsed = split_nominee(cleaned.get("nominee"))
        if not parsed:
            if not self.instance.pk and "nominee" not in self.errors:
                self.add_error(
                    "nominee", _("Choose the collective, person or household.")
                )
            return cleaned
        kind, pk = parsed
        if not self.instance.pk and cleaned.get("nominee_type") not in (None, kind):
            self.add_error(
                "nominee",
                _("The nominee chosen is not of the type chosen above (%(type)s).")
                % {"type": NomineeType(cleaned["nominee_type"]).label},
            )
            return cleaned
        nominee = NOMINEE_MODELS[kind].objects.filter(pk=pk).first()
        if nominee is None:
            self.add_error("nominee", _("Choose the collective, person or household."))
            return cleaned
        proposing = cleaned.get("proposing_unit")
        if proposing and not selectors.nominee_belongs_to(proposing, kind, nominee):
            self.add_error(
                "nominee",
                _(
                    "%(unit)s may only propose its own collectives, people and "
                    "households: choose one from the list."
                )
                % {"unit": proposing.name},
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
