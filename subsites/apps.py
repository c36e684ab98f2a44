from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsitesConfig(AppConfig):
    name = "subsites"
    label = "subsites"
    verbose_name = _("Sites and institutions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .access import limit_page_site_filter, limit_page_types_report

        limit_page_site_filter()
        limit_page_types_report()
