"""Admin for the criteria tree and bands (office); sheets are read-only here.

A criterion's maximum points, kind, units and automatic scoring, and a
band's classification and lowest total, are read-only on the change page:
they change on their own small page ("Change … with a reason"), which calls
``services.criterion_change`` / ``services.band_change``. Those check the
permission, take the locks, refuse once a unit has submitted a sheet holding
the criterion (once the ranking is published, for a band), and log the old
and new values with the reason. Score sheets and the honor board's
publication change only through the portal's pages and services.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.permissions import has_perm
from units.enums import UnitKind

from . import selectors, services
from .forms import BandAmendForm, CriterionAmendForm
from .models import (
    Band,
    Criterion,
    CriterionGroup,
    RankingPublication,
    ScoreEntry,
    ScoreSheet,
)


class CriterionAdminForm(forms.ModelForm):
    unit_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("applies to"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave empty for every kind."),
    )

    class Meta:
        model = Criterion
        fields = [
            "campaign",
            "group",
            "code",
            "title",
            "description",
            "kind",
            "max_points",
            "unit_kinds",
            "evidence_required",
            "position",
            "indicator",
            "target",
            "auto_mode",
        ]

    def clean(self):
        cleaned = super().clean()
        group = cleaned.get("group", getattr(self.instance, "group", None))
        campaign = cleaned.get("campaign") or (
            self.instance.campaign if self.instance.campaign_id else None
        )
        if group and campaign and group.campaign_id != campaign.pk:
            self.add_error("group", _("The group belongs to another campaign."))
        if self.instance.pk is None:
            if campaign and selectors.criteria_fixed(campaign):
                raise ValidationError(
                    _(
                        "Units of this campaign have already submitted their sheets: "
                        "no criterion can be added."
                    ),
                    code="criteria_fixed",
                )
            indicator = cleaned.get("indicator")
            if indicator and campaign and indicator.campaign_id != campaign.pk:
                self.add_error(
                    "indicator", _("The indicator belongs to another campaign.")
                )
            if indicator and not cleaned.get("target"):
                self.add_error("target", _("An automatic criterion needs a target."))
        return cleaned


class CriterionGroupAdminForm(forms.ModelForm):
    class Meta:
        model = CriterionGroup
        fields = ["campaign", "goal", "code", "title", "position"]

    def clean(self):
        cleaned = super().clean()
        group = self.instance
        goal = cleaned.get("goal")
        if (
            group.pk is not None
            and goal is not None
            and goal.pk != group.goal_id
            and selectors.criteria_fixed(group.campaign_id)
        ):
            self.add_error(
                "goal",
                _(
                    "Units of this campaign have already submitted their sheets: the "
                    "group stays under its goal section."
                ),
            )
        campaign = cleaned.get("campaign") or (
            group.campaign if group.campaign_id else None
        )
        if (
            goal is not None
            and campaign is not None
            and goal.campaign_id != campaign.pk
        ):
            self.add_error("goal", _("The goal belongs to another campaign."))
        return cleaned


class ReadOnlyInline(admin.TabularInline):
    """Rows shown for reference: they change on their own pages."""

    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return has_perm(request.user, f"scoring.view_{self.opts.model_name}", obj)


class CriterionInline(ReadOnlyInline):
    model = Criterion
    fields = ("code", "title", "max_points", "kind", "evidence_required", "position")


class AmendViewMixin:
    """A small admin page that changes the guarded fields through a service."""

    amend_form = None
    amend_title = ""

    def get_urls(self):
        return [
            path(
                "<path:object_id>/amend/",
                self.admin_site.admin_view(self.amend_view),
                name=self._url_name("amend"),
            ),
            *super().get_urls(),
        ]

    def _url_name(self, page):
        return f"{self.opts.app_label}_{self.opts.model_name}_{page}"

    def amend_url(self, obj):
        return reverse(f"admin:{self._url_name('amend')}", args=[obj.pk])

    def amend_service(self, obj, actor, reason, values):
        raise NotImplementedError

    def amend_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_permission(request, obj):
            raise PermissionDenied
        perm = f"scoring.amend_{self.opts.model_name}"
        may_amend = has_perm(request.user, perm, obj)
        if request.method == "POST" and not may_amend:
            raise PermissionDenied
        form = self.amend_form(
            request.POST if request.method == "POST" else None,
            **{self.opts.model_name: obj},
        )
        if request.method == "POST" and form.is_valid():
            values = dict(form.cleaned_data)
            reason = values.pop("reason")
            try:
                self.amend_service(obj, request.user, reason, values)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                self.message_user(
                    request, _("The change is recorded."), messages.SUCCESS
                )
                return HttpResponseRedirect(
                    reverse(f"admin:{self._url_name('change')}", args=[obj.pk])
                )
        return TemplateResponse(
            request,
            "admin/scoring/amend.html",
            {
                **self.admin_site.each_context(request),
                "title": self.amend_title,
                "opts": self.opts,
                "original": obj,
                "form": form,
                "may_amend": may_amend,
                "locked_message": self.locked_message(obj),
            },
        )

    def locked_message(self, obj):
        return ""

    @admin.display(description=gettext_lazy("change with a reason"))
    def amend_link(self, obj):
        if obj is None or obj.pk is None:
            return ""
        return format_html(
            '<a class="button" href="{}">{}</a>', self.amend_url(obj), self.amend_title
        )


@admin.register(CriterionGroup)
class CriterionGroupAdmin(PortalModelAdmin):
    form = CriterionGroupAdminForm
    list_display = ("code", "title", "goal", "campaign", "position")
    list_filter = ("campaign",)
    search_fields = ("code", "title")
    list_select_related = ("goal", "campaign")
    inlines = [CriterionInline]
    guarded_fields = ("campaign",)
    actions = None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "goal":
            kwargs["queryset"] = db_field.related_model.objects.select_related(
                "campaign"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Criterion)
class CriterionAdmin(AmendViewMixin, PortalModelAdmin):
    form = CriterionAdminForm
    list_display = (
        "code",
        "title",
        "max_points",
        "kind",
        "evidence_required",
        "group",
        "campaign",
    )
    list_filter = ("campaign", "kind", "evidence_required")
    search_fields = ("code", "title")
    list_select_related = ("group", "campaign")
    guarded_fields = ("campaign", *services.CRITERION_LOCKED_FIELDS)
    actions = None
    amend_form = CriterionAmendForm
    amend_title = gettext_lazy("Change the points, kind, units or automatic scoring")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "amend_link"] if obj is not None else fields

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and "amend_link" in fields:
            fields.remove("amend_link")
            fields.insert(fields.index("max_points"), "amend_link")
        return fields

    def amend_service(self, obj, actor, reason, values):
        services.criterion_change(criterion=obj, actor=actor, reason=reason, **values)

    def locked_message(self, obj):
        if selectors.criterion_in_use(obj):
            return _(
                "Units have submitted sheets holding this criterion: its points, kind, "
                "units and automatic scoring can no longer change."
            )
        return ""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.draft_entries_sync(campaign=obj.campaign)


@admin.register(Band)
class BandAdmin(AmendViewMixin, PortalModelAdmin):
    list_display = ("label", "min_total", "campaign")
    list_filter = ("campaign",)
    guarded_fields = ("campaign", *services.BAND_LOCKED_FIELDS)
    actions = None
    amend_form = BandAmendForm
    amend_title = gettext_lazy("Change the classification or its lowest total")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "amend_link"] if obj is not None else fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:

            class NewBandForm(form):
                def clean(self):
                    cleaned = super().clean()
                    campaign = cleaned.get("campaign")
                    if campaign and selectors.is_published(campaign):
                        raise ValidationError(
                            _(
                                "The ranking of this campaign is published: its bands "
                                "no longer change."
                            ),
                            code="ranking_published",
                        )
                    return cleaned

            return NewBandForm
        return form

    def amend_service(self, obj, actor, reason, values):
        services.band_change(band=obj, actor=actor, reason=reason, **values)

    def locked_message(self, obj):
        if selectors.is_published(obj.campaign_id):
            return _(
                "The ranking is published: its bands no longer change. Withdraw it "
                "from the honor board first."
            )
        return ""


@admin.register(RankingPublication)
class RankingPublicationAdmin(PortalModelAdmin):
    """Publication is done from the ranking page (logged); shown here for reference."""

    list_display = ("campaign", "top_n", "published_at", "published_by")
    readonly_fields = ("campaign", "top_n", "published_at", "published_by")
    actions = None


class ScoreEntryInline(ReadOnlyInline):
    model = ScoreEntry
    fields = ("criterion", "self_points", "final_points", "self_note", "final_comment")
    show_change_link = False


@admin.register(ScoreSheet)
class ScoreSheetAdmin(PortalModelAdmin):
    list_display = ("unit", "campaign", "state", "finalised_at")
    list_filter = ("campaign", "state", "unit__kind")
    search_fields = ("unit__name",)
    list_select_related = ("unit", "campaign")
    readonly_fields = (
        "campaign",
        "unit",
        "state",
        "self_summary",
        "final_reason",
        "finalised_by",
        "finalised_at",
    )
    inlines = [ScoreEntryInline]
    actions = None
