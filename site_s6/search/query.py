"""What the search page searches: the visible pages of one site in one language.

The visibility rule is the shared one (``site_s6.core.querysets``); site membership
follows the listings: a site's own branch in the language of the address, and on the
city hall's site also the news institutions syndicate to it, as its news index shows
them. Matching and ranking are the search service's (:mod:`site_s6.search.service`).
"""

from django.db.models import QuerySet
from wagtail.models import Page, Site

from site_s6.core.querysets import listed_q
from site_s6.core.sites import site_index
from site_s6.news.models import NewsPage


def searchable_pages(site: Site, root: Page) -> QuerySet:
    """The pages a visitor of ``site`` may find from its home page ``root``: what its
    listings show, shared news included on the site that receives them."""
    index = site_index()
    own = listed_q([site.pk], root.locale_id, index=index)
    shared = NewsPage.objects.on_site_q(site.pk, root.locale_id, index=index)
    return Page.objects.filter(own | shared)


def pages_in_order(ids) -> list[Page]:
    """The specific pages of ``ids``, in that order."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [pages[pk] for pk in ids if pk in pages]
