"""The project's own entry in the main menu: the administration."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import register_menu_entry


def register():
    register_menu_entry(
        "admin:index", label=_("Administration"), position=100, perm="portal.use_admin"
    )
