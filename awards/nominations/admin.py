"""The chairman's approvals in the admin: the same services as the portal, so the
quota, the state rules and the permissions are enforced once."""

from functools import partial

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.selectors import current_campaign
from phongquang_portal.core.activity import as_log_text, history_for
from phongquang_portal.core.admin_forms import ServiceAction, report_each, run_each
from phongquang_portal.core.admin_mixins import PortalModelAdmin
from phongquang_portal.core.forms import ReasonForm
from phongquang_portal.core.ids import parse_id
from phongquang_portal.core.names import user_display_name
from phongquang_portal.core.numbers import format_vn_number
from phongquang_portal.core.permissions import has_perm

from ..council.board import in_board_order
from ..enums import AwardKindCode, NominationState
from . import selectors, services
from .models import Nomination

S = NominationState

CHAIRMAN_STATES = (S.VOTED, S.APPROVED, S.REJECTED, S.DECIDED)


class StateFilter(admin.SimpleListFilter):
    """Opens on the nominations waiting for the chairman (voted)."""

    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*S.choices, ("all", gettext_lazy("All"))]

    def value(self):
        return super().value() or S.VOTED.value

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset
        if value in S.values:
            return queryset.filter(state=value)
        return queryset


class AwardKindFilter(admin.SimpleListFilter):
    """By award (the kind's code, one line per kind whatever the campaign).

    Filtering on ``award_kind__code`` directly titled the list "Bởi mã"
    ("by code"): the chairman filters by the award, not by its code.
    """

    title = gettext_lazy("award")
    parameter_name = "award_kind__code"

    def lookups(self, request, model_admin):
        return AwardKindCode.choices

    def queryset(self, request, queryset):
        if self.value() in AwardKindCode.values:
            return queryset.filter(award_kind__code=self.value())
        return queryset


class ScoredChangeList(ChangeList):
    """Attach scores (one call to scoring per campaign) and warnings to the page.

    Both are read for the page's rows only, in a fixed number of queries.
    """

    def get_results(self, request):
        super().get_results(request)
        rows = list(self.result_list)
        selectors.attach_scores(rows)
        selectors.attach_warnings(rows)
        self.result_list = rows


def _board_order(queryset):
    return in_board_order(queryset.select_related("campaign"))


@admin.register(Nomination)
class NominationAdmin(PortalModelAdmin):
    shown_to_chairman = True
    # Five columns, so that the state and the warnings fit a 1366 px screen:
    # the award and category under the nominee, the rank beside the score.
    list_display = (
        "nominee_col",
        "votes_col",
        "score_col",
        "state",
        "warnings_col",
    )
    list_display_links = ("nominee_col",)
    list_filter = (StateFilter, AwardKindFilter, "campaign")
    list_select_related = selectors.NOMINATION_RELATED
    search_fields = (
        "nominee_unit__name",
        "nominee_person__full_name",
        "nominee_household__head_name",
    )
    ordering = ("-votes_for", "pk")
    actions = ["approve_selected"]
    # "Do not approve", on one nomination or a selection, asks the reason.
    service_actions = [
        ServiceAction(
            name="reject",
            title=gettext_lazy("Not approve: give the reason"),
            label=gettext_lazy("Do not approve"),
            intro=gettext_lazy("These nominations will not be approved:"),
            submit=gettext_lazy("Do not approve"),
            form=partial(
                ReasonForm,
                label=gettext_lazy("Reason for not approving"),
                required_message=gettext_lazy("Give the reason for not approving."),
            ),
            service=services.nomination_reject,
            target="nomination",
            permission="awards.decide_nominations",
            button_permission="awards.reject_nomination",
            button=False,
            selection="awards.decide_nominations",
            order=_board_order,
            success=gettext_lazy("The nomination is not approved."),
            success_many=gettext_lazy(
                "%(count)s nomination(s) not approved: %(names)s."
            ),
        ),
    ]
    list_per_page = 50
    change_list_template = "admin/awards/nomination/change_list.html"
    change_form_template = "admin/awards/nomination/change_form.html"
    readonly_fields = (
        "campaign",
        "award_kind",
        "state",
        "nominee_col",
        "category_col",
        "proposing_unit",
        "votes_col",
        "score_col",
        "profile",
        "achievements",
        "documents",
        "drafts",
        "reason",
        "decision",
        "golden_book_number",
        "prize_amount",
        "history",
    )
    fields = readonly_fields

    # --- Scope -----------------------------------------------------------------

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related(*selectors.NOMINATION_RELATED)
        if not has_perm(request.user, "awards.view_dossiers_in_progress"):
            qs = qs.filter(state__in=CHAIRMAN_STATES)
        return qs

    def get_changelist(self, request, **kwargs):
        return ScoredChangeList

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Fields are changed in the portal through the services, never here.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request):
        return has_perm(request.user, "awards.decide_nominations")

    # --- Columns ---------------------------------------------------------------

    def action_checkbox(self, obj):
        """Write the row's checkbox directly.

        Django renders a widget template per row, the largest single cost of
        a 50-row page; the markup is the same.
        """
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" '
            'aria-label="{}">',
            admin.helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), obj.nominee_name),
        )

    @admin.display(description=gettext_lazy("Nominee"))
    def nominee_col(self, obj):
        return format_html(
            '{}<div class="small quiet">{} · {}</div>',
            obj.nominee_name,
            obj.award_kind.name,
            obj.listed_category_label,
        )

    @admin.display(description=gettext_lazy("Category"))
    def category_col(self, obj):
        return obj.listed_category_label

    @admin.display(description=gettext_lazy("Votes"), ordering="votes_for")
    def votes_col(self, obj):
        if obj.votes_for is None:
            return "—"
        passed = _("passed") if obj.council_passed else _("not passed")
        return f"{obj.votes_for}/{obj.members_present} ({passed})"

    @admin.display(description=gettext_lazy("Score (rank)"))
    def score_col(self, obj):
        if not hasattr(obj, "score"):
            selectors.attach_scores([obj])
        if obj.score is None:
            return "—"
        score = format_vn_number(obj.score, 2)
        rank = getattr(obj, "rank", None)
        return score if rank is None else f"{score} (#{rank})"

    @admin.display(description=gettext_lazy("Warnings"))
    def warnings_col(self, obj):
        return "; ".join(getattr(obj, "warnings", [])) or ""

    @admin.display(description=gettext_lazy("Documents"))
    def documents(self, obj):
        items = [
            (
                reverse("awards:attachment_download", args=[a.pk]),
                a.get_kind_display(),
                a.original_name,
            )
            for a in obj.attachments.all()
        ]
        if not items:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}: {}</a></li>', items),
        )

    @admin.display(description=gettext_lazy("Drafts and dossier page"))
    def drafts(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("awards:detail", args=[obj.pk]),
            _("Dossier page"),
            reverse("awards:to_trinh_pdf", args=[obj.pk]),
            _("Proposal letter (PDF)"),
            reverse("awards:report_pdf", args=[obj.pk]),
            _("Achievement report (PDF)"),
        )

    @admin.display(description=gettext_lazy("History"))
    def history(self, obj):
        """The log as on the portal's pages: Vietnam time, sentences, state labels."""
        rows = [
            (
                as_log_text(e.created_at),
                user_display_name(e.actor) if e.actor else _("system"),
                e.action_label,
                f" ({e.from_label or '—'} → {e.to_label})"
                if e.from_state or e.to_state
                else "",
                f" — {e.reason}" if e.reason else "",
            )
            for e in history_for(obj).select_related("content_type")[:50]
        ]
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{} · {} · {}{}{}</li>", rows),
        )

    # --- Quota panel -------------------------------------------------------------

    def _quota_campaign(self, request, obj=None):
        if obj is not None:
            return obj.campaign
        pk = parse_id(request.GET.get("campaign__id__exact"))
        if pk is not None:
            from campaigns.models import Campaign

            return Campaign.objects.filter(pk=pk).first()
        return current_campaign()

    def changelist_view(self, request, extra_context=None):
        campaign = self._quota_campaign(request)
        kinds = list(campaign.award_kinds.all()) if campaign else []
        extra_context = {
            **(extra_context or {}),
            "quota": selectors.quota_panel(campaign, kinds),
            "quota_campaign": campaign,
            "deadline_notice": selectors.deadline_notice(campaign, kinds),
        }
        return super().changelist_view(request, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "quota": selectors.quota_panel(obj.campaign if obj else current_campaign()),
            "quota_campaign": obj.campaign if obj else None,
            "can_approve": has_perm(request.user, "awards.approve_nomination", obj),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    # --- Actions (same services as the portal) ------------------------------------

    def _approve(self, request, nominations):
        """Approve each in turn; report each refusal and why, then the approved."""
        done, refused = run_each(
            nominations,
            lambda n: services.nomination_approve(nomination=n, actor=request.user),
        )
        report_each(
            self,
            request,
            done,
            refused,
            _("%(count)s nomination(s) approved, in the council's order: %(names)s."),
            refused_message=_("Refused: %(name)s — %(why)s"),
            name=lambda n: n.nominee_name,
        )
        return done

    @admin.action(description=gettext_lazy("Approve"), permissions=["approve"])
    def approve_selected(self, request, queryset):
        """Approve in the council board's order: its first choices take the quota."""
        self._approve(
            request,
            in_board_order(queryset.select_related("campaign")),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/approve/",
                self.admin_site.admin_view(self.approve_one),
                name="awards_nomination_approve",
            ),
            *super().get_urls(),
        ]

    def approve_one(self, request, pk):
        """The change form's "Approve" button: no reason, so no form (POST only)."""
        nomination = self.service_object(request, pk)  # 404 if unseen
        if not self.has_approve_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        self._approve(request, [nomination])
        return HttpResponseRedirect(
            reverse("admin:awards_nomination_change", args=[nomination.pk])
        )
