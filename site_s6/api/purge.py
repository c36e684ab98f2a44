"""Purging the API's URLs from a CDN on publish and unpublish.

When ``WAGTAILFRONTENDCACHE`` is configured, ``wagtail.contrib.frontend_cache`` purges a
page's own URLs on publish; listings of the API are not page URLs, so a changed page would
stay stale there until ``max-age`` runs out. This purges, on the page's site (and on the
city hall's for news, whose list carries syndicated news): the typed lists and
``site-config``, Wagtail's v2 and v3 page lists, and the page's details. When the
frontend-cache app is not installed, the page's own URLs are purged here too.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

LISTS = ["news", "events", "campaigns", "protocol-visits", "site-config"]


def is_configured() -> bool:
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _collection_of(page: Page) -> str | None:
    from site_s6.campaigns.models import CampaignPage
    from site_s6.events.models import EventPage
    from site_s6.news.models import NewsPage
    from site_s6.protocol.models import ProtocolVisitPage

    kinds = {
        NewsPage: "news",
        EventPage: "events",
        CampaignPage: "campaigns",
        ProtocolVisitPage: "protocol-visits",
    }
    cls = page.specific_class or Page
    return next((name for model, name in kinds.items() if issubclass(cls, model)), None)


def _site_queries(site: Site) -> list[str]:
    queries = [f"?site={site.hostname}"]
    if site.is_default_site:
        queries.append("")  # requests without ?site= read the default site
    return queries


def api_urls(page: Page) -> list[str]:
    """The API URLs whose responses may show ``page``, absolute on its site's root URL."""
    site = page.get_site()
    if site is None:
        return []
    sites = [site]
    collection = _collection_of(page)
    if collection == "news":
        sites += list(Site.objects.filter(institution__kind="city_hall").exclude(pk=site.pk))
    urls = []
    for each in sites:
        root = each.root_url.rstrip("/")
        for query in _site_queries(each):
            paths = [f"/api/v3/{name}/" for name in LISTS]
            paths += ["/api/v3/pages/", "/api/v2/pages/"]
            paths += [f"/api/v3/pages/{page.pk}/", f"/api/v2/pages/{page.pk}/"]
            if collection:
                paths.append(f"/api/v3/{collection}/{page.pk}/")
            urls += [f"{root}{path}{query}" for path in paths]
    return list(dict.fromkeys(urls))


def purge_page(page: Page) -> None:
    """Purge ``page``'s API URLs (and its own URLs, if Wagtail's app does not) from the CDN."""
    if not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache, purge_urls_from_cache

    purge_urls_from_cache(api_urls(page))
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        purge_page_from_cache(page)


def _on_page_signal(sender, instance, **kwargs):
    purge_page(instance)


def connect_signals() -> None:
    """Connect the purge handlers; called once from ``ApiConfig.ready()``."""
    page_published.connect(_on_page_signal, dispatch_uid="s6_api_purge_published")
    page_unpublished.connect(_on_page_signal, dispatch_uid="s6_api_purge_unpublished")
