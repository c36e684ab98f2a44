"""The cache every process shares: its table, when it lives in the database."""

from django.core.management import call_command


def create_cache_tables(sender, using="default", verbosity=1, **kwargs) -> None:
    """Create the tables of the database caches after ``migrate`` (idempotent)."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
