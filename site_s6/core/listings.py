"""Helpers the listing pages share: pagination, filter parameters and thumbnails."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from taggit.models import Tag
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


@dataclass
class ChoiceFilter:
    """One ``<select>`` of a section's filter form, and how it narrows the listing.

    ``narrow`` is a field lookup (``"kind"``, ``"tags__slug"``) or a function of the
    chosen value returning a ``Q``. An unknown value in the address is ignored.
    """

    name: str
    label: str
    all_label: str
    choices: list[tuple[str, str]]
    narrow: str | Callable[[str], Q]
    value: str | None = None

    @property
    def html_id(self) -> str:
        return f"filter-{self.name}"

    def read(self, request) -> "ChoiceFilter":
        self.value = choice_param(request, self.name, {value for value, _label in self.choices})
        return self

    def apply(self, items: QuerySet) -> QuerySet:
        if not self.value:
            return items
        if callable(self.narrow):
            return items.filter(self.narrow(self.value))
        return items.filter(**{self.narrow: self.value})


def tags_in_use(items: QuerySet) -> QuerySet:
    """The tags carried by ``items`` (pages of a type with ``tags``), by name."""
    tagged = items.model.tags.through.objects.filter(content_object__in=items.values("pk"))
    return Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name")
