"""The full HTML of public pages, cached for anonymous visitors.

Wagtail wraps ``Page.serve`` in the ``on_serve_page`` hooks (registered in this app's
``wagtail_hooks``). Ours runs inside Wagtail's own view-restriction check and after the
``before_serve_page`` hooks (the request method check, the refusal of inactive
institutions' sites), so a page reaches the cache only once the visitor may see it.

Only a ``GET`` (or ``HEAD``) of an anonymous visitor is answered from the cache, never a
preview, a logged-in user or another method. A response is stored only when it is a plain
200 that sets no cookie, uses no CSRF token, does not ask not to be cached, and belongs
to a page without view restrictions. Keys name the site, its generation
(``site_s6.core.generations``), the language, the host and the full path with its query
string, so a publish anywhere on the site retires every page of it at once.

A page carries the Content-Security-Policy nonce of the request that rendered it (the
brand colours' ``<style nonce=…>``). The cache keeps that nonce beside the page and a hit
puts a fresh one in its place, in the body and, through ``request.csp_nonce``, in the
header: a nonce is never reused, and the header always names the one the page holds.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language
from wagtail.models import Site

from .generations import site_generation

# Listings of upcoming events change with the clock, not only with publishing.
DEFAULT_TIMEOUT = 300
CACHE_STATUS_HEADER = "X-S6-Page-Cache"
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store", "max-age=0"}


def page_cache_timeout() -> int:
    """Seconds a page stays cached (``S6_PAGE_CACHE_SECONDS``); 0 turns the cache off."""
    return int(getattr(settings, "S6_PAGE_CACHE_SECONDS", DEFAULT_TIMEOUT))


def page_cache_key(request, site: Site) -> str | None:
    """The cache key of the page ``request`` asks for on ``site``, in the active language;
    None while the site's generation cannot be read (the cache is down): nothing is kept
    under a key that no change could retire."""
    generation = site_generation(site.pk)
    if generation is None:
        return None
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"s6:page:{site.pk}:{generation}:{get_language()}:{digest}"


def request_is_cacheable(request) -> bool:
    """Whether ``request`` may be answered from, or fill, the page cache."""
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
        and page_cache_timeout() > 0
    )


def response_is_cacheable(request, response) -> bool:
    """Whether ``response`` is the same for every anonymous visitor, and so storable."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = {
        directive.strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & UNCACHEABLE_DIRECTIVES


def fresh_nonce(request, cached: dict) -> bytes:
    """The cached page's content with the nonce it was rendered with replaced by this
    request's own (which django-csp then writes into the header)."""
    content, used = cached["content"], cached.get("nonce")
    if not used:
        return content
    return content.replace(nonce_attribute(used), nonce_attribute(str(request.csp_nonce)))


def nonce_attribute(nonce: str) -> bytes:
    return f'nonce="{nonce}"'.encode()


def cache_anonymous_pages(serve):
    """An ``on_serve_page`` hook: answer anonymous visitors from the cache, fill it on a miss."""

    def serve_from_cache(page, request, serve_args, serve_kwargs):
        site = Site.find_for_request(request) if request_is_cacheable(request) else None
        if site is None:
            return serve(page, request, serve_args, serve_kwargs)

        key = page_cache_key(request, site)
        if key is None:
            return serve(page, request, serve_args, serve_kwargs)
        cached = cache.get(key)
        if cached is not None:
            response = HttpResponse(
                fresh_nonce(request, cached), content_type=cached["content_type"]
            )
            response[CACHE_STATUS_HEADER] = "hit"
            return response

        response = serve(page, request, serve_args, serve_kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # Restricted pages are served to visitors who passed their restriction (a password
        # kept in the session): such a page is never shared through the cache.
        if response_is_cacheable(request, response) and not page.get_view_restrictions().exists():
            cache.set(
                key,
                {
                    "content": response.content,
                    "content_type": response["Content-Type"],
                    "nonce": getattr(request, "_csp_nonce", None),
                },
                page_cache_timeout(),
            )
            response[CACHE_STATUS_HEADER] = "miss"
        return response

    return serve_from_cache
