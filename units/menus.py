"""The units app's entries in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import register_menu_entry


def register():
    register_menu_entry(
        "units:mine", label=_("My units"), position=20, perm="units.view_own_units"
    )
    register_menu_entry(
        "units:list", label=_("Units"), position=30, perm="units.list_units"
    )
