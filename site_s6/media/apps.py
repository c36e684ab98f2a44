from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "site_s6.media"
    label = "media"
    verbose_name = _("Media publication")
    default_auto_field = "django.db.models.BigAutoField"
