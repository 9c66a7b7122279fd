"""Forms for unit reports: thin parsing, the rules live in services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.uploads import EvidenceFileField
from units.enums import UnitKind

from .enums import BoardState, IndicatorValueType, ReportState
from .models import Indicator, ReportingPeriod
from .services import check_narrative, parse_indicator_value


class NarrativeField(forms.CharField):
    """A goal section's narrative; the length is checked on the server only.

    No ``maxlength`` attribute, so a browser never silently cuts what was
    typed or pasted: the user sees the message and keeps the text.
    """

    def __init__(self, *, goal, **kwargs):
        self.goal = goal
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.Textarea(attrs={"rows": 4, "class": "form-control"})
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        check_narrative(self.goal, value or "")
        return value


class IndicatorField(forms.CharField):
    """A number for one indicator, typed as text ("12,5" or "12.5")."""

    def __init__(self, *, indicator, **kwargs):
        self.indicator = indicator
        kwargs.setdefault("required", False)
        numeric = indicator.value_type == IndicatorValueType.INTEGER
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "class": "form-control",
                    "inputmode": "numeric" if numeric else "decimal",
                    "autocomplete": "off",
                }
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return parse_indicator_value(self.indicator, value)


def narrative_name(goal):
    return f"narrative_{goal.pk}"


def value_name(indicator):
    return f"value_{indicator.pk}"


class ReportForm(forms.Form):
    """The whole report on one page: a narrative per goal, the numbers, one attachment.

    The attachment field is the no-JavaScript way to add evidence; with
    JavaScript, files go up one by one with a progress bar instead.
    """

    attachment = EvidenceFileField(label=_("Attach evidence"), required=False)
    attachment_goal = forms.TypedChoiceField(
        label=_("for section"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, goals, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        self.indicators = indicators
        self.fields["attachment_goal"].choices = [("", _("whole report"))] + [
            (goal.pk, f"{goal.code}) {goal.title}") for goal in goals
        ]
        for goal in goals:
            self.fields[narrative_name(goal)] = NarrativeField(
                goal=goal, label=_("Results in section %(code)s") % {"code": goal.code}
            )
        for indicator in indicators:
            self.fields[value_name(indicator)] = IndicatorField(
                indicator=indicator, label=indicator.name
            )

    def sections(self):
        """Yield (goal, narrative bound field, [(indicator, bound field), ...])."""
        by_goal = {}
        for indicator in self.indicators:
            by_goal.setdefault(indicator.goal_id, []).append(indicator)
        for goal in self.goals:
            yield (
                goal,
                self[narrative_name(goal)],
                [(i, self[value_name(i)]) for i in by_goal.get(goal.pk, [])],
            )

    def narratives(self):
        return {
            goal.pk: self.cleaned_data.get(narrative_name(goal)) or ""
            for goal in self.goals
        }

    def values(self):
        return {i.pk: self.cleaned_data.get(value_name(i)) for i in self.indicators}

    def typed_narratives(self):
        """What was typed, valid or not, for the checklist of a re-shown form."""
        return {goal.pk: self.data.get(narrative_name(goal), "") for goal in self.goals}

    def typed_values(self):
        return {
            i.pk: (self.data.get(value_name(i)) or "").strip() or None
            for i in self.indicators
        }

    def attachment_goal_obj(self):
        goal_id = self.cleaned_data.get("attachment_goal")
        return next((g for g in self.goals if g.pk == goal_id), None)


class AttachmentForm(forms.Form):
    """One evidence file, sent on its own (with a progress bar) or as a fallback."""

    file = EvidenceFileField(label=_("File"))
    goal = forms.TypedChoiceField(
        label=_("for section"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        self.fields["goal"].choices = [("", _("whole report"))] + [
            (goal.pk, f"{goal.code}) {goal.title}") for goal in goals
        ]

    def goal_obj(self):
        goal_id = self.cleaned_data.get("goal")
        return next((g for g in self.goals if g.pk == goal_id), None)


class ReasonForm(forms.Form):
    """The office's comment when returning or reopening a report."""

    reason = forms.CharField(
        label=_("Comment for the unit"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        required=True,
        error_messages={"required": _("Please write what the unit should correct.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) > 2000:
            raise ValidationError(_("Please keep the comment under 2,000 characters."))
        return reason


class BoardFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds"))] + list(UnitKind.choices),
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states"))] + list(BoardState.choices),
    )


class ReportListFilterForm(forms.Form):
    period = forms.TypedChoiceField(
        label=_("Period"), required=False, coerce=int, empty_value=None
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All states"))] + list(ReportState.choices),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds"))] + list(UnitKind.choices),
    )
    q = forms.CharField(label=_("Unit name"), required=False, max_length=100)

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [("", _("All periods"))] + [
            (p.pk, p.name) for p in periods
        ]


class UnitKindsField(forms.MultipleChoiceField):
    """Unit kinds as checkboxes, stored as a JSON list; none ticked means every kind."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", UnitKind.choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value or []


class ReportingPeriodAdminForm(forms.ModelForm):
    unit_kinds = UnitKindsField(
        label=_("unit kinds that report"), help_text=_("None ticked means every kind.")
    )

    class Meta:
        model = ReportingPeriod
        fields = ["campaign", "name", "position", "opens_on", "due_on", "unit_kinds"]


class IndicatorAdminForm(forms.ModelForm):
    unit_kinds = UnitKindsField(
        label=_("unit kinds that report it"),
        help_text=_("None ticked means every kind."),
    )

    class Meta:
        model = Indicator
        fields = [
            "campaign",
            "goal",
            "code",
            "name",
            "unit_of_measure",
            "value_type",
            "min_value",
            "max_value",
            "target",
            "aggregation",
            "unit_kinds",
            "help_text",
            "position",
        ]

    def clean(self):
        cleaned = super().clean()
        campaign, goal = cleaned.get("campaign"), cleaned.get("goal")
        if campaign and goal and goal.campaign_id != campaign.pk:
            self.add_error("goal", _("Choose a goal of the same campaign."))
        return cleaned
