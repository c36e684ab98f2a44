"""The site a public request is for, and that site's home page in each language.

Feeds, calendars, the sitemap and search are plain Django views outside Wagtail's page
serving, so they find their site here, with the same rule Wagtail's ``serve`` applies:
a deactivated institution's site serves nothing.
"""

from django.http import Http404
from wagtail.models import Locale, Page, Site

from subsites.sites import site_is_serving


def serving_site(request) -> Site:
    """The site ``request`` is for; 404 when none matches or its institution is inactive."""
    site = Site.find_for_request(request)
    if site is None or not site_is_serving(site):
        raise Http404("No site is served at this address.")
    return site


def locale_roots(site: Site):
    """The live home pages of ``site``, one per language it has."""
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    return Page.objects.filter(translation_key__in=root_key).live()


def locale_root(site: Site, locale: Locale | None = None) -> Page:
    """The live home page of ``site`` in ``locale`` (the active one by default), or 404."""
    locale = locale or Locale.get_active()
    root = locale_roots(site).filter(locale=locale).select_related("locale").first()
    if root is None:
        raise Http404("This site has no home page in this language.")
    return root
