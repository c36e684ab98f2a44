from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "site_s6.api"
    label = "api"
    verbose_name = _("Headless API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Routers join Wagtail's v3 API before its URLs are first built.
        from . import purge
        from .v3 import register_routers

        register_routers()
        purge.connect_signals()
