"""The one search of the project: the public search page, the API's ``search`` parameter.

:func:`search_pages` answers the ids of the pages of ``within`` that match ``text``, best
first. ``within`` is the caller's queryset of the pages that may be found, already
narrowed by the shared visibility rule (``site_s6.core.querysets``) and to a site and a
language: this module knows nothing of who may see what, it only matches and ranks.

Matching and ranking read the search index (:mod:`site_s6.search.models`), never the
pages' own text:

- **PostgreSQL**: ``vector @@ websearch_to_tsquery(config, text)`` on the GIN index, for
  each language's configuration (``unaccent`` then the Romanian or English stemmer), and
  ``ts_rank_cd`` over the title (A), the introduction or lead (B) and the rest (C).
  ``websearch_to_tsquery`` accepts any input: quotes, ``-``, ``or`` and stray operators
  are read as words or ignored, never as a syntax error.
- **Any other database** (SQLite, for the demo): every folded word of the query must
  occur in the document's folded text (``site_s6.search.folding``); a word in the title
  counts more than one in the introduction, which counts more than one in the body.

Both are case-, diacritics- and cedilla-insensitive: ``sedinta``, ``şedinţă`` and
``ședință`` find the same pages.

A query matching more pages than :func:`max_results` ranks the newest of them (the
highest page ids): ranking reads every candidate's vector, so the bound keeps the cost of
a common word independent of the size of the archive, and a visitor looking for an older
page narrows the query. How the newest matches are found depends on how common the words
are (PostgreSQL's own estimate from the GIN index's statistics, :func:`_is_common`):

- a **rare** word: its documents through the GIN index, kept when their page is among
  ``within``;
- a **common** word (more expected matches than ``S6_SEARCH_COMMON_MATCHES``, 2,000):
  ``within``'s pages newest first, on the page table's indexes of live pages by language
  (core migration 0005), each page's document checked as the walk reaches it, until
  ``limit`` match. The walk reads the pages of the site in hand, not every document that
  holds the word, so its cost follows the share of matches among the site's pages, not
  the size of the archive.
"""

import json
from functools import reduce
from operator import add, and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import (
    Case,
    CharField,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Concat, StrIndex

from .folding import folded, search_terms
from .indexing import all_configs
from .models import SearchDocument

#: Twenty pages of results: a query matching more is too vague to browse, and its newest
#: matches are the ones ranked (see the module's docstring).
DEFAULT_MAX_RESULTS = 240
#: Longer input is cut: nobody types a query that long, and it bounds the work.
MAX_QUERY_LENGTH = 200


def max_results() -> int:
    return getattr(settings, "S6_SEARCH_MAX_RESULTS", DEFAULT_MAX_RESULTS)


def clean_query(text: str | None) -> str:
    """``text`` without NUL characters (PostgreSQL refuses them), cut to a bounded length."""
    return " ".join((text or "").replace("\x00", " ")[:MAX_QUERY_LENGTH].split())


def search_pages(text: str | None, within: QuerySet, *, limit: int | None = None) -> list[int]:
    """The ids of the pages of ``within`` matching ``text``, best first, at most ``limit``.

    ``within`` is any queryset of pages (``Page`` or a page type) that may be found; an
    empty or wordless ``text`` finds nothing.
    """
    text = clean_query(text)
    if not search_terms(text):
        return []
    limit = max_results() if limit is None else limit
    documents = SearchDocument.objects.all()
    if connections[documents.db].vendor == "postgresql":
        documents, matches, rank = _postgres_match(documents, text)
    else:
        documents, matches, rank = _folded_match(documents, text)
    if _is_common(documents, matches):
        # A scalar subquery, evaluated per page as the walk reaches it (an EXISTS would be
        # planned as a join reading every matching document).
        document = documents.filter(matches, page_id=OuterRef("pk")).values("page_id")[:1]
        newest_matches = (
            within.annotate(s6_match=Subquery(document))
            .filter(s6_match__isnull=False)
            .order_by("-pk")
            .values("pk")[:limit]
        )
    else:
        newest_matches = (
            documents.filter(matches, page__in=within.values("pk"))
            .order_by("-page_id")
            .values("page_id")[:limit]
        )
    ranked = documents.filter(page_id__in=newest_matches).annotate(rank=rank)
    return list(ranked.order_by("-rank", "-page_id").values_list("page_id", flat=True))


#: Expected matches over which a query counts as common: the walk through the site's
#: newest pages then costs less than reading every match the GIN index answers.
DEFAULT_COMMON_MATCHES = 2000
#: How many documents each query is expected to match, per process: a word's frequency
#: changes slowly, and the estimate costs a round trip to the database.
_expected: dict[tuple, int] = {}
_EXPECTED_KEPT = 1024


def common_matches() -> int:
    return getattr(settings, "S6_SEARCH_COMMON_MATCHES", DEFAULT_COMMON_MATCHES)


def _is_common(documents: QuerySet, matches: Q) -> bool:
    """Whether PostgreSQL expects more than :func:`common_matches` documents to match;
    never on other databases, whose fallback has no index."""
    connection = connections[documents.db]
    if connection.vendor != "postgresql":
        return False
    sql, params = documents.filter(matches).values("page_id").query.sql_with_params()
    key = (sql, tuple(params))
    if key not in _expected:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        if len(_expected) >= _EXPECTED_KEPT:
            _expected.clear()
        _expected[key] = int(plan[0]["Plan"]["Plan Rows"])
    return _expected[key] > common_matches()


def relevance_order(ids: list[int]) -> StrIndex:
    """An ``order_by`` expression that keeps the order of ``ids`` (from :func:`search_pages`).

    The position of ``,<id>,`` in one string of the ids (``STRPOS`` on PostgreSQL, ``INSTR``
    on SQLite): one parameter, where a ``CASE`` of one ``WHEN`` per id costs Django
    hundreds of expressions to copy and compile on every request.
    """
    return StrIndex(
        Value("," + ",".join(str(pk) for pk in ids) + ","),
        Concat(Value(","), Cast("pk", output_field=CharField()), Value(",")),
    )


def _postgres_match(documents: QuerySet, text: str) -> tuple[QuerySet, Q, Case]:
    """The condition that a document matches ``text`` in its own language, and its rank."""
    queries = {
        config: SearchQuery(text, config=config, search_type="websearch")
        for config in all_configs()
    }
    matches = reduce(or_, (Q(config=config, vector=query) for config, query in queries.items()))
    rank = Case(
        *(
            When(config=config, then=SearchRank(F("vector"), query, cover_density=True))
            for config, query in queries.items()
        ),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return documents, matches, rank


def _folded_match(documents: QuerySet, text: str) -> tuple[QuerySet, Q, Case]:
    """Every folded word of ``text`` in the document; a word scores by where it occurs."""
    terms = search_terms(text)
    documents = documents.annotate(
        s6_title=folded("title"),
        s6_summary=folded("summary"),
        s6_all=folded(Concat("title", Value(" "), "summary", Value(" "), "body")),
    )
    every_term = reduce(and_, (Q(s6_all__contains=term) for term in terms))
    score = reduce(
        add,
        (
            Case(
                When(s6_title__contains=term, then=Value(4)),
                When(s6_summary__contains=term, then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
            for term in terms
        ),
    )
    return documents, every_term, score
