"""Purging the API's URLs from a CDN when a page changes.

When ``WAGTAILFRONTENDCACHE`` is configured, ``wagtail.contrib.frontend_cache`` purges a
page's own URLs on publish; listings of the API are not page URLs, so a changed page would
stay stale there until ``max-age`` runs out. This purges, on every site the change
affects (``site_s6.core.invalidation`` works them out: the page's site, and for news the
site that receives shared news): the typed lists and ``site-config``, Wagtail's v2 and v3
page lists, and the page's details. When the frontend-cache app is not installed, the
page's own URLs are purged here too.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Page, Site

from site_s6.core.invalidation import PUBLISHED, UNPUBLISHED, content_changed

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


def api_urls(page: Page, site_ids) -> list[str]:
    """The API URLs of the sites ``site_ids`` whose responses may show ``page``, absolute
    on each site's root URL."""
    collection = _collection_of(page)
    urls = []
    for each in Site.objects.filter(pk__in=site_ids).order_by("pk"):
        root = each.root_url.rstrip("/")
        for query in _site_queries(each):
            paths = [f"/api/v3/{name}/" for name in LISTS]
            paths += ["/api/v3/pages/", "/api/v2/pages/"]
            paths += [f"/api/v3/pages/{page.pk}/", f"/api/v2/pages/{page.pk}/"]
            if collection:
                paths.append(f"/api/v3/{collection}/{page.pk}/")
            urls += [f"{root}{path}{query}" for path in paths]
    return list(dict.fromkeys(urls))


def purge_page(page: Page, site_ids) -> None:
    """Purge ``page``'s API URLs on the sites ``site_ids`` (and its own URLs, if Wagtail's
    app does not) from the CDN."""
    if not is_configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache, purge_urls_from_cache

    purge_urls_from_cache(api_urls(page, site_ids))
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        purge_page_from_cache(page)


def _on_content_changed(sender, page, action, site_ids, **kwargs):
    if action in (PUBLISHED, UNPUBLISHED):
        purge_page(page, site_ids)


def connect_signals() -> None:
    """Connect the purge handler; called once from ``ApiConfig.ready()``."""
    content_changed.connect(_on_content_changed, dispatch_uid="s6_api_purge")
