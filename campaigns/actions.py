"""The campaigns app's activity-log actions, as sentences officials read."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "campaigns.campaign.loaded": _("The plan was loaded"),
        "campaigns.campaign.copied": _("The office copied the campaign to a new year"),
        "campaigns.campaign.status": _("The office changed the campaign's status"),
        "campaigns.campaign.dates_changed": _(
            "The office changed the campaign's dates"
        ),
        "campaigns.campaign.plan_set": _(
            "The office recorded the plan's number and date"
        ),
        "campaigns.citation.added": _("The office added a legal basis"),
        "campaigns.citation.removed": _("The office removed a legal basis"),
        "campaigns.citation.replaced": _("The office replaced a legal basis"),
        "campaigns.review.checked": _(
            "The office checked a copied text that names the previous year"
        ),
        "campaigns.review.fixed": _(
            "The office corrected a copied text that named the previous year"
        ),
        "campaigns.period.due_changed": _("The office changed the period's due date"),
        "campaigns.period.reminded": _("Reminders were sent to the units"),
        "campaigns.indicator.rules_changed": _(
            "The office changed the indicator's type or bounds"
        ),
        "campaigns.report.created": _("The report was created"),
        "campaigns.report.saved": _("The report was saved"),
        "campaigns.report.submitted": _("The unit head submitted the report"),
        "campaigns.report.recorded_from_paper": _(
            "The office recorded the report handed in on paper"
        ),
        "campaigns.report.returned": _("The office returned the report"),
        "campaigns.report.accepted": _("The office accepted the report"),
        "campaigns.report.reopened": _("The office reopened the report"),
        "campaigns.report.attachment_added": _("Evidence was attached"),
        "campaigns.report.attachment_removed": _("Evidence was removed"),
        "campaigns.report.opened_by_office": _(
            "The office opened the submitted report"
        ),
        "campaigns.report.withdrawn": _("The unit head withdrew the submission"),
        "campaigns.extension.granted": _("The office extended the unit's due date"),
        "campaigns.extension.changed": _("The office changed the unit's extension"),
        "campaigns.extension.revoked": _("The office withdrew the unit's extension"),
    }
)
