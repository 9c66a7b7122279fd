"""The campaigns app's entries in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import register_menu_entry


def register():
    register_menu_entry("campaigns:list", label=_("Campaigns"), position=10)
    register_menu_entry(
        "campaigns:report_list",
        label=_("Reports"),
        position=40,
        perm="campaigns.view_report_list",
    )
