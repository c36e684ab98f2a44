from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtocolConfig(AppConfig):
    name = "site_s6.protocol"
    label = "protocol"
    verbose_name = _("Protocol")
    default_auto_field = "django.db.models.BigAutoField"
