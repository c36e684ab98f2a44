"""Wagtail's API v3 with the typed collections of the contract added to it.

Wagtail builds one module-level ``NinjaAPI``; our routers join it (from
``ApiConfig.ready()``, before ``api.urls`` is first read) so that one OpenAPI document
describes pages, sites and our collections alike.
"""

from functools import cache, wraps

from django.conf import settings
from django.http import Http404
from django.urls import URLPattern
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import problem_response
from wagtail.api.validators import SiteFilterValidator

from site_s6.media.api import V3_MEDIA_DETAILS, V3_MEDIA_LISTS, anonymous_media_read
from subsites.sites import site_is_serving

__all__ = ["api", "register_routers", "urls"]

# Wagtail's public page views (by URL name) that resolve a site from ?site= or the host.
SITE_SCOPED_PAGE_VIEWS = {"list_pages", "find_page", "detail_page"}
# Wagtail's image and document views: no listing for anonymous clients (docs/api.md).
ANONYMOUS_MEDIA_VIEWS = V3_MEDIA_LISTS | set(V3_MEDIA_DETAILS)


@cache
def register_routers() -> None:
    """Add our routers and error handlers to Wagtail's API, once per process."""
    from .caching import cached_read
    from .errors import register_problem_handlers
    from .routers import campaigns, events, news, preview, protocol, site_config

    register_problem_handlers(api)
    for module in (news, events, campaigns, protocol, site_config):
        module.router.add_decorator(cached_read, mode="view")
    api.add_router("/news/", news.router)
    api.add_router("/events/", events.router)
    api.add_router("/campaigns/", campaigns.router)
    api.add_router("/protocol-visits/", protocol.router)
    api.add_router("/site-config/", site_config.router)
    api.add_router("/preview/", preview.router)


def refuse_inactive_sites(view):
    """Answer 404 when a public page view targets the site of a deactivated institution.

    Wagtail's page endpoints scope pages to the site named by ``?site=`` or the Host
    header; that site may belong to an institution whose site no longer serves.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Reads by anonymous clients only: writes and token holders keep Wagtail's rules.
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return view(request, *args, **kwargs)
        try:
            site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        except (Http404, ValueError):
            site = None  # Wagtail's own view answers these.
        if site is not None and not site_is_serving(site):
            return problem_response(status=404, detail="This site does not serve content.")
        return view(request, *args, **kwargs)

    return wrapper


def docs_when_enabled(view):
    """404 for the interactive docs (``/api/v3/docs/``) unless ``S6_API_DOCS`` is on (off in
    production by default); ``openapi.json`` stays, since clients generate code from it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not getattr(settings, "S6_API_DOCS", True):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def our_view(view, name: str | None):
    """Wagtail's view named ``name``, wrapped by the rules this project adds to it."""
    from .caching import conditional_read
    from .openapi import openapi_json

    if name in SITE_SCOPED_PAGE_VIEWS:
        return conditional_read(refuse_inactive_sites(view))
    if name in ANONYMOUS_MEDIA_VIEWS:
        return anonymous_media_read(view, name)
    if name == "openapi-view":
        return docs_when_enabled(view)
    if name == "openapi-json":
        # The document made valid for validators and client generators (openapi.py), behind
        # Wagtail's own switch (WAGTAILAPI_DOCS_ENABLED) like the view it replaces.
        return api.docs_decorator(openapi_json) if api.docs_decorator else openapi_json
    return view


def urls():
    """``api.urls`` with Wagtail's site-scoped page views refusing inactive sites and
    answering reads with ``ETag``, ``Cache-Control`` and 304; the docs behind ``S6_API_DOCS``;
    ``openapi.json`` corrected for validators and generators (``site_s6.api.openapi``).

    Our URL patterns are new ones around Wagtail's views, on the same routes and names,
    rather than changes to the patterns or routers of Wagtail's module-level API: Wagtail
    8.0's v3 has no hook to decorate one of its endpoints by name.
    """
    patterns, app_name, namespace = api.urls
    ours = [
        URLPattern(p.pattern, our_view(p.callback, p.name), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return ours, app_name, namespace
