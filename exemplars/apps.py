from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarsConfig(AppConfig):
    name = "exemplars"
    verbose_name = _("Exemplary models")

    def ready(self):
        from . import actions, menus, sections  # noqa: F401

        menus.register()
        sections.register()
