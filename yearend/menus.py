"""The year-end app's entry in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import register_menu_entry


def register():
    register_menu_entry(
        "yearend:index",
        label=_("Year-end"),
        position=80,
        perm="yearend.view_summaries",
    )
