from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "phongquang_portal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from .pagecache import install_write_watch

        install_write_watch()
