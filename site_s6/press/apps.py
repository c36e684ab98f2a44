from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "site_s6.press"
    label = "press"
    verbose_name = _("Press office")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data_sources, signal_handlers
        from .services.outreach_data import register_outreach_data

        signal_handlers.connect()
        personal_data_sources.register()
        register_outreach_data()
