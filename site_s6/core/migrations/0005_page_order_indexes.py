"""Indexes on Wagtail's page table for reads whose cost must not grow with the archive.

- ``s6_page_children_idx`` (depth, path): the children of a page, as treebeard asks for
  them (a path range at one depth), such as the menu every public page shows. Wagtail's
  index on the path alone reads every descendant to keep the children.
- ``s6_page_newest_idx`` and ``s6_page_newest_by_type_idx`` (PostgreSQL): the live,
  non-alias pages of each language (and type, for the API's typed lists) in the order of
  their ids, the tree path alongside so that a site's conditions are read from the index
  alone. A search for a common word walks them newest first (``site_s6.search.service``).
"""

from django.db import migrations

CHILDREN = ("s6_page_children_idx", "(depth, path)")
NEWEST = {
    "s6_page_newest_idx": "(locale_id, id) INCLUDE (content_type_id, path)",
    "s6_page_newest_by_type_idx": "(locale_id, content_type_id, id) INCLUDE (path)",
}
LIVE_PAGES = "live AND alias_of_id IS NULL"


def create_indexes(apps, schema_editor):
    name, columns = CHILDREN
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}")
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in NEWEST.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns} WHERE {LIVE_PAGES}"
        )


def drop_indexes(apps, schema_editor):
    for name in (CHILDREN[0], *NEWEST):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_contactperson_site"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
