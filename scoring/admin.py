"""Admin for the criteria tree and bands (office); sheets are read-only here.

Score sheets change only through the portal's pages and services, so the
workflow and its log are enforced once.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from rules.contrib.admin import ObjectPermissionsModelAdmin

from units.enums import UnitKind

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
        label=_("applies to"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every kind."),
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
        group = cleaned.get("group")
        campaign = cleaned.get("campaign")
        if group and campaign and group.campaign_id != campaign.pk:
            self.add_error("group", _("The group belongs to another campaign."))
        indicator = cleaned.get("indicator")
        if indicator and campaign and indicator.campaign_id != campaign.pk:
            self.add_error("indicator", _("The indicator belongs to another campaign."))
        if indicator and not cleaned.get("target"):
            self.add_error("target", _("An automatic criterion needs a target."))
        return cleaned


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("code", "title", "max_points", "kind", "evidence_required", "position")
    show_change_link = True


@admin.register(CriterionGroup)
class CriterionGroupAdmin(ObjectPermissionsModelAdmin):
    list_display = ("code", "title", "goal", "campaign", "position")
    list_filter = ("campaign",)
    search_fields = ("code", "title")
    list_select_related = ("goal", "campaign")
    inlines = [CriterionInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "goal":
            kwargs["queryset"] = db_field.related_model.objects.select_related(
                "campaign"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Criterion)
class CriterionAdmin(ObjectPermissionsModelAdmin):
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


@admin.register(Band)
class BandAdmin(ObjectPermissionsModelAdmin):
    list_display = ("label", "min_total", "campaign")
    list_filter = ("campaign",)


@admin.register(RankingPublication)
class RankingPublicationAdmin(ObjectPermissionsModelAdmin):
    """Publication is done from the ranking page (logged); shown here for reference."""

    list_display = ("campaign", "top_n", "published_at", "published_by")
    readonly_fields = ("campaign", "top_n", "published_at", "published_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ScoreEntryInline(admin.TabularInline):
    model = ScoreEntry
    extra = 0
    fields = ("criterion", "self_points", "final_points", "self_note", "final_comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ScoreSheet)
class ScoreSheetAdmin(ObjectPermissionsModelAdmin):
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
