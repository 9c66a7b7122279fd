"""The units app's activity-log actions, as sentences."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.actions import register_actions

register_actions(
    {
        "units.membership.granted": _("Role granted"),
        "units.membership.revoked": _("Role revoked"),
        "units.account.password_set": _("Password set by an administrator"),
    }
)
