"""Forms of the scoring pages: thin parsers that hand their rows to the services."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.uploads import EvidenceFileField, validate_upload
from phongquang_portal.core.validators import no_control_characters
from units.enums import UnitKind

from .enums import AutoMode, CriterionKind
from .models import MAX_CRITERION_POINTS, MAX_TARGET, MAX_TOP_N, MAX_TOTAL
from .services import EntryInput, parse_points, validate_points

NOTE_MAX_CHARS = 2000
SUMMARY_MAX_CHARS = 4000


def note_field(label, *, max_length=NOTE_MAX_CHARS, rows=2, **kwargs):
    """A text area users type into: bounded, without control characters."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "max_length": _(
                "Please keep this text under %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
        **kwargs,
    )


class PointsField(forms.CharField):
    """Points typed on a phone: "7,5" or "7.5"; checked against the criterion later."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": _(
                    "A number of points has at most 12 characters (for example 7,5)."
                )
            },
        )
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        ids.refuse_foreign_digits(value)
        return parse_points(value)


def _initial(value):
    if value is None:
        return ""
    return f"{value.normalize():f}".replace(".", ",")


class EntryRowsForm(forms.Form):
    """One points field and one text field per entry; subclasses add more."""

    points_prefix = "points"
    text_prefix = "text"
    text_label = _("Note")
    points_required = False

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = list(entries)
        for entry in self.entries:
            self.fields[self._name(self.points_prefix, entry)] = PointsField(
                label=_("Points (0–%(max)s)")
                % {"max": _initial(entry.criterion.max_points)},
                initial=_initial(self.initial_points(entry)),
                required=False,
            )
            self.fields[self._name(self.text_prefix, entry)] = note_field(
                self.text_label, initial=self.initial_text(entry)
            )

    @staticmethod
    def _name(prefix, entry):
        return f"{prefix}_{entry.pk}"

    def initial_points(self, entry):
        return None

    def initial_text(self, entry):
        return ""

    def clean(self):
        cleaned = super().clean()
        for entry in self.entries:
            name = self._name(self.points_prefix, entry)
            if name in self.errors:
                continue
            points = cleaned.get(name)
            if points is None and self.points_required:
                self.add_error(
                    name,
                    _("Give the final points for criterion %(code)s.")
                    % {"code": entry.criterion.code},
                )
                continue
            try:
                validate_points(entry.criterion, points)
            except ValidationError as exc:
                self.add_error(name, exc)
        return cleaned

    def rows(self):
        """Entries with their bound fields, for the template."""
        for entry in self.entries:
            yield {
                "entry": entry,
                "points": self[self._name(self.points_prefix, entry)],
                "text": self[self._name(self.text_prefix, entry)],
                **self.extra_fields(entry),
            }

    def extra_fields(self, entry):
        return {}

    def inputs(self):
        return [
            EntryInput(
                entry=entry,
                points=self.cleaned_data.get(self._name(self.points_prefix, entry)),
                text=self.cleaned_data.get(
                    self._name(self.text_prefix, entry), ""
                ).strip(),
                **self.extra_input(entry),
            )
            for entry in self.entries
        ]

    def extra_input(self, entry):
        return {}


class SelfAssessmentForm(EntryRowsForm):
    """The unit head's points, note and evidence per criterion."""

    text_label = _("Note (what was done)")

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"] = note_field(
            _("Summary of the unit's results"),
            max_length=SUMMARY_MAX_CHARS,
            rows=3,
            initial=sheet.self_summary,
        )
        for entry in self.entries:
            self.fields[self._name("evidence", entry)] = EvidenceFileField(
                label=_("Evidence file"), required=False
            )
            if entry.evidence:
                self.fields[self._name("clear", entry)] = forms.BooleanField(
                    label=_("Remove the attached file"), required=False
                )

    def initial_points(self, entry):
        return entry.self_points

    def initial_text(self, entry):
        return entry.self_note

    def extra_fields(self, entry):
        fields = {"evidence": self[self._name("evidence", entry)]}
        if entry.evidence:
            fields["clear"] = self[self._name("clear", entry)]
        return fields

    def extra_input(self, entry):
        return {
            "evidence": self.cleaned_data.get(self._name("evidence", entry)),
            "clear_evidence": bool(self.cleaned_data.get(self._name("clear", entry))),
        }


class CouncilScoreForm(EntryRowsForm):
    """One council member's points and comment per criterion."""

    text_label = _("Comment")

    def __init__(self, *args, member, **kwargs):
        self.member = member
        super().__init__(*args, **kwargs)

    def _mine(self, entry):
        for score in entry.council_scores.all():
            if score.member_id == self.member.pk:
                return score
        return None

    def initial_points(self, entry):
        score = self._mine(entry)
        return score.points if score else None

    def initial_text(self, entry):
        score = self._mine(entry)
        return score.comment if score else ""


class FinaliseForm(EntryRowsForm):
    """The office's final points per criterion and the reason for the decision."""

    text_label = _("Office's comment")
    points_required = True

    def __init__(self, *args, summaries, missing=(), **kwargs):
        self.summaries = summaries
        self.missing = list(missing)
        super().__init__(*args, **kwargs)
        reason = ReasonForm(
            label=_("Reason for the final score"),
            required_message=_("Record the reason for the final score."),
        ).fields["reason"]
        reason.help_text = _(
            "Recorded in the sheet's history, for example the council meeting."
        )
        self.fields["reason"] = reason
        if self.missing:
            missing_reason = ReasonForm(
                label=_("Why finalise without the missing council members' marks"),
                required_message=_(
                    "Some council members have not submitted their marks: say why "
                    "the sheet is finalised without them."
                ),
            ).fields["reason"]
            self.fields["missing_reason"] = missing_reason

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()

    def clean_missing_reason(self):
        return self.cleaned_data["missing_reason"].strip()

    def initial_points(self, entry):
        if entry.final_points is not None:
            return entry.final_points
        mean = self.summaries.get(entry.pk, {}).get("mean")
        return mean if mean is not None else entry.self_points

    def initial_text(self, entry):
        return entry.final_comment

    def extra_fields(self, entry):
        return {"summary": self.summaries.get(entry.pk, {})}


class PublishForm(forms.Form):
    top_n = ids.IntegerField(
        label=_("Ranks shown per kind of unit"),
        min_value=1,
        max_value=MAX_TOP_N,
        initial=3,
        error_messages={
            "required": _("Give the number of ranks shown."),
            "invalid": _("The number of ranks shown must be a whole number."),
            "min_value": _("The number of ranks shown must be between 1 and 50."),
            "max_value": _("The number of ranks shown must be between 1 and 50."),
        },
    )


class CriteriaImportForm(forms.Form):
    file = forms.FileField(
        label=_("Criteria file (.xlsx)"),
        error_messages={"required": _("Please choose a file.")},
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed when the file changes the points, kind or units of existing "
            "criteria; recorded in their history."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        validate_upload(uploaded, kinds=("xlsx",))
        return uploaded


class CriterionAmendForm(ReasonForm):
    """The office changes a criterion's points, kind, units or automatic scoring."""

    max_points = ids.DecimalField(
        label=_("maximum points"),
        min_value=Decimal("0.01"),
        max_value=MAX_CRITERION_POINTS,
        max_digits=6,
        decimal_places=2,
    )
    kind = forms.ChoiceField(label=_("kind of points"), choices=CriterionKind.choices)
    unit_kinds = forms.MultipleChoiceField(
        label=_("applies to"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every kind."),
    )
    indicator = ids.ModelChoiceField(
        label=_("report indicator"), queryset=None, required=False
    )
    target = ids.DecimalField(
        label=_("target"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_TARGET,
        max_digits=14,
        decimal_places=2,
    )
    auto_mode = forms.ChoiceField(
        label=_("automatic scoring"), choices=AutoMode.choices
    )
    field_order = [
        "max_points",
        "kind",
        "unit_kinds",
        "indicator",
        "target",
        "auto_mode",
        "reason",
    ]

    def __init__(self, *args, criterion, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "max_points": criterion.max_points,
                "kind": criterion.kind,
                "unit_kinds": list(criterion.unit_kinds),
                "indicator": criterion.indicator_id,
                "target": criterion.target,
                "auto_mode": criterion.auto_mode,
            },
        )
        super().__init__(
            *args,
            label=_("Reason for the change"),
            required_message=_("Say why the criterion changes."),
            **kwargs,
        )
        self.order_fields(self.field_order)
        self.fields["indicator"].queryset = criterion.campaign.indicators.order_by(
            "code"
        )


class BandAmendForm(ReasonForm):
    """The office changes a band's classification or lowest total."""

    label = forms.CharField(
        label=_("classification"), max_length=60, validators=[no_control_characters]
    )
    min_total = ids.DecimalField(
        label=_("lowest total"),
        min_value=Decimal("0"),
        max_value=MAX_TOTAL,
        max_digits=6,
        decimal_places=2,
    )
    field_order = ["label", "min_total", "reason"]

    def __init__(self, *args, band, **kwargs):
        kwargs.setdefault("initial", {"label": band.label, "min_total": band.min_total})
        super().__init__(
            *args,
            label=_("Reason for the change"),
            required_message=_("Say why the band changes."),
            **kwargs,
        )
        self.order_fields(self.field_order)
