"""Helpers the listing pages share: pagination, filter parameters and thumbnails."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

from .renditions import RENDITION_SPECS

LISTING_PAGE_SIZE = 12


class CountedPaginator(Paginator):
    """A paginator told its count, for a list whose count is known (or cached) already."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def paginate(
    request, queryset: QuerySet, *, per_page: int = LISTING_PAGE_SIZE, count: int | None = None
) -> PaginatorPage:
    """The requested ``?page=`` of ``queryset``; ``count``, when given, saves counting it.

    A page number that is not a number gives the first page and one past the end gives
    the last page, so a hand-edited or stale link never ends in an error.
    """
    if count is None:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = CountedPaginator(queryset, per_page, count=count)
    page = paginator.get_page(request.GET.get("page"))
    # The page numbers to link, ``None`` standing for a gap: 1 2 3 4 … 9 10.
    page.elided_range = [
        number if isinstance(number, int) else None
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return page


def choice_param(request, name: str, allowed) -> str | None:
    """The ``?name=`` value when it is one of ``allowed``, otherwise ``None`` (ignored)."""
    value = request.GET.get(name, "").strip()
    return value if value in allowed else None


def with_thumbnails(queryset: QuerySet, field: str = "image") -> QuerySet:
    """Prefetch ``field``'s image and its listing rendition, in two queries for the whole page."""
    images = get_image_model().objects.prefetch_renditions(RENDITION_SPECS["thumbnail"])
    return queryset.prefetch_related(Prefetch(field, queryset=images))
