from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Nominations and awards")

    def ready(self):
        from . import actions, menus, receivers, sections  # noqa: F401

        menus.register()
        sections.register()
