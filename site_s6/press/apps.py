from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "site_s6.press"
    label = "press"
    verbose_name = _("Press office")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers
        from .services.outreach_data import register_outreach_data

        signal_handlers.connect()
        register_outreach_data()
