"""Thin forms: parse input; the services decide."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.uploads import EvidenceFileField
from phongquang_portal.core.validators import no_control_characters
from units.enums import UnitKind
from units.models import Household, Person, Unit

from . import selectors
from .citations import citable_models_for
from .enums import (
    COUNCIL_MAX_MEMBERS,
    DECISION_NUMBER_MAX,
    MULTIPLIER_MAX,
    OPINION_MAX_CHARS,
    PRIOR_AWARD_YEAR_MAX,
    PRIOR_AWARD_YEAR_MIN,
    QUOTA_MAX,
    AttachmentKind,
    BallotChoice,
    BallotMode,
    Category,
    NomineeType,
)
from .models import AwardKind, Nomination, PriorAward

NUMBER_MESSAGES = {
    "required": _("Please enter a number."),
    "invalid": _("Enter a whole number."),
    "min_value": _("Enter a number of at least %(limit_value)s."),
    "max_value": _("Enter a number of at most %(limit_value)s."),
}
DECIMAL_MESSAGES = {
    **NUMBER_MESSAGES,
    "invalid": _("Enter a number, such as 0.30."),
    "max_digits": _("Enter a number of at most %(max)s digits."),
    "max_decimal_places": _("Enter at most %(max)s digits after the decimal point."),
    "max_whole_digits": _("Enter at most %(max)s digits before the decimal point."),
}


def count_field(label, *, min_value=0, max_value=COUNCIL_MAX_MEMBERS, **kwargs):
    """A whole number the council or the office types, bounded, in Vietnamese."""
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        error_messages=NUMBER_MESSAGES,
        **kwargs,
    )


def typed_text(field):
    """Refuse invisible control characters in a text field users type into."""
    if no_control_characters not in field.validators:
        field.validators.append(no_control_characters)
    return field


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
        units = list(selectors.proposing_units_for(user))
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
        self.fields["cited_models"].queryset = citable_models_for(
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


class DecisionForm(forms.Form):
    award_kind = forms.ModelChoiceField(
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

    signer = forms.ModelChoiceField(
        label=_("Signed by"),
        queryset=None,
        required=False,
        help_text=_(
            "The chairman, or a vice-chairman signing for the chairman "
            "(KT. CHỦ TỊCH / PHÓ CHỦ TỊCH). Empty: the chairman."
        ),
    )

    def __init__(self, *args, campaign, next_number=None, **kwargs):
        from .services import decision_signers

        super().__init__(*args, **kwargs)
        self.fields["award_kind"].queryset = AwardKind.objects.filter(campaign=campaign)
        self.fields["signer"].queryset = decision_signers()
        self.fields["signer"].label_from_instance = signer_label
        if next_number is not None:
            self.fields["number"].widget.attrs["placeholder"] = str(next_number)

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        digits = number.upper().removesuffix("/QĐ-UBND").removesuffix("/QD-UBND")
        if digits and (
            not digits.strip().isdigit()
            or not 1 <= int(digits.strip()) <= DECISION_NUMBER_MAX
        ):
            raise forms.ValidationError(
                _("A decision number is a whole number from 1 to %(max)s."),
                code="number_format",
                params={"max": DECISION_NUMBER_MAX},
            )
        return number


def signer_label(user):
    """ "Nguyễn Ánh Xuân — Commune chairman" for the signer list."""
    from phongquang_portal.core.names import user_display_name
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
    multiplier_individual = forms.DecimalField(
        label=_("prize for an individual (× base salary)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        error_messages=DECIMAL_MESSAGES,
    )
    multiplier_collective = forms.DecimalField(
        label=_("prize for a collective (× base salary)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        error_messages=DECIMAL_MESSAGES,
    )
    multiplier_household = forms.DecimalField(
        label=_("prize for a household (× the individual prize)"),
        min_value=0,
        max_value=MULTIPLIER_MAX,
        max_digits=5,
        decimal_places=2,
        error_messages=DECIMAL_MESSAGES,
    )
    reason = ReasonForm.base_fields["reason"]

    @classmethod
    def for_kind(cls, award_kind, data=None):
        initial = {
            name: getattr(award_kind, name)
            for name in cls.base_fields
            if name != "reason"
        }
        return cls(data, initial=initial)

    def changed_rules(self):
        """{field: new value} of the rules the office changed."""
        return {
            name: self.cleaned_data[name]
            for name in self.changed_data
            if name != "reason"
        }


def meeting_members(meeting):
    """The council members of ``meeting`` (its attendance), by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(council_attendance__meeting=meeting)
        .order_by("last_name", "first_name", "username")
    )


def members_field(queryset, **kwargs):
    field = forms.ModelMultipleChoiceField(
        label=_("Members present"),
        queryset=queryset,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )
    field.label_from_instance = user_display_name
    return field


class MeetingAttendanceForm(forms.Form):
    """Who is present at the meeting, ticked member by member."""

    def __init__(self, *args, meeting, **kwargs):
        present = meeting.attendance.filter(present=True)
        kwargs.setdefault(
            "initial", {"present": list(present.values_list("member_id", flat=True))}
        )
        super().__init__(*args, **kwargs)
        self.fields["present"] = members_field(meeting_members(meeting))
        self.order_fields(["present"])


class AttendanceForm(MeetingAttendanceForm):
    """The admin's correction of who was present; ``meeting_attendance_record`` decides."""

    reason = ReasonForm.base_fields["reason"]


class BallotForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=BallotChoice.choices,
        error_messages={
            "required": _("Vote for, against or abstain."),
            "invalid_choice": _("Vote for, against or abstain."),
        },
    )


class WrittenOpinionForm(forms.Form):
    """An absent member's written opinion (the office may record it for him)."""

    member = forms.ModelChoiceField(
        label=_("Council member"), queryset=None, required=False
    )
    nomination = forms.ModelChoiceField(
        label=_("On the nomination"),
        queryset=None,
        required=False,
        empty_label=_("— the meeting as a whole —"),
    )
    text = typed_text(
        forms.CharField(
            label=_("Opinion"),
            max_length=OPINION_MAX_CHARS,
            widget=forms.Textarea(attrs={"rows": 3}),
            error_messages={
                "required": _("Write the opinion."),
                "max_length": _("An opinion has at most %(limit_value)d characters."),
            },
        )
    )

    def __init__(self, *args, meeting, absent_members, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["member"].queryset = get_user_model().objects.filter(
            pk__in=[m.pk for m in absent_members]
        )
        self.fields["member"].label_from_instance = user_display_name
        self.fields["nomination"].queryset = Nomination.objects.filter(
            meeting=meeting
        ).select_related("nominee_unit", "nominee_person", "nominee_household")
        self.fields["nomination"].label_from_instance = lambda n: n.nominee_name


class CouncilMeetingForm(forms.Form):
    """A new council meeting: its date, how it votes, and who is already there."""

    held_on = forms.DateField(
        label=_("Meeting date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the meeting date."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )
    ballot_mode = forms.ChoiceField(
        label=_("Ballots"),
        choices=BallotMode.choices,
        initial=BallotMode.SECRET,
        error_messages={"invalid_choice": _("Choose how the meeting votes.")},
    )
    notes = typed_text(
        forms.CharField(
            label=_("Notes"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from units.enums import Role

        council = (
            get_user_model()
            .objects.filter(is_active=True, memberships__role=Role.COUNCIL)
            .distinct()
            .order_by("last_name", "first_name", "username")
        )
        self.fields["present"] = members_field(
            council,
            help_text=_(
                "Can be completed on the meeting's page until the voting opens."
            ),
        )
        self.order_fields(["held_on", "ballot_mode", "present", "notes"])


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


__all__ = ["Category", "ReasonForm"]
