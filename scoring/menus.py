"""The scoring app's entries in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import PUBLISHED, register_menu_entry


def register():
    register_menu_entry(
        "scoring:index", label=_("Scoring"), position=50, perm="scoring.list_sheets"
    )
    register_menu_entry(
        "scoring:honor_board_latest",
        label=_("Published ranking"),
        position=10,
        group=PUBLISHED,
    )
