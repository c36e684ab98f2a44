from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "site_s6.core"
    label = "core"
    verbose_name = _("Core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .admin_wording import label_locale_synchronisation, name_site_list_columns
        from .invalidation import connect_receivers

        connect_receivers()
        name_site_list_columns()
        label_locale_synchronisation()
