from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsitesConfig(AppConfig):
    name = "subsites"
    label = "subsites"
    verbose_name = _("Sites and institutions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from site_s6.core.invalidation import watch_for_site_changes

        from .access import limit_page_site_filter, limit_page_types_report
        from .models import Institution

        # Whether an institution's site serves, and which one receives shared news.
        watch_for_site_changes(Institution)

        limit_page_site_filter()
        limit_page_types_report()
