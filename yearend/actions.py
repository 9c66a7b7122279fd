"""The year-end app's activity-log actions, as sentences officials read."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "yearend.summary.created": _("The office started the summary report"),
        "yearend.summary.saved": _("The office saved its sections of the summary"),
        "yearend.summary.issued": _("The office issued the summary report"),
    }
)
