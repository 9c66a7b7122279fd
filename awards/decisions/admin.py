"""Decisions in the admin: issued on the portal's decisions page, read here."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phongquang_portal.core.admin_mixins import PortalModelAdmin

from .models import Decision


@admin.register(Decision)
class DecisionAdmin(PortalModelAdmin):
    """Decisions are issued on the portal's decisions page; here they are read."""

    list_display = (
        "__str__",
        "award_kind",
        "campaign",
        "signer_name",
        "replaced_col",
        "links",
    )
    list_filter = ("campaign",)
    list_select_related = ("award_kind", "campaign", "replaced_by")
    readonly_fields = (
        "campaign",
        "award_kind",
        "number",
        "year",
        "signed_on",
        "signer_name",
        "signer_authority",
        "signer_title",
        "issued_by",
        "replaces",
        "replaced_col",
        "replacement_reason",
        "stored_documents",
        "links",
    )
    fields = readonly_fields

    @admin.display(description=gettext_lazy("Replaced by"))
    def replaced_col(self, obj):
        replacement = obj.replacement
        return replacement.full_number if replacement else "—"

    @admin.display(description=gettext_lazy("Documents kept as issued (SHA-256)"))
    def stored_documents(self, obj):
        rows = [(d.get_kind_display(), d.sha256) for d in obj.documents.all()]
        if not rows:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}: <code>{}</code></li>", rows)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("Documents"))
    def links(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a> · '
            '<a href="{}">{}</a>',
            reverse("awards:decision_detail", args=[obj.pk]),
            _("Decision page"),
            reverse("awards:decision_pdf", args=[obj.pk]),
            _("Decision (PDF)"),
            reverse("awards:certificates_pdf", args=[obj.pk]),
            _("Certificates (PDF)"),
            reverse("awards:decision_xlsx", args=[obj.pk]),
            _("List of awardees (Excel)"),
        )
