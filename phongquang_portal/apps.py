from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project itself: home pages, the permissions of its own pages, seed_demo."""

    name = "phongquang_portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import menus

        menus.register()
