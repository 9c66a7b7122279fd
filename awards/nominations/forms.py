"""The dossier's forms: award, proposing unit, nominee, achievements, prior awards,
documents; and the top of the ranking to nominate."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import EvidenceFileField
from units.enums import UnitKind
from units.models import Household, Person, Unit

from ..common.forms import count_field, typed_text
from ..common.selectors import proposing_units_for
from ..enums import (
    PRIOR_AWARD_YEAR_MAX,
    PRIOR_AWARD_YEAR_MIN,
    AttachmentKind,
    NomineeType,
)
from ..kinds.models import AwardKind
from . import selectors
from .models import Nomination, PriorAward

NOMINEE_MODELS = {
    NomineeType.UNIT.value: Unit,
    NomineeType.PERSON.value: Person,
    NomineeType.HOUSEHOLD.value: Household,
}


def split_nominee(value):
    """Turn "person:12" into ("person", 12); None for anything else."""
    kind, _sep, pk = (value or "").partition(":")
    if kind not in NOMINEE_MODELS or parse_id(pk) is None:
        return None
    return kind, parse_id(pk)


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
    cited_models = forms.ModelMultipleChoiceField(
        label=_("Exemplary models of the unit cited in the report"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Recognised models of the proposing unit (register of exemplary "
            "models); they are printed in part II of the achievement report."
        ),
    )
    field_order = [
        "award_kind",
        "proposing_unit",
        "nominee_type",
        "nominee",
        "profile",
        "achievements",
        "goals",
        "cited_models",
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
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaign=campaign)
        self.fields["award_kind"].empty_label = None
        for name in ("profile", "achievements", "citation"):
            typed_text(self.fields[name])
        units = list(proposing_units_for(user))
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
        self.fields["cited_models"].queryset = selectors.citable_models_for(
            self.proposing_unit, campaign
        )
        if self.instance.pk:
            self.initial["cited_models"] = list(
                self.instance.cited_models.values_list("pk", flat=True)
            )

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
        if has_perm(self.user, "awards.propose_for_any_unit"):
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


class PriorAwardForm(forms.ModelForm):
    """One row of part III; the rows are optional, so no field is marked required.

    A row with anything typed in it needs its year and its title.
    """

    year = count_field(
        _("Year"),
        min_value=PRIOR_AWARD_YEAR_MIN,
        max_value=PRIOR_AWARD_YEAR_MAX,
        required=False,
    )

    class Meta:
        model = PriorAward
        fields = ["year", "title", "decision_reference", "issued_by"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "decision_reference", "issued_by"):
            typed_text(self.fields[name])
        self.fields["title"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("DELETE"):
            return cleaned
        typed = any(
            cleaned.get(name)
            for name in ("year", "title", "decision_reference", "issued_by")
        )
        if not typed and self.instance.pk:
            # A row emptied by hand goes, as if "delete" were ticked.
            cleaned["DELETE"] = True
            return cleaned
        if typed and cleaned.get("year") is None and "year" not in self.errors:
            self.add_error("year", _("Enter the year of this award."))
        if typed and not cleaned.get("title"):
            self.add_error("title", _("Enter the title or award received."))
        return cleaned


PriorAwardFormSet = inlineformset_factory(
    Nomination,
    PriorAward,
    form=PriorAwardForm,
    extra=2,
    can_delete=True,
)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document type"), choices=AttachmentKind.choices)
    file = EvidenceFileField(label=_("File"))


class NominateFromRankingForm(forms.Form):
    """The top N of one unit kind of the ranking, to become draft nominations."""

    kind = forms.ChoiceField(
        label=_("Kind of unit"),
        choices=UnitKind.choices,
        error_messages={
            "required": _("Choose the kind of unit."),
            "invalid_choice": _("Choose the kind of unit."),
        },
    )
    top_n = count_field(
        _("How many of the top-ranked units"), min_value=1, max_value=50, initial=2
    )
