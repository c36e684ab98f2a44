from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Installed in every settings module so ``load_demo`` and ``seed_bulk`` always run.

    It has no models: only the seeders and their management commands.
    """

    name = "site_s6.demo"
    label = "demo"
    verbose_name = _("Demo and benchmark content")
    default_auto_field = "django.db.models.BigAutoField"
