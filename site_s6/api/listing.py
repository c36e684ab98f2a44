"""Typed lists: the visible pages of one type, counted on the page tree, read by type.

A list answers a count and one slice of items. Counting through the type's model would
join its table (news bodies, event descriptions: wide rows) to ``wagtailcore_page`` for
every visible page, a cost that grows with the archive. Every condition of visibility
(site, language, live, public, not an alias) lives on the page table itself, so the count
runs there alone, on the partial index of live pages by language, type and path (see
``site_s6.core`` migration 0002); the type's own filters (kind, dates, tags) join in as a
semi-join only when the client asks for them. Only the slice reads the type's table.

Every page of a list repeats the same count, so the count is also cached with the site's
content generations (:func:`site_s6.api.caching.cached_value`): paging through a list, or
asking for it with a different ``limit``, counts once per change of the site.

The slice is read as rows (:meth:`Listing.rows`): the columns the items show, never the
long-form ones (a news body, an event's description) nor a model instance per page,
whose building (multi-table inheritance, a StreamField parsed per row, a tag manager
per page) cost more than the database itself. The rows' tag names and translations come
in the same query (``site_s6.api.sql``); images, when the slice has some, in one more
(two with their renditions), whatever the ``limit``. The slice's SQL is compiled once
per process for each :func:`list_key` (``site_s6.api.compiled``).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet
from django.http import HttpResponse
from wagtail.models import Page

from .caching import cached_value, read_instant
from .compiled import values_rows
from .filters import ApiScope, ListParams
from .items import PageRow, images_by_id, translations_by_key, with_images
from .rendering import typed_json
from .sql import split, tag_names_column, translation_pairs, translations_column


@dataclass(frozen=True)
class Listing:
    """The pages of ``model`` that satisfy ``pages`` (page-table conditions, e.g.
    :meth:`ApiScope.visible_q`) and ``filters`` (conditions on the model's own fields).

    ``of_model`` may say the same as ``pages`` for the model's own rows, where it can be
    written better (a shared news read as the news table's flag, not a semi-join)."""

    model: type[Page]
    pages: Q
    filters: Q = Q()
    of_model: Q | None = None
    #: Whether the request's parameters determine the listing's SQL (see :func:`list_key`);
    #: not for the pages a search found, whose ids the SQL carries.
    keyed: bool = True
    #: The start the listing is read from (:meth:`since`), part of its SQL and its key.
    start_bound: object = None

    def filter(self, *args: Q, **conditions) -> "Listing":
        """This listing narrowed by conditions on the model's fields."""
        return replace(self, filters=self.filters & Q(*args, **conditions))

    def since(self, start) -> "Listing":
        """This listing narrowed to pages whose ``start`` is ``start`` or later, a bound
        the listing's other conditions already imply but the database cannot infer (the
        earliest start of an event still to come): the read then enters the index of
        starts there. Read from the content, so part of the listing's key."""
        if start is None:
            return self
        return replace(self, filters=self.filters & Q(start__gte=start), start_bound=start)

    def among(self, found: list[int]) -> "Listing":
        """The pages of ``found``, the ids a search within :meth:`page_rows` answered: each
        already meets the listing's conditions, so they are read by key alone, where the
        site's conditions beside a list of ids would have the database scan the pages."""
        return replace(
            self, pages=Q(pk__in=found), filters=Q(), of_model=None, keyed=False, start_bound=None
        )

    def page_rows(self) -> QuerySet:
        """The listing's pages read on the page table alone (the type's own filters as a
        semi-join), for what needs no field of the type: counting, or the scope of a
        search."""
        pages = Page.objects.exact_type(self.model).filter(self.pages)
        if self.filters:
            pages = pages.filter(pk__in=self.model.objects.filter(self.filters).values("pk"))
        return pages

    def count(self) -> int:
        return self.page_rows().count()

    def queryset(self) -> QuerySet:
        """The pages as instances of ``model``, with what every list item shows joined."""
        pages = self.model.objects.filter(self.model_pages(), self.filters)
        return with_images(pages.select_related("locale"), "image").prefetch_related("tags")

    def model_pages(self) -> Q:
        """:attr:`pages` as a condition on the model's queryset."""
        return self.pages if self.of_model is None else self.of_model

    def rows(
        self,
        scope: ApiScope,
        order_by: tuple,
        start: int,
        stop: int,
        columns: tuple[str, ...],
        key: tuple | None = None,
    ) -> list:
        """The slice ``[start:stop]`` in ``order_by`` as :class:`PageRow`: the shared
        columns, the type's ``columns``, tag names and the translations the public may
        see, in one query (compiled once per ``key``); then the rows' images with their
        renditions."""

        def values():
            return (
                self.model.objects.filter(self.model_pages(), self.filters)
                .order_by(*order_by)
                .annotate(
                    joined_tags=tag_names_column(self.model.tags.through),
                    joined_translations=translations_column(scope.visible_q()),
                )
                .values(*PageRow.COLUMNS, *columns, "joined_tags", "joined_translations")[
                    start:stop
                ]
            )

        rows = []
        # A list that follows the clock leaves its instant open (site_s6.api.compiled).
        for row in values_rows(key, values, slot=read_instant(scope.request)):
            tags, translations = row.pop("joined_tags"), row.pop("joined_translations")
            rows.append(
                PageRow(
                    label=self.model._meta.label,
                    tag_names=sorted(split(tags)),
                    translation_pairs=translation_pairs(translations),
                    **row,
                )
            )
        attach_images(rows)
        return rows


def attach_images(rows: list[PageRow]) -> None:
    """Set ``row.image`` (with the API's renditions prefetched) on each row."""
    images = images_by_id(row.image_id for row in rows)
    for row in rows:
        row.image = images.get(row.image_id)


def list_key(scope: ApiScope, listing: Listing, params: ListParams) -> tuple | None:
    """What determines the SQL of a list's slice: the endpoint (its type, columns and
    order), the generation of the index of sites (roots, languages, restrictions, shared
    news) and every parameter. None when the listing's SQL carries more (a search's
    results).

    Not the content, save a list's start bound (:meth:`Listing.since`): no other
    condition of a list is derived from the pages it lists, so a list's SQL (and its
    plan, ``site_s6.api.compiled``) outlives publishing. Nor the
    instant a list that follows the clock is read for: the compiled query leaves it open
    (see :meth:`Listing.rows`), whether the list asks for it or not."""
    if not listing.keyed:
        return None
    request = scope.request
    return (
        request.path,
        scope.site.pk,
        scope.index.generation,
        read_instant(request) is not None,
        params.model_dump_json(),
        listing.start_bound,
    )


def paginate(
    scope: ApiScope,
    listing: Listing,
    params: ListParams,
    order_by: tuple[str, ...],
    columns: tuple[str, ...] | None = None,
) -> tuple[int, list]:
    """The total count of ``listing`` and the slice ``params`` asks for, in ``order_by``:
    rows of the shared and the type's ``columns`` when given, model instances otherwise.

    Every page of a list repeats its count: the count is cached per request path and
    filters (without ``offset`` and ``limit``) until the content of the site changes.
    """
    request = scope.request
    filters = params.model_dump(mode="json", exclude={"offset", "limit"})
    count = cached_value(request, "count", [request.path, filters], listing.count)
    if params.offset >= count:
        return count, []
    start, stop = params.offset, params.offset + params.limit
    if columns is not None:
        key = list_key(scope, listing, params)
        return count, listing.rows(scope, order_by, start, stop, columns, key)
    pages = listing.queryset().order_by(*order_by)
    return count, list(pages[start:stop])


def list_response(
    scope: ApiScope,
    listing: Listing,
    params: ListParams,
    order_by: tuple[str, ...],
    item: Callable[[Page, ApiScope, dict], dict],
    columns: tuple[str, ...] | None = None,
) -> HttpResponse:
    """A list answer, ``{"count": N, "items": [...]}``, each page shaped by ``item``; the
    pages read as rows of ``columns`` (the type's fields ``item`` reads) when given."""
    count, pages = paginate(scope, listing, params, order_by, columns)
    if columns is None:
        translations = translations_by_key(scope, pages)
    else:
        translations = {page.translation_key: page.translation_pairs for page in pages}
    return typed_json(
        {"count": count, "items": [item(page, scope, translations) for page in pages]}
    )
