"""The register's entry in the main menu."""

from django.utils.translation import gettext_lazy as _

from phongquang_portal.core.menus import PUBLISHED, register_menu_entry


def register():
    register_menu_entry(
        "exemplars:public", label=_("Exemplary models"), position=30, group=PUBLISHED
    )
