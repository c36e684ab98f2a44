from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """The press review: feeds polled for mentions, clippings triaged by the central team,
    the morning digest and coverage per release. Internal: never in the page tree, public
    templates, feeds, the sitemap, the search index or the API."""

    name = "site_s6.monitoring"
    label = "monitoring"
    verbose_name = _("Press review")
    default_auto_field = "django.db.models.BigAutoField"
