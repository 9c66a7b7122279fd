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
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_forms import ServiceAction
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


def _criterion_locked(criterion):
    if selectors.criterion_in_use(criterion):
        return _(
            "Units have submitted sheets holding this criterion: its points, kind, "
            "units and automatic scoring can no longer change."
        )
    return ""


def _band_locked(band):
    if selectors.is_published(band.campaign_id):
        return _(
            "The ranking is published: its bands no longer change. Withdraw it "
            "from the honor board first."
        )
    return ""


def _amend(*, target, title, form, service, locked):
    """The page of a criterion's or a band's guarded fields ("amend").

    Whoever reads the criteria may open it (it says why they are locked);
    only who may ``scoring.amend_<target>`` sees the form and changes them.
    """
    return ServiceAction(
        name="amend",
        title=title,
        intro=gettext_lazy(
            "The change and its reason are recorded in the history, with the old "
            "and new values."
        ),
        submit=gettext_lazy("Record the change"),
        form=form,
        form_target=target,
        service=service,
        target=target,
        permission=f"scoring.amend_{target}",
        readable=True,
        locked=locked,
        success=gettext_lazy("The change is recorded."),
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
class CriterionAdmin(PortalModelAdmin):
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
    service_actions = [
        _amend(
            target="criterion",
            title=gettext_lazy("Change the points, kind, units or automatic scoring"),
            form=CriterionAmendForm,
            service=services.criterion_change,
            locked=_criterion_locked,
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.draft_entries_sync(campaign=obj.campaign)


@admin.register(Band)
class BandAdmin(PortalModelAdmin):
    list_display = ("label", "min_total", "campaign")
    list_filter = ("campaign",)
    guarded_fields = ("campaign", *services.BAND_LOCKED_FIELDS)
    actions = None
    service_actions = [
        _amend(
            target="band",
            title=gettext_lazy("Change the classification or its lowest total"),
            form=BandAmendForm,
            service=services.band_change,
            locked=_band_locked,
        ),
    ]

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
