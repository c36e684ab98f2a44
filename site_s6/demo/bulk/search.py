"""Search index entries for bulk-written pages.

On PostgreSQL, Wagtail's database search backend (``modelsearch``) builds, per object,
five separate passes over its search fields and a tree of ``SearchVector`` expressions
compiled one by one: about 4 ms a page, so 100,000 pages would spend seven minutes in
``add_bulk`` alone. :func:`index_pages` writes the very same rows from one pass over the
fields: the texts and weights come from the backend's own ``ObjectIndexer.prepare_field``;
only the SQL is assembled here, as ``setweight(to_tsvector(config, text), weight)``
joined with ``||`` exactly like ``PostgresIndex.add_items`` (tested against it in
``tests/demo/test_seed_bulk.py``). Any other backend (SQLite, Elasticsearch...) gets
``add_bulk`` as is.
"""

from django.db import connections
from django.db.models import Avg, F
from django.db.models.functions import Length

# Rows per INSERT statement: bounded statement size, few round trips.
CHUNK = 500


def _postgres_index(backend, model, using: str):
    if connections[using].vendor != "postgresql":
        return None
    from modelsearch.backends.database.postgres.postgres import PostgresIndex

    index = backend.get_index_for_model(model)
    return index if isinstance(index, PostgresIndex) else None


def index_pages(backend, model, pages: list, *, using: str = "default") -> None:
    """Add ``pages`` (of ``model``) to ``backend``'s index, as ``add_bulk`` would."""
    index = _postgres_index(backend, model, using)
    if index is None or not model.get_search_fields():
        backend.add_bulk(model, pages)
        return
    for start in range(0, len(pages), CHUNK):
        _insert_entries(index, backend, model, pages[start : start + CHUNK], using)
    refresh_title_norms(using)


def refresh_title_norms(using: str) -> None:
    """Normalise the title weights of the entries just written, as ``add_items`` does.

    New entries carry ``title_norm`` 1.0; it becomes the average title length over this
    entry's. The backend's own method for it is private (``_refresh_title_norms`` in
    Wagtail 8.0's search backend, modelsearch 1.3), so its two queries are repeated here.
    """
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    entries = (
        IndexEntry._default_manager.using(using)
        .annotate(title_length=Length("title"))
        .filter(title_length__gt=0)
    )
    average = entries.aggregate(Avg("title_length"))["title_length__avg"]
    entries.filter(title_norm=1.0).update(title_norm=average / F("title_length"))


def _vector_sql(texts: list[tuple[str, str]], config: str | None) -> tuple[str, list]:
    """``ADD([SearchVector(text, weight=w, config=c), ...])`` as SQL, or an empty vector."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "''::tsvector", []
    parts, params = [], []
    for text, weight in texts:
        if config:
            parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)")
            params.extend([config, text, weight])
        else:
            parts.append("setweight(to_tsvector(COALESCE(%s, '')), %s)")
            params.extend([text, weight])
    return "(" + " || ".join(parts) + ")", params


def _entry(backend, obj) -> tuple[list, list, list]:
    """Title, body and autocomplete texts with their weights, from one pass over the fields."""
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField

    indexer = ObjectIndexer(obj, backend)
    title, body, autocomplete = [], [], []
    for search_field in indexer.search_fields:
        for field, weight, value in indexer.prepare_field(obj, search_field):
            if isinstance(field, SearchField):
                (title if field.field_name == "title" else body).append((value, weight))
            elif isinstance(field, AutocompleteField):
                autocomplete.append((value, weight))
    return title, body, autocomplete


def _plain(texts: list[tuple[str, str]]) -> str:
    return " ".join(text.strip() for text, _weight in texts if text.strip())


def _insert_entries(index, backend, model, objs, using: str) -> None:
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.utils import get_content_type_pk

    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objs:
        title, body, autocomplete = _entry(backend, obj)
        title_sql, title_params = _vector_sql(title, backend.config)
        autocomplete_sql, autocomplete_params = _vector_sql(
            autocomplete, backend.autocomplete_config
        )
        body_sql, body_params = _vector_sql(body, backend.config)
        rows.append(f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)")
        params.extend([content_type_pk, str(obj.pk)])
        params.extend(title_params + autocomplete_params + body_params)
        params.extend([_plain(title), _plain(body)])
    table = IndexEntry._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608 - table name from the model; values are parameters
            "title_norm, title_text, body_text) "
            f"VALUES {', '.join(rows)} "
            "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
            "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
            "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
            "body_text = EXCLUDED.body_text",
            params,
        )
