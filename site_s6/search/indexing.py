"""Writing the search index: each page's text by weight, and on PostgreSQL its vector.

The text of a page comes from its type's ``search_fields`` (the same declaration Wagtail's
admin search reads), through the public field API of ``wagtail.search.index``:

- **A**: the title;
- **B**: the introduction, lead or summary (:data:`SUMMARY_FIELDS`);
- **C**: every other search field: body, key messages, venue, delegation, tags...

Writing is idempotent: :func:`index_pages` rewrites the documents of the pages it is
given from their current rows, and removes the document of a page that no longer exists,
so a task that runs twice, late or out of order leaves the index right. On PostgreSQL
the vector is built in SQL by the same statement that writes the text (one row version
per document), with the configuration of each page's language (:func:`config_for`).
"""

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Manager
from django.utils.encoding import force_str
from wagtail.models import Page, get_page_models
from wagtail.search import index

from .models import SearchDocument

#: The text search configuration of each language (migration 0002 creates them).
DEFAULT_CONFIGS = {"ro": "s6_ro", "en": "s6_en"}
#: For a language without its own configuration: no stemming, no stop words.
FALLBACK_CONFIG = "simple"
#: Search fields weighted B, after the title.
SUMMARY_FIELDS = frozenset({"intro", "lead", "summary", "search_description"})
#: Pages per batch when indexing many: bounded memory and statement size.
BATCH = 500

UPSERT_SQL = """
INSERT INTO search_searchdocument (page_id, config, title, summary, body, vector, updated_at)
SELECT row.page_id, row.config, row.title, row.summary, row.body,
    setweight(to_tsvector(row.config::regconfig, row.title), 'A')
    || setweight(to_tsvector(row.config::regconfig, row.summary), 'B')
    || setweight(to_tsvector(row.config::regconfig, row.body), 'C'),
    now()
FROM (VALUES {rows}) AS row (page_id, config, title, summary, body)
ON CONFLICT (page_id) DO UPDATE SET
    config = EXCLUDED.config, title = EXCLUDED.title, summary = EXCLUDED.summary,
    body = EXCLUDED.body, vector = EXCLUDED.vector, updated_at = EXCLUDED.updated_at
"""


def configs() -> dict[str, str]:
    """Language code → text search configuration (``S6_SEARCH_CONFIGS`` overrides)."""
    return getattr(settings, "S6_SEARCH_CONFIGS", DEFAULT_CONFIGS)


def config_for(language_code: str) -> str:
    return configs().get(language_code.split("-")[0].lower(), FALLBACK_CONFIG)


def all_configs() -> list[str]:
    """Every configuration a document may have been built with."""
    return sorted({*configs().values(), FALLBACK_CONFIG})


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return force_str(value)


def _field_texts(obj, fields, weight: str | None = None) -> Iterator[tuple[str, str]]:
    """``(weight, text)`` for each search field of ``obj``, following related fields."""
    for field in fields:
        if isinstance(field, index.SearchField):
            name = field.field_name
            if weight:
                field_weight = weight
            elif name == "title":
                field_weight = "A"
            else:
                field_weight = "B" if name in SUMMARY_FIELDS else "C"
            yield field_weight, _text(field.get_value(obj))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = list(related.all())
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                # Related text (tag names, ...) is body text whatever its own field is called.
                yield from _field_texts(item, field.fields, weight="C")


def document_texts(page: Page) -> dict[str, str]:
    """The ``title``, ``summary`` and ``body`` of ``page`` (a specific page)."""
    texts = {"A": [], "B": [], "C": []}
    for weight, text in _field_texts(page, page.get_search_fields()):
        text = " ".join(text.split())
        if text and text not in texts[weight]:
            texts[weight].append(text)
    return {
        "title": " ".join(texts["A"]),
        "summary": " ".join(texts["B"]),
        "body": " ".join(texts["C"]),
    }


def _specific_pages(ids: Iterable[int]) -> Iterator[Page]:
    """The pages of ``ids`` as their specific types, their related search fields prefetched."""
    ids = list(ids)
    types = Page.objects.filter(pk__in=ids).values_list("pk", "content_type_id")
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in types:
        by_type.setdefault(content_type_id, []).append(pk)
    for model in get_page_models():
        pks = by_type.get(ContentType.objects.get_for_model(model).pk, [])
        if not pks:
            continue
        pages = model.objects.filter(pk__in=pks).select_related("locale")
        for field in model.get_search_fields():
            if isinstance(field, index.RelatedFields):
                pages = field.select_on_queryset(pages)
        yield from pages


def index_pages(ids: Iterable[int]) -> int:
    """Write the documents of the pages ``ids`` from their current rows; drop stale ones.

    Returns the number of documents written.
    """
    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        documents = [
            SearchDocument(
                page_id=page.pk,
                config=config_for(page.locale.language_code),
                **document_texts(page),
            )
            for page in _specific_pages(batch)
            if page.depth > 1
        ]
        with transaction.atomic():
            kept = {document.page_id for document in documents}
            SearchDocument.objects.filter(page_id__in=set(batch) - kept).delete()
            if connection.vendor == "postgresql":
                _upsert_with_vectors(documents)
            else:
                SearchDocument.objects.bulk_create(
                    documents,
                    update_conflicts=True,
                    unique_fields=["page"],
                    update_fields=["config", "title", "summary", "body", "updated_at"],
                )
        written += len(documents)
    return written


def _upsert_with_vectors(documents: list[SearchDocument]) -> None:
    """Insert or update ``documents`` with their vectors in one statement: one row version
    per document, where an insert then an ``UPDATE`` of the vector would leave two."""
    if not documents:
        return
    rows = ", ".join(["(%s, %s, %s, %s, %s)"] * len(documents))
    params = [
        value
        for document in documents
        for value in (
            document.page_id,
            document.config,
            document.title,
            document.summary,
            document.body,
        )
    ]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT_SQL.format(rows=rows), params)


def rebuild(*, batch: int = BATCH) -> int:
    """Index every page (the tree's root aside); returns the number of documents."""
    SearchDocument.objects.exclude(page__in=Page.objects.all()).delete()
    total = 0
    ids = list(Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        total += index_pages(ids[start : start + batch])
    return total
