from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RuntimeConfig(AppConfig):
    name = "site_s6.runtime"
    label = "runtime"
    verbose_name = _("Runtime")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import retry
        from .caches import create_cache_tables

        retry.connect_signals()
        # `migrate` is the one step every deployment runs: the database cache's table is
        # created there, so no process starts against a missing table.
        post_migrate.connect(
            create_cache_tables, sender=self, dispatch_uid="s6-runtime-create-cache-tables"
        )
