"""The awards app's entries in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import PUBLISHED, register_menu_entry


def register():
    register_menu_entry(
        "awards:list",
        label=_("Nominations"),
        position=60,
        perm="awards.view_nomination_list",
    )
    register_menu_entry(
        "awards:council",
        label=_("Council"),
        position=70,
        perm="awards.view_council_board",
    )
    register_menu_entry(
        "awards:honor", label=_("Honor board"), position=20, group=PUBLISHED
    )
