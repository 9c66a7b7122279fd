from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "phongquang_portal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deployment checks)
        from .menus import PUBLISHED, register_menu_group

        # What the portal publishes (công khai): the apps fill this dropdown.
        register_menu_group(
            PUBLISHED, label=_("Published"), position=90, element_id="public-menu"
        )
