"""HTTP caching of the typed endpoints: ETag, Cache-Control, 304 and a server-side cache.

Every successful read is stored in Django's cache (local memory, or Redis when
``REDIS_URL`` is set) under a key made of the request (host, path, query), together with
the two *generations* it was built under: the requested site's and the global one. A
change does not hunt for the entries it makes stale; it replaces the generation of the
affected site (or the global one), in constant time, and an entry whose generations are
no longer current is never served again: the next read rebuilds it.

A read fetches the entry and both generations in one round trip (``get_many``), so that a
hit costs a single call to Redis; :class:`CachedReadMiddleware` answers hits before the
rest of the middleware (sessions, language, CSRF, messages) and the API's routing run.

What replaces a generation:

- publishing, unpublishing, moving or deleting a page: its site's (before and after a
  move) and, for news, the city hall's, whose list carries syndicated news;
- saving a site's branding, contact or front-end settings: that site's;
- changing a site, an institution, a locale or a privacy restriction: the global one.
"""

import hashlib
import json
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

KEY_PREFIX = "s6:api"
GLOBAL = "*"
DEFAULT_SITE = ""


def max_age() -> int:
    """Seconds clients and shared caches may reuse a response without asking again."""
    return getattr(settings, "S6_API_CACHE_MAX_AGE", 60)


def timeout() -> int:
    """Seconds a response stays in the server-side cache (a safety net: generations
    already make stale entries unreachable); 0 turns the server-side cache off."""
    return getattr(settings, "S6_API_CACHE_TIMEOUT", 3600)


def _generation_key(name: str) -> str:
    # Hashed: ?site= is client input, any length and any character.
    return f"{KEY_PREFIX}:gen:{hashlib.sha256(name.encode()).hexdigest()[:32]}"


def _generation_timeout() -> int:
    # Finite, so that generations of made-up hostnames do not pile up; an expired
    # generation only makes its responses unreachable, which is always safe.
    return max(timeout(), 60) * 2


def generation(name: str) -> str:
    """The current generation of a site (by hostname) or of everything (``GLOBAL``).

    A missing generation (never set, expired or evicted) gets a fresh random value, so
    that losing it can never bring back entries of an earlier one.
    """
    key = _generation_key(name)
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, _generation_timeout())
        value = cache.get(key)
    return value


def _replace_generations(names) -> None:
    cache.set_many(
        {_generation_key(name): uuid.uuid4().hex for name in names}, _generation_timeout()
    )


def bump(*names: str) -> None:
    """Make every cached response of these sites (hostnames, or ``GLOBAL``) stale, now
    and again when the change commits.

    The second time retires what a concurrent request cached between the change and its
    commit: it read the new generation but could not yet see the changed rows.
    """
    _replace_generations(names)
    transaction.on_commit(lambda: _replace_generations(names))


def bump_site(site: Site | None) -> None:
    if site is None:
        bump(GLOBAL)
        return
    names = [site.hostname.lower()]
    if site.is_default_site:
        names.append(DEFAULT_SITE)  # requests without ?site= read the default site
    bump(*names)


def _site_name(request) -> str:
    return request.GET.get("site", "").strip().partition(":")[0].lower()


def response_key(request) -> str:
    """The cache key of a read: host and scheme (absolute URLs depend on them), path and
    query in a canonical order."""
    query = sorted((name, sorted(values)) for name, values in request.GET.lists())
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"{KEY_PREFIX}:resp:{hashlib.sha256(raw.encode()).hexdigest()}"


def lookup(request) -> tuple[str, tuple[str | None, str | None], dict | None]:
    """One round trip: the read's key, the current generations it depends on (``None``
    where one is missing) and its cached entry if that entry is still current."""
    key = response_key(request)
    generation_keys = [_generation_key(GLOBAL), _generation_key(_site_name(request))]
    found = cache.get_many([key, *generation_keys])
    generations = tuple(found.get(name) for name in generation_keys)
    entry = found.get(key)
    if entry is None or None in generations or entry.get("generations") != generations:
        entry = None
    return key, generations, entry


def _current(generations: tuple, request) -> tuple[str, str]:
    """The generations with the missing ones created (see :func:`generation`)."""
    if None not in generations:
        return generations
    return generation(GLOBAL), generation(_site_name(request))


def depends_on_the_clock(request) -> None:
    """Mark the response being built as changing with time, not only with content (the
    upcoming events, a campaign's status): the server keeps it no longer than clients
    may (``max_age()``), and values it is built from are not cached."""
    setattr(request, CLOCK_ATTRIBUTE, True)


def _depends_on_the_clock(request) -> bool:
    return getattr(request, CLOCK_ATTRIBUTE, False)


def cached_value(request, name: str, parts, compute):
    """``compute()``, cached until the content of the request's sites changes.

    For values a response is built from and that many responses share, such as the
    count of a list that every page of it repeats: the entry is keyed by ``name`` and
    ``parts`` (JSON-serialisable) and is served, like a response, only while the
    generations it was computed under are current.
    """
    if timeout() <= 0 or _depends_on_the_clock(request):
        return compute()
    generations = getattr(request, GENERATIONS_ATTRIBUTE, None) or _current((None, None), request)
    raw = json.dumps(parts, sort_keys=True, default=str)
    key = f"{KEY_PREFIX}:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    entry = cache.get(key)
    if entry is not None and entry[0] == generations:
        return entry[1]
    value = compute()
    cache.set(key, (generations, value), timeout())
    return value


def _etag_matches(request, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in wanted or etag in wanted


def cached_read(view):
    """Serve a GET from the server-side cache, with ``ETag`` and ``Cache-Control``;
    answer 304 when the client's ``If-None-Match`` names the current ETag."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key, generations, entry = getattr(request, LOOKUP_ATTRIBUTE, None) or lookup(request)
        if entry is None:
            # Read before the view runs: a change made meanwhile replaces a generation,
            # and the entry stored here is then already stale, as it should be.
            generations = _current(generations, request)
            setattr(request, GENERATIONS_ATTRIBUTE, generations)
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            entry = {
                "content": response.content,
                "content_type": response["Content-Type"],
                "etag": f'"{hashlib.sha256(response.content).hexdigest()[:40]}"',
                "generations": generations,
            }
            seconds = min(timeout(), max_age()) if _depends_on_the_clock(request) else timeout()
            if seconds > 0:
                cache.set(key, entry, seconds)
        return cached_response(request, entry)

    return wrapper


def cached_response(request, entry: dict) -> HttpResponse:
    """The response for a cache entry: its body, or 304 when the client has it."""
    if _etag_matches(request, entry["etag"]):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        # Set here because a hit answered by the middleware skips CommonMiddleware.
        response["Content-Length"] = str(len(entry["content"]))
    response["ETag"] = entry["etag"]
    response["Cache-Control"] = f"public, max-age={max_age()}"  # a new response has none
    return response


#: The typed endpoints (Wagtail's API namespace and URL names) whose reads are cached: the
#: lists, with their details below them.
CACHED_LIST_URL_NAMES = (
    "news_list",
    "events_list",
    "campaigns_list",
    "protocol_visits_list",
    "site_config",
)
LOOKUP_ATTRIBUTE = "_s6_api_cache_lookup"
GENERATIONS_ATTRIBUTE = "_s6_api_generations"
CLOCK_ATTRIBUTE = "_s6_api_depends_on_the_clock"


class CachedReadMiddleware:
    """Answer cache hits of the typed endpoints early, with one call to the cache.

    A hit needs nothing of what the later middleware provides (the endpoints are public
    and anonymous) nor the API's routing and parameter parsing. A miss goes on, carrying
    its lookup so that :func:`cached_read` does not repeat it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._prefixes: tuple[str, ...] | None = None

    @property
    def prefixes(self) -> tuple[str, ...]:
        if self._prefixes is None:
            self._prefixes = tuple(
                reverse(f"wagtailapi_v3:{name}") for name in CACHED_LIST_URL_NAMES
            )
        return self._prefixes

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and timeout() > 0
        ):
            found = lookup(request)
            if found[2] is not None:
                return cached_response(request, found[2])
            setattr(request, LOOKUP_ATTRIBUTE, found)
        return self.get_response(request)


def conditional_read(view):
    """``ETag``, ``Cache-Control`` and 304 on ``If-None-Match`` for GET reads of a view
    whose responses are not cached server-side (Wagtail's own page endpoints).

    The ETag is a digest of the body. Responses to clients that authenticate (a session or
    an ``Authorization`` header may show drafts) are marked private.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Before the view: the API's authentication may replace request.user.
        user = getattr(request, "user", None)
        private = "HTTP_AUTHORIZATION" in request.META or bool(user and user.is_authenticated)
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming:
            return response
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
        if _etag_matches(request, etag):
            response = HttpResponseNotModified()
        response["ETag"] = etag
        if private:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=max_age())
        return response

    return wrapper


# Invalidation


def _page_site(page: Page) -> Site | None:
    return page.get_site()


def _news_affects_main_site(page: Page) -> list[str]:
    from site_s6.news.models import NewsPage

    if not issubclass(page.specific_class or Page, NewsPage):
        return []
    main_sites = Site.objects.filter(institution__kind="city_hall")
    names = []
    for site in main_sites:
        names.append(site.hostname.lower())
        if site.is_default_site:
            names.append(DEFAULT_SITE)
    return names


def page_changed(page: Page) -> None:
    """Make the responses that may show ``page`` stale."""
    site = _page_site(page)
    if site is None:
        bump(GLOBAL)
        return
    bump_site(site)
    main = _news_affects_main_site(page)
    if main:
        bump(*main)


def _on_page_signal(sender, instance, **kwargs):
    page_changed(instance)


def _on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_changed(instance)


def _on_setting_saved(sender, instance, **kwargs):
    bump_site(instance.site)


def _on_global_change(sender, **kwargs):
    bump(GLOBAL)


def connect_signals() -> None:
    """Connect the invalidation handlers; called once from ``ApiConfig.ready()``."""
    from site_s6.core.models import BrandingSettings, ContactSettings, FrontendSettings
    from subsites.models import Institution

    uid = "s6_api_cache"
    page_published.connect(_on_page_signal, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(_on_page_signal, dispatch_uid=f"{uid}_unpublished")
    pre_page_move.connect(_on_page_signal, dispatch_uid=f"{uid}_pre_move")
    post_page_move.connect(_on_page_signal, dispatch_uid=f"{uid}_post_move")
    pre_delete.connect(_on_page_delete, dispatch_uid=f"{uid}_delete")
    for model in (BrandingSettings, ContactSettings, FrontendSettings):
        post_save.connect(_on_setting_saved, sender=model, dispatch_uid=f"{uid}_{model.__name__}")
    for model in (Site, Institution, Locale, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                _on_global_change,
                sender=model,
                dispatch_uid=f"{uid}_{model.__name__}_{id(signal)}",
            )
