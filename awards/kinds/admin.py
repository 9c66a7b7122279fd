"""Award kinds and base salaries in the admin: the rules change only through their
services, with a reason."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.validators import no_control_characters

from ..common.admin import ServiceFormMixin
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


@admin.register(AwardKind)
class AwardKindAdmin(ServiceFormMixin, PortalModelAdmin):
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
    change_form_template = "admin/awards/awardkind/change_form.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            # The rules are read-only here: the plain form has no rules field.
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, change, **kwargs)

    def get_urls(self):
        return [
            path(
                "<int:pk>/rules/",
                self.admin_site.admin_view(self.rules_view),
                name="awards_awardkind_rules",
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "may_change_rules": obj is not None
            and has_perm(request.user, "awards.change_award_rules", obj),
            "rules_locked": obj is not None and services.award_rules_locked(obj),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def rules_view(self, request, pk):
        kind = self._service_object(request, pk)
        if not has_perm(request.user, "awards.manage_award_rules"):
            raise PermissionDenied
        form = AwardRulesForm.for_kind(
            kind, request.POST if request.method == "POST" else None
        )
        if request.method == "POST" and form.is_valid():
            done = self._run_service(
                request,
                kind,
                form,
                services.award_rules_change,
                _("The award's rules are changed."),
                award_kind=kind,
                **form.changed_rules(),
            )
            if done is not None:
                return done
        locked = services.award_rules_locked(kind)
        return self._service_page(
            request,
            kind,
            form,
            title=_("Change the rules of %(award)s") % {"award": kind},
            intro=_(
                "Quotas, prize multipliers, the deadline rule and the required "
                "documents change only before any dossier of this award is "
                "submitted, with a reason; the change is logged with the old and "
                "new values."
            ),
            locked_message=_(
                "Dossiers of this award have been submitted: its rules are fixed."
            )
            if locked
            else "",
        )


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

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:awards_basesalary_add"))
