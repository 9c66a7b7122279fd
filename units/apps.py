from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Units and people")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import actions, menus  # noqa: F401
        from .services import sync_role_groups

        menus.register()
        post_migrate.connect(sync_role_groups, sender=self)
