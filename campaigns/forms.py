"""Forms for unit reports and the admin's rule changes: thin parsing, the rules live in
services. The reason of every return, reopening and change is core's ``ReasonForm``."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.uploads import EvidenceFileField
from phongquang_portal.core.validators import no_control_characters
from units.enums import UnitKind

from .enums import (
    CAMPAIGN_REASON_REQUIRED,
    CAMPAIGN_TRANSITIONS,
    BoardState,
    IndicatorValueType,
    ReportState,
)
from .models import (
    NUMBER_BOUNDS,
    CampaignCitation,
    Indicator,
    LegalDocument,
    ReportingPeriod,
)
from .services.values import check_narrative, parse_indicator_value


class NarrativeField(forms.CharField):
    """A goal section's narrative; the length is checked on the server only.

    No ``maxlength`` attribute, so a browser never silently cuts what was
    typed or pasted: the user sees the message and keeps the text.
    """

    default_validators = [no_control_characters]

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
        ids.refuse_foreign_digits(value)
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
        """{goal_id: text} of every narrative that passed its checks.

        A field with an error is left out, so a draft keeps every valid entry
        and only the bad one waits for correction (its stored text stays).
        """
        return {
            goal.pk: self.cleaned_data.get(narrative_name(goal)) or ""
            for goal in self.goals
            if narrative_name(goal) not in self.errors
        }

    def values(self):
        """{indicator_id: Decimal or None} of every number that passed its checks."""
        return {
            i.pk: self.cleaned_data.get(value_name(i))
            for i in self.indicators
            if value_name(i) not in self.errors
        }

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
    q = forms.CharField(
        label=_("Unit name"),
        required=False,
        max_length=100,
        validators=[no_control_characters],
    )

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
            "priority_field",
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
        campaign = cleaned.get("campaign") or (
            self.instance.campaign if self.instance.campaign_id else None
        )
        goal = cleaned.get("goal")
        if campaign and goal and goal.campaign_id != campaign.pk:
            self.add_error("goal", _("Choose a goal of the same campaign."))
        field = cleaned.get("priority_field")
        if field and goal and field.goal_id != goal.pk:
            self.add_error(
                "priority_field", _("Choose a priority field of the chosen goal.")
            )
        return cleaned


# --- The admin's rule changes: each calls a service, with a reason -------------------


def _date_field(label):
    return forms.DateField(label=label, widget=AdminDateWidget)


class CampaignDatesForm(ReasonForm):
    """Move a campaign's start, end or dossier deadline (campaign_dates_change)."""

    starts_on = _date_field(_("starts on"))
    ends_on = _date_field(_("ends on"))
    dossier_deadline = _date_field(_("dossier deadline"))
    field_order = ["starts_on", "ends_on", "dossier_deadline", "reason"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Reason for the change"))
        kwargs.setdefault(
            "required_message",
            _("Please give the reason for changing the campaign's dates."),
        )
        super().__init__(*args, **kwargs)


class CampaignStatusForm(ReasonForm):
    """Open, close or reopen a campaign (campaign_set_status); reopening needs a reason."""

    status = forms.ChoiceField(label=_("New status"))
    field_order = ["status", "reason"]

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault("label", _("Reason"))
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        labels = dict(type(campaign).status.field.choices)
        self.fields["status"].choices = [
            (target.value, labels[target])
            for target in sorted(CAMPAIGN_TRANSITIONS.get(campaign.status, ()))
        ]
        self.fields["reason"].required = False

    def clean(self):
        cleaned = super().clean()
        move = (self.campaign.status, cleaned.get("status"))
        if move in CAMPAIGN_REASON_REQUIRED and not cleaned.get("reason"):
            self.add_error(
                "reason", _("Please give the reason for reopening this campaign.")
            )
        return cleaned


class PeriodDueForm(ReasonForm):
    """Move a reporting period's due date (period_due_change)."""

    due_on = _date_field(_("due on"))
    field_order = ["due_on", "reason"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Reason for the change"))
        kwargs.setdefault(
            "required_message", _("Please give the reason for changing the due date.")
        )
        super().__init__(*args, **kwargs)


def _bound_field(label):
    return ids.DecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        validators=NUMBER_BOUNDS,
    )


class IndicatorRulesForm(ReasonForm):
    """Change an indicator's type and bounds once values exist (indicator_rules_change)."""

    value_type = forms.ChoiceField(
        label=_("value type"), choices=IndicatorValueType.choices
    )
    min_value = _bound_field(_("minimum"))
    max_value = _bound_field(_("maximum"))
    field_order = ["value_type", "min_value", "max_value", "reason"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Reason for the change"))
        kwargs.setdefault(
            "required_message",
            _("Please give the reason for changing the indicator's rules."),
        )
        super().__init__(*args, **kwargs)


# --- Legal bases and the plan's number (the admin's service forms) ------------------


class CampaignPlanForm(ReasonForm):
    """Record the number and date of the campaign's own plan (campaign_plan_set)."""

    plan_number = forms.CharField(
        label=_("Plan number"),
        max_length=20,
        validators=[no_control_characters],
        help_text=_("The number only, e.g. 05 (printed as 05/KH-UBND)."),
    )
    plan_date = _date_field(_("Plan date"))
    field_order = ["plan_number", "plan_date", "reason"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Reason"))
        kwargs.setdefault(
            "required_message",
            _("Say why the plan's number or date is recorded or changed."),
        )
        super().__init__(*args, **kwargs)


def _document_field():
    return ids.ModelChoiceField(
        label=_("Legal document"),
        queryset=LegalDocument.objects.all(),
        error_messages={"required": _("Choose the legal document.")},
    )


class CitationAddForm(ReasonForm):
    """Cite one more legal document (citation_add)."""

    document = _document_field()
    position = ids.IntegerField(
        label=_("Order"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Empty: after the others."),
    )
    decision_only = forms.BooleanField(
        label=_("Cited by the decision only"),
        required=False,
        help_text=CampaignCitation._meta.get_field("decision_only").help_text,
    )
    field_order = ["document", "position", "decision_only", "reason"]

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault("label", _("Reason"))
        kwargs.setdefault(
            "required_message", _("Say why the campaign cites this document.")
        )
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = LegalDocument.objects.exclude(
            citations__campaign=campaign
        )


class CitationChoiceForm(ReasonForm):
    """Remove a citation (citation_remove), or replace its document (citation_replace)."""

    citation = ids.ModelChoiceField(
        label=_("Citation"),
        queryset=CampaignCitation.objects.none(),
        error_messages={"required": _("Choose the citation.")},
    )
    field_order = ["citation", "document", "reason"]

    def __init__(self, *args, campaign, replace=False, **kwargs):
        kwargs.setdefault("label", _("Reason"))
        super().__init__(*args, **kwargs)
        self.fields["citation"].queryset = campaign.citations.select_related("document")
        if replace:
            self.fields["document"] = _document_field()
            self.fields["document"].label = _("Cite instead")
            self.order_fields(self.field_order)


class CitationRemoveForm(CitationChoiceForm):
    """Stop citing one legal document (citation_remove)."""

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault(
            "required_message",
            _("Say why the campaign no longer cites this document."),
        )
        super().__init__(*args, campaign=campaign, **kwargs)


class CitationReplaceForm(CitationChoiceForm):
    """Cite another document in place of a citation's (citation_replace)."""

    def __init__(self, *args, campaign, **kwargs):
        kwargs.setdefault("required_message", _("Say why the citation is replaced."))
        super().__init__(*args, campaign=campaign, replace=True, **kwargs)


class ReviewFixForm(forms.Form):
    """The corrected text of one item of a copy's review list."""

    text = forms.CharField(
        label=_("Corrected text"),
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        error_messages={"required": _("Write the corrected text.")},
    )


class ExtensionForm(ReasonForm):
    """The office extends one unit's deadline: the new day and the reason.

    The shape of every extension's grant form (reports' here, dossiers' in
    ``awards.extensions.forms`` adds the award and the unit); the service
    checks the dates (``extension_grant``).
    """

    until = forms.DateField(
        label=_("Extended until"),
        # An <input type="date"> shows only ISO dates.
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"
        ),
        error_messages={
            "required": _("Enter the new due date."),
            "invalid": _("Enter a date as dd/mm/yyyy."),
        },
    )
    # The service's refusals that belong to a field (the others go on top).
    service_error_fields = {
        "extension_not_later": "until",
        "extension_too_long": "until",
    }
    field_order = ["until", "reason"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Reason (shown to the unit and in the history)"))
        kwargs.setdefault(
            "required_message", _("Please give the reason for the extension.")
        )
        super().__init__(*args, **kwargs)

    def add_service_error(self, exc):
        """Show a service's ValidationError next to the field it is about."""
        errors = getattr(exc, "error_list", None) or [
            forms.ValidationError(message) for message in exc.messages
        ]
        for error in errors:
            field = self.service_error_fields.get(error.code)
            self.add_error(field if field in self.fields else None, error)


class ReportExtensionForm(ExtensionForm):
    """The office extends one unit's due date (report_extension_grant)."""
