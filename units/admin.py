"""The office's records (units, people, households) and the roles, in the admin.

Roles are granted and revoked only through ``membership_grant`` and
``membership_revoke``, each with a reason: the admin's add form and its
delete page call them, and nobody sees a role he may not grant.
Accounts are kept here too; superuser status, staff status, groups and
Django permissions are never edited (roles decide them).
"""

from functools import partial

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.activity import log_action
from phongquang_portal.core.admin_forms import ServiceAction
from phongquang_portal.core.admin_mixins import PortalModelAdmin, admin_changes
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.permissions import has_perm
from phongquang_portal.core.validators import no_control_characters

from .enums import Role
from .models import Household, Membership, Person, Unit
from .services import membership_grant, membership_revoke

User = get_user_model()


@admin.register(Unit)
class UnitAdmin(PortalModelAdmin):
    list_display = ("name", "kind", "parent", "phone", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "address")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)


@admin.register(Person)
class PersonAdmin(PortalModelAdmin):
    list_display = ("full_name", "kind", "unit", "position", "sex", "date_of_birth")
    list_filter = ("kind", "sex", "unit__kind")
    search_fields = ("full_name", "position", "residence")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit", "user")


@admin.register(Household)
class HouseholdAdmin(PortalModelAdmin):
    list_display = ("head_name", "head_sex", "hamlet", "address", "members_count")
    list_filter = ("hamlet",)
    search_fields = ("head_name", "address")
    list_select_related = ("hamlet",)
    autocomplete_fields = ("hamlet",)


class MembershipGrantForm(forms.ModelForm):
    """Grant a role: the roles offered are those the signed-in user may grant."""

    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=2000,
        validators=[no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        error_messages={
            "required": gettext_lazy("Please give the reason for granting this role.")
        },
    )

    class Meta:
        model = Membership
        fields = ["user", "role", "unit", "title"]

    def __init__(self, *args, actor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        if actor is not None and "role" in self.fields:
            self.fields["role"].choices = [
                (value, label)
                for value, label in Role.choices
                if has_perm(actor, "units.grant_role", self._probe(value))
            ] or [("", "—")]

    def _probe(self, role):
        return Membership(role=role, user_id=None)

    def clean(self):
        cleaned = super().clean()
        user, role = cleaned.get("user"), cleaned.get("role")
        if user is not None and role:
            unit = cleaned.get("unit") if role == Role.UNIT_HEAD else None
            probe = Membership(user=user, role=role, unit=unit)
            if not has_perm(self.actor, "units.grant_role", probe):
                raise ValidationError(
                    _("You may not grant this role to this user."),
                    code="permission_denied",
                )
        return cleaned

    def validate_unique(self):
        # Granting a role the user already has changes nothing (the service says so).
        return None


def _revoke_question(membership):
    question = _("Revoke the role “%(role)s” of %(user)s?") % {
        "role": membership.get_role_display(),
        "user": membership.user,
    }
    return f"{question} ({membership.unit})" if membership.unit else question


def _revoked(membership):
    return _("The role “%(role)s” of %(user)s is revoked.") % {
        "role": membership.get_role_display(),
        "user": membership.user,
    }


@admin.register(Membership)
class MembershipAdmin(PortalModelAdmin):
    """Roles are data: granted and revoked here through the services, with a reason."""

    form = MembershipGrantForm
    list_display = ("user", "role", "unit", "title", "granted_at")
    list_filter = ("role",)
    search_fields = (
        "user__username",
        "user__first_name",
        "user__last_name",
        "unit__name",
    )
    list_select_related = ("user", "unit")
    autocomplete_fields = ("user", "unit")

    @admin.display(description=gettext_lazy("role granted at"), ordering="created_at")
    def granted_at(self, obj):
        return obj.created_at

    actions = None
    # Revoking a role: the delete page asks for the reason and calls the service.
    service_actions = [
        ServiceAction(
            name="delete",
            title=gettext_lazy("Revoke a role"),
            intro=_revoke_question,
            submit=gettext_lazy("Revoke the role"),
            form=partial(
                ReasonForm,
                label=gettext_lazy("Reason for revoking the role"),
                required_message=gettext_lazy(
                    "Please give the reason for revoking this role."
                ),
            ),
            service=membership_revoke,
            target="membership",
            permission="units.delete_membership",
            button=False,
            back_to="changelist",
            success=_revoked,
        ),
    ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        actor = request.user

        class BoundForm(form):
            def __init__(self, *args, **inner):
                inner.setdefault("actor", actor)
                super().__init__(*args, **inner)

        return BoundForm

    def get_fields(self, request, obj=None):
        return ["user", "role", "unit", "title", "reason"]

    def save_model(self, request, obj, form, change):
        # A refusal comes back on the add form, as typed (core.admin_forms).
        membership = membership_grant(
            user=obj.user,
            role=obj.role,
            unit=obj.unit,
            title=obj.title,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        obj.pk = membership.pk

    def save_related(self, request, form, formsets, change):
        return None

    def log_addition(self, request, obj, message):
        return None  # the service wrote the activity log


class AccountChangeForm(UserChangeForm):
    """Names, e-mail, the password link and whether the account may log in."""

    class Meta(UserChangeForm.Meta):
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]


class PortalUserAdmin(UserAdmin):
    """Accounts: names, e-mail, password and whether the account may log in.

    Staff status follows the roles, and superuser status, groups and Django
    permissions are never set here: the roles (granted with a reason) decide
    what an account may do.
    """

    form = AccountChangeForm
    list_display = (
        "username",
        "last_name",
        "first_name",
        "email",
        "is_active",
        "roles",
    )
    list_filter = ("is_active", "memberships__role")
    readonly_fields = ("is_staff", "is_superuser", "last_login", "date_joined", "roles")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            gettext_lazy("Personal info"),
            {"fields": ("last_name", "first_name", "email")},
        ),
        (
            gettext_lazy("Status"),
            {"fields": ("is_active", "roles", "is_staff", "is_superuser")},
        ),
        (gettext_lazy("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "last_name",
                    "first_name",
                    "email",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    filter_horizontal = ()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships")

    @admin.display(description=gettext_lazy("roles"))
    def roles(self, obj):
        labels = dict(Role.choices)
        return ", ".join(
            sorted({str(labels.get(m.role, m.role)) for m in obj.memberships.all()})
        )

    def has_module_permission(self, request):
        return has_perm(request.user, "auth")

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, "auth.view_user", obj)

    def has_add_permission(self, request):
        return has_perm(request.user, "auth.add_user")

    def has_change_permission(self, request, obj=None):
        return has_perm(request.user, "auth.change_user", obj)

    def has_delete_permission(self, request, obj=None):
        return has_perm(request.user, "auth.delete_user", obj)

    def get_actions(self, request):
        return {}

    def save_model(self, request, obj, form, change):
        before = User.objects.filter(pk=obj.pk).first() if change else None
        changes = admin_changes(form, before, obj) if change else {}
        changes.pop("password", None)
        super().save_model(request, obj, form, change)
        if not change:
            log_action(obj, "admin.added", actor=request.user)
        elif changes:
            log_action(
                obj, "admin.changed", actor=request.user, data={"changes": changes}
            )

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and getattr(response, "status_code", 200) == 302:
            account = User.objects.get(pk=id)
            log_action(account, "units.account.password_set", actor=request.user)
        return response


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
# Groups follow the roles (one per role, kept in step by the services).
admin.site.unregister(Group)
