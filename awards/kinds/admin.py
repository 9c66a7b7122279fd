"""Award kinds and base salaries in the admin: the rules change only through their
services, with a reason."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_forms import ServiceAction
from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.validators import no_control_characters

from ..enums import AWARD_RULE_FIELDS, AttachmentKind
from . import services
from .forms import AwardRulesForm
from .models import AwardKind, BaseSalary


class AwardKindForm(forms.ModelForm):
    required_documents = forms.MultipleChoiceField(
        label=gettext_lazy("Required documents"),
        choices=AttachmentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = AwardKind
        fields = [
            "campaign",
            "code",
            "name",
            "deadline_bound",
            "quota_collective",
            "quota_individual",
            "position",
            "required_documents",
            "multiplier_individual",
            "multiplier_collective",
            "multiplier_household",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "name" in self.fields:
            self.fields["name"].validators.append(no_control_characters)


def _rules_locked(kind):
    if services.award_rules_locked(kind):
        return _("Dossiers of this award have been submitted: its rules are fixed.")
    return ""


@admin.register(AwardKind)
class AwardKindAdmin(PortalModelAdmin):
    """Award kinds: the rules (quotas, prizes, deadline, documents) change only
    through "Change the rules", with a reason, and never once dossiers are in."""

    form = AwardKindForm
    list_display = (
        "name",
        "campaign",
        "code",
        "deadline_bound",
        "quota_collective",
        "quota_individual",
        "multiplier_individual",
        "multiplier_collective",
        "multiplier_household",
    )
    list_filter = ("campaign", "code")
    list_select_related = ("campaign",)
    guarded_fields = ("campaign", "code", *AWARD_RULE_FIELDS)
    service_actions = [
        ServiceAction(
            name="rules",
            title=gettext_lazy("Change the award's rules"),
            label=gettext_lazy("Change the rules (with a reason)"),
            intro=gettext_lazy(
                "Quotas, prize multipliers, the deadline rule and the required "
                "documents change only before any dossier of this award is "
                "submitted, with a reason; the change is logged with the old and "
                "new values."
            ),
            form=AwardRulesForm,
            initial=AWARD_RULE_FIELDS,
            values=AwardRulesForm.changed_rules,
            service=services.award_rules_change,
            target="award_kind",
            permission="awards.manage_award_rules",
            locked=_rules_locked,
            success=gettext_lazy("The award's rules are changed."),
        ),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            # The rules are read-only here: the plain form has no rules field.
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)


class BaseSalaryForm(forms.ModelForm):
    """A new base salary, with the reason the service logs."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("For example: Decree … sets the base salary from …"),
        error_messages={
            "required": gettext_lazy("Say which decree sets this base salary.")
        },
    )

    class Meta:
        model = BaseSalary
        fields = ["amount", "effective_from", "legal_document"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(PortalModelAdmin):
    """The base salary from each decree's date: the office adds a row when a new
    decree is issued (``base_salary_add``, logged); rows are never edited, so
    every decision keeps the amount in force on the day it was signed."""

    form = BaseSalaryForm
    list_display = ("effective_from", "amount", "legal_document", "created_by")
    list_select_related = ("legal_document", "created_by")
    readonly_fields = ("created_by", "created_at")

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["amount", "effective_from", "legal_document", "reason"]
        return [
            "amount",
            "effective_from",
            "legal_document",
            "created_by",
            "created_at",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return self.get_fields(request, obj)
        return super().get_readonly_fields(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        # A refusal comes back on the add form, as typed (core.admin_forms).
        created = services.base_salary_add(
            amount=form.cleaned_data["amount"],
            effective_from=form.cleaned_data["effective_from"],
            legal_document=form.cleaned_data["legal_document"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        obj.pk = created.pk
        obj.created_by = created.created_by
        obj.created_at = created.created_at
