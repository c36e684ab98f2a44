"""Who may see a page: the public-visibility rule, written once.

A page is visible to the public when it is live, lies outside every privacy-restricted
branch, and stands under the home page (in some language) of a site that serves; aliases
are left out of listings (an alias repeats its original's text in another language's
tree, docs/languages.md) but kept for navigation, where an untranslated section still
serves in that language.

Every surface asks this module: the HTML listings, feeds, the sitemap, search, the API
and the dashboard. The rule is :func:`visible_q`, a condition on the page table (the
API counts on it); :meth:`ContentPageQuerySet.visible` applies it to any queryset, and
:func:`is_visible` is its form for one page already loaded, kept next to it and checked
against it by the tests.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.db.models.functions import Substr
from django.db.models.lookups import In
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from .sites import LocaleRoot, SiteIndex, site_index


def under_q(paths) -> Q:
    """Pages at or under any of the tree ``paths``.

    One path is a ``LIKE 'path%'``, a range of the path index. Several are compared by
    their prefix, one ``IN`` per prefix length, rather than an ``OR`` of ``LIKE`` per
    path: a dozen sites in two languages would otherwise make every list's query a long
    chain that PostgreSQL plans and evaluates row by row.
    """
    paths = sorted(set(paths))
    if len(paths) == 1:
        return Q(path__startswith=paths[0])
    by_length: dict[int, list[str]] = {}
    for path in paths:
        by_length.setdefault(len(path), []).append(path)
    conditions = (
        Q(In(Substr("path", 1, length), same_length))
        for length, same_length in sorted(by_length.items())
    )
    return reduce(or_, conditions, Q(pk__in=[]))


def visible_q(
    roots: list[LocaleRoot] | None = None,
    *,
    index: SiteIndex | None = None,
    aliases: bool = False,
) -> Q:
    """The public-visibility rule as a condition on the page table.

    ``roots`` narrows the pages to some locale roots of serving sites (see
    :meth:`SiteIndex.roots_of`); by default, every serving site in every language.
    """
    index = index or site_index()
    if roots is None:
        roots = index.serving_roots()
    serving = [root.path for root in roots if index.get(root.site_id).is_serving]
    q = Q(live=True) & under_q(serving)
    for path in index.private_paths:
        q &= ~Q(path__startswith=path)
    return q if aliases else q & Q(alias_of__isnull=True)


def is_visible(page: Page, *, index: SiteIndex | None = None, aliases: bool = False) -> bool:
    """:func:`visible_q` for one page already loaded, on any serving site."""
    index = index or site_index()
    return bool(
        page.live
        and (aliases or page.alias_of_id is None)
        and index.root_for(page.path) is not None
        and not index.is_private(page.path)
    )


def listed_q(site_ids, locale_id: int, *, index: SiteIndex | None = None) -> Q:
    """What a listing of the sites ``site_ids`` in one language shows."""
    index = index or site_index()
    roots = index.roots_of(site_ids, locale_id)
    return visible_q(roots, index=index) & Q(locale_id=locale_id)


class ContentPageQuerySet(PageQuerySet):
    """The queryset of every content page type: Wagtail's, plus the visibility rule."""

    def visible(self, roots: list[LocaleRoot] | None = None, *, aliases: bool = False):
        """Pages the public may see, under ``roots`` (default: every serving site)."""
        return self.filter(visible_q(roots, aliases=aliases))

    def listed(self, site_ids, locale_id: int):
        """Visible pages of the sites ``site_ids`` in the language ``locale_id``."""
        return self.filter(listed_q(site_ids, locale_id))

    def listed_under(self, page: Page):
        """Visible pages below ``page`` (an index or a home page), in its language."""
        return self.visible().descendant_of(page).filter(locale_id=page.locale_id)


# Wagtail checks that a page type's manager is a PageManager.
ContentPageManager = PageManager.from_queryset(ContentPageQuerySet)


def all_pages() -> ContentPageQuerySet:
    """Every page, of any type, with the visibility rule at hand."""
    return ContentPageQuerySet(Page)
