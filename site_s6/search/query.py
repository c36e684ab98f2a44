"""Searching the pages of one site in one language.

Two searches run together and their results are merged:

1. Wagtail's search backend (``WAGTAILSEARCH_BACKENDS``: the database backend, which is
   PostgreSQL full-text search in production and SQLite FTS elsewhere) over everything
   the page types index (title, intro, body, tags, ...), ranked by relevance. It is asked
   for every spelling of the query (as typed, with ``ș``/``ț``, with ``ş``/``ţ``, plain),
   since the index holds words exactly as written.
2. A folded comparison (``site_s6.search.folding``) over each page type's plain-text
   search fields (title, intro, lead, venue, ...): every word of the query, folded, must
   occur in one of them, folded. It finds ``Primăria`` for ``primaria``, which no
   backend does without a folded copy of the text, and works the same on SQLite and
   PostgreSQL.

Ranked backend results come first, then the folded matches it missed, newest first.
"""

from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.search.query import PlainText

from site_s6.core.querysets import published

from .folding import folded, search_terms, spelling_variants

# Enough for any useful number of result pages; a query matching more is too vague anyway.
DEFAULT_MAX_RESULTS = 500


def max_results() -> int:
    return getattr(settings, "S6_SEARCH_MAX_RESULTS", DEFAULT_MAX_RESULTS)


def scoped_pages(root: Page) -> models.QuerySet:
    """The live, public pages of the branch under ``root`` (a site's home in one language).

    Aliases are still in: the search backend cannot filter on ``alias_of``, so
    :func:`search_page_ids` drops them from its results.
    """
    return (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .filter(locale_id=root.locale_id)
    )


def folded_text_fields(model) -> list[str]:
    """The plain-text search fields of ``model`` (rich text and streams left out)."""
    names = []
    for field in model.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        try:
            model_field = model._meta.get_field(field.field_name)
        except FieldDoesNotExist:  # a search field may name a method, not a column
            continue
        if isinstance(model_field, models.CharField | models.TextField) and not isinstance(
            model_field, RichTextField
        ):
            names.append(field.field_name)
    return list(dict.fromkeys(names))


def folded_match(terms: list[str], root: Page) -> Q:
    """Pages under ``root`` of which every folded term occurs in some folded plain-text
    search field.

    One subquery per page type, as the fields live in each type's own table. Each is
    narrowed to the live pages of ``root``'s branch and language first (the page table's
    listing index), so that only those rows are folded, not every site's.
    """
    branch = Q(path__startswith=root.path, locale_id=root.locale_id, live=True)
    matches = []
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        fields = folded_text_fields(model)
        if not fields:
            continue
        annotations = {f"s6_folded_{name}": folded(name) for name in fields}
        each_term = [
            reduce(or_, (Q(**{f"s6_folded_{name}__contains": term}) for name in fields))
            for term in terms
        ]
        matching = (
            model.objects.filter(branch).annotate(**annotations).filter(reduce(and_, each_term))
        )
        matches.append(Q(pk__in=matching.values("pk")))
    return reduce(or_, matches) if matches else Q(pk__in=[])


def search_page_ids(root: Page, query: str) -> list[int]:
    """The ids of the pages under ``root`` that match ``query``, best first."""
    terms = search_terms(query)
    if not terms:
        return []
    pages = scoped_pages(root)
    limit = max_results()

    variants = [PlainText(variant, operator="and") for variant in spelling_variants(query)]
    ranked = [page.pk for page in pages.search(reduce(or_, variants))[:limit]] if variants else []

    seen = set(ranked)
    folded_ids = (
        pages.filter(folded_match(terms, root))
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    ids = ranked + [pk for pk in folded_ids if pk not in seen]
    published_ids = set(published(Page.objects).filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in published_ids][:limit]


def pages_in_order(ids) -> list[Page]:
    """The specific pages of ``ids``, in that order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]
