"""PostgreSQL's side of the search index: ``unaccent``, the two configurations, the GIN index.

``s6_ro`` and ``s6_en`` copy PostgreSQL's ``romanian`` and ``english`` configurations
and put the ``unaccent`` dictionary before the stemmer, so that ``ședință``, ``şedinţă``
(cedilla) and ``sedinta`` become one lexeme in documents and queries alike. Other
databases (SQLite for the demo) search the stored text instead: nothing to do there.

``CREATE EXTENSION`` needs a superuser or a trusted extension; where the application's
role may not, an administrator runs the statement once (docs/operations.md).
"""

from django.db import migrations

CONFIGURATIONS = {"s6_ro": ("romanian", "romanian_stem"), "s6_en": ("english", "english_stem")}

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *(
        statement
        for name, (source, stemmer) in CONFIGURATIONS.items()
        for statement in (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}",
        )
    ),
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin "
    "ON search_searchdocument USING gin (vector)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector_gin",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGURATIONS),
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_document")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
