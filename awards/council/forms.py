"""The council's forms: a new meeting, its attendance, a ballot, a written opinion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phongquang_portal.core import ids
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.names import user_display_name

from ..common.forms import typed_text
from ..enums import OPINION_MAX_CHARS, BallotChoice, BallotMode
from ..nominations.models import Nomination


def meeting_members(meeting):
    """The council members of ``meeting`` (its attendance, the council as it is)."""
    from django.contrib.auth import get_user_model

    from .selectors import sitting_attendance

    return (
        get_user_model()
        .objects.filter(pk__in=sitting_attendance(meeting).values("member_id"))
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
        from .selectors import sitting_attendance

        present = sitting_attendance(meeting).filter(present=True)
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

    member = ids.ModelChoiceField(
        label=_("Council member"), queryset=None, required=False
    )
    nomination = ids.ModelChoiceField(
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
