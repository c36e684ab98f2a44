"""An index for counting the pages a list shows, on Wagtail's page table.

Every list of the API counts live, non-alias pages of one type in one language under some
sites' roots (``site_s6.api.listing``). This partial index holds exactly those pages, keyed
by language, type and tree path, so that the count is a range scan of the index alone at
any size of the archive. Wagtail's own migrations do not know it; it is created and dropped
here, with the dialect of each database.
"""

from django.db import migrations

NAME = "s6_page_listing_idx"
COLUMNS = "locale_id, content_type_id, path"
CONDITION = "live AND alias_of_id IS NULL"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # The id rides along so that a semi-join (shared news) reads the index alone.
        sql = f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page ({COLUMNS}) INCLUDE (id)"
    else:
        # SQLite and others: no INCLUDE; SQLite's rowid is the id anyway.
        sql = f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page ({COLUMNS})"
    schema_editor.execute(f"{sql} WHERE {CONDITION}")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
