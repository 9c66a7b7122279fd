from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class YearendConfig(AppConfig):
    name = "yearend"
    verbose_name = _("Year-end summary and statistics")

    def ready(self):
        from . import actions, menus  # noqa: F401

        menus.register()
