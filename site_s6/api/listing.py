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
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet
from wagtail.models import Page

from .caching import cached_value
from .filters import ApiScope, ListParams
from .items import translations_by_key, with_images


@dataclass(frozen=True)
class Listing:
    """The pages of ``model`` that satisfy ``pages`` (page-table conditions, e.g.
    :meth:`ApiScope.visible_q`) and ``filters`` (conditions on the model's own fields)."""

    model: type[Page]
    pages: Q
    filters: Q = Q()

    def filter(self, *args: Q, **conditions) -> "Listing":
        """This listing narrowed by conditions on the model's fields."""
        return replace(self, filters=self.filters & Q(*args, **conditions))

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
        pages = self.model.objects.filter(self.pages, self.filters).select_related("locale")
        return with_images(pages, "image").prefetch_related("tags")


def paginate(
    scope: ApiScope, listing: Listing, params: ListParams, order_by: tuple[str, ...]
) -> tuple[int, list]:
    """The total count of ``listing`` and the slice ``params`` asks for, in ``order_by``.

    Every page of a list repeats its count: the count is cached per request path and
    filters (without ``offset`` and ``limit``) until the content of the site changes.
    """
    request = scope.request
    filters = params.model_dump(mode="json", exclude={"offset", "limit"})
    count = cached_value(request, "count", [request.path, filters], listing.count)
    if params.offset >= count:
        return count, []
    pages = listing.queryset().order_by(*order_by)
    return count, list(pages[params.offset : params.offset + params.limit])


def list_response(
    scope: ApiScope,
    listing: Listing,
    params: ListParams,
    order_by: tuple[str, ...],
    item: Callable[[Page, ApiScope, dict], dict],
) -> dict:
    """A list body, ``{"count": N, "items": [...]}``, each page shaped by ``item``."""
    count, pages = paginate(scope, listing, params, order_by)
    translations = translations_by_key(scope, pages)
    return {"count": count, "items": [item(page, scope, translations) for page in pages]}
