"""HTTP caching of the typed endpoints: ETag, Cache-Control, 304 and a server-side cache.

Every successful read is stored in Django's cache (Redis, or the shared cache of
``make run``) under a key made of the request (host, path, query), together with the
site it was built for and the *generations* it was built under: the site's and the
global one (``site_s6.core.generations``). A change does not hunt for the entries it
makes stale: ``site_s6.core.invalidation`` bumps the generations of the sites it
affects, in constant time, and an entry whose generations are no longer current is never
served again: the next read rebuilds it.

A read fetches the entry and both generations in one round trip (``get_many``), so that a
hit costs a single call to the cache, and none when this process holds the entry and
watched copies of the generations (``site_s6.core.generation_watch``).
:class:`CachedReadMiddleware` answers hits before the rest of the middleware (sessions,
language, CSRF, messages) and the API's routing.
"""

import hashlib
import json
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from site_s6.core.generations import (
    GLOBAL_KEY,
    read_with_generations,
    site_generation,
    site_key,
)
from site_s6.core.sites import SiteIndex, cached_site_index, site_index

KEY_PREFIX = "s6:api"


def max_age() -> int:
    """Seconds clients and shared caches may reuse a response without asking again."""
    return getattr(settings, "S6_API_CACHE_MAX_AGE", 60)


def timeout() -> int:
    """Seconds a response stays in the server-side cache (a safety net: generations
    already make stale entries unreachable); 0 turns the server-side cache off."""
    return getattr(settings, "S6_API_CACHE_TIMEOUT", 3600)


def _site_id(request, index: SiteIndex) -> int | None:
    wanted = request.GET.get("site", "").strip()
    entry = index.find(wanted) if wanted else index.default()
    return entry.pk if entry else None


def response_key(request) -> str:
    """The cache key of a read: host and scheme (absolute URLs depend on them), path and
    query in a canonical order."""
    query = sorted((name, sorted(values)) for name, values in request.GET.lists())
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"{KEY_PREFIX}:resp:{hashlib.sha256(raw.encode()).hexdigest()}"


def lookup(request) -> tuple[str, dict | None]:
    """One round trip: the read's key and its cached entry if that entry is still current.

    An entry records the site it was built for and the global and site generations it
    was built under. The site is resolved with the index this process already holds,
    without asking the cache for the index's generation: if that index is out of date,
    the entry's global generation no longer matches, and the read is a miss.
    """
    key = response_key(request)
    index = cached_site_index()
    site_id = _site_id(request, index) if index is not None else None
    if site_id is None:
        return key, None
    held = _entries.get(key)
    # With an entry of its own, the process asks for the generations alone, not again
    # for a body it holds: with Redis, from its watched copies, without a round trip.
    found = read_with_generations([GLOBAL_KEY, site_key(site_id)], [] if held else [key])
    current = (site_id, found.get(GLOBAL_KEY), found.get(site_key(site_id)))
    if index.generation == current[1] and known(current):
        # A miss builds under these generations without reading them again.
        setattr(request, SEEN_ATTRIBUTE, current)
    if held and held["generations"] == current:
        return key, held
    entry = found.get(key) if not held else cache.get(key)
    if entry is None or None in current or tuple(entry["generations"]) != current:
        return key, None
    entry["generations"] = current
    _hold(key, entry)
    return key, entry


# The entries this process has served, in front of the shared cache, served under the same
# test (their generations are the current ones, read from the shared cache at every read):
# a hit then reads two small counters rather than the body again.
_entries: dict[str, dict] = {}
_ENTRIES_KEPT = 256


def _hold(key: str, entry: dict) -> None:
    if entry.get("follows_the_clock"):
        return  # it must expire with the shared cache's copy
    if len(_entries) >= _ENTRIES_KEPT:
        _entries.clear()  # a bound, not a policy: the shared cache still has them
    _entries[key] = entry


def current_generations(request) -> tuple:
    """The site a read is for and the generations it is built under, read before it is
    built: a change made meanwhile bumps one, and the entry is then already stale.

    The read's :func:`lookup` has them already when the index it resolved the site with
    was current."""
    seen = getattr(request, SEEN_ATTRIBUTE, None)
    if seen is not None:
        return seen
    index = site_index()
    site_id = _site_id(request, index)
    site_generation_now = site_generation(site_id) if site_id is not None else None
    return site_id, index.generation, site_generation_now


def read_generations(request) -> tuple:
    """The site and generations the read being built is built under (see
    :func:`cached_read`), read now when it is built outside the cache."""
    return getattr(request, GENERATIONS_ATTRIBUTE, None) or current_generations(request)


def request_site_index(request) -> SiteIndex:
    """The index of sites for a read being built, as of the generation :func:`cached_read`
    read for it: no second read of the global generation."""
    generations = getattr(request, GENERATIONS_ATTRIBUTE, None)
    return site_index(generations[1] if generations else None)


def known(generations: tuple) -> bool:
    """Whether the generations could be read: while the cache is down they are None, and
    nothing is kept under them, since no change could retire it."""
    return None not in generations[1:]


def depends_on_the_clock(request) -> datetime:
    """Mark the response being built as changing with time, not only with content (the
    upcoming events, a campaign's status): the server keeps it no longer than clients
    may (``max_age()``), and values it is built from (:func:`cached_value`) serve the
    reads of the same instant only.

    Answers the instant the response is built for, to the second, the same for every
    query of the read (:func:`read_instant`). A second is far below what the response
    may be reused for; a list's compiled SQL leaves the instant open
    (``site_s6.api.compiled``), and serves every second."""
    instant = read_instant(request)
    if instant is None:
        instant = timezone.now().replace(microsecond=0)
        setattr(request, CLOCK_ATTRIBUTE, instant)
    return instant


def read_instant(request) -> datetime | None:
    """The instant a clock-dependent read is built for; None for any other read."""
    return getattr(request, CLOCK_ATTRIBUTE, None)


def _depends_on_the_clock(request) -> bool:
    return read_instant(request) is not None


def cached_value(request, name: str, parts, compute, *, per_instant: bool = True):
    """``compute()``, cached until the content of the request's sites changes.

    For values a response is built from and that many responses share, such as the
    count of a list that every page of it repeats: the entry is keyed by ``name`` and
    ``parts`` (JSON-serialisable) and is served, like a response, only while the
    generations it was computed under are current. In a read that follows the clock, a
    value serves the same second only, unless it holds at every later instant too
    (``per_instant=False``).
    """
    if timeout() <= 0:
        return compute()
    generations = read_generations(request)
    if not known(generations):
        return compute()
    seconds = timeout()
    if per_instant and _depends_on_the_clock(request):
        # Computed for the read's instant: shared by the reads of the same second only.
        parts, seconds = [parts, read_instant(request)], min(seconds, max_age())
    raw = json.dumps(parts, sort_keys=True, default=str)
    key = f"{KEY_PREFIX}:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    entry = _values.get(key)
    if entry is None or entry[0] != generations:
        entry = cache.get(key)
    if entry is not None and entry[0] == generations:
        _remember(key, entry)
        return entry[1]
    value = compute()
    cache.set(key, (generations, value), seconds)
    _remember(key, (generations, value))
    return value


# The values of :func:`cached_value` this process has seen, in front of the shared cache:
# an entry is served under the same test as the shared one (its generations are the
# current ones), so it is never staler; it saves a round trip to the cache per read.
_values: dict[str, tuple] = {}
_VALUES_KEPT = 1024


def _remember(key: str, entry: tuple) -> None:
    if len(_values) >= _VALUES_KEPT:
        _values.clear()  # a bound, not a policy: the shared cache still has them
    _values[key] = entry


def cached_read(view):
    """Serve a GET from the server-side cache, with ``ETag`` and ``Cache-Control``;
    answer 304 when the client's ``If-None-Match`` names the current ETag."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key, entry = getattr(request, LOOKUP_ATTRIBUTE, None) or lookup(request)
        if entry is None:
            generations = current_generations(request)
            setattr(request, GENERATIONS_ATTRIBUTE, generations)
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            entry = {
                "content": response.content,
                "content_type": response["Content-Type"],
                "etag": f'"{hashlib.sha256(response.content).hexdigest()[:40]}"',
                "generations": generations,
                # Kept by the shared cache no longer than clients keep it: never held here.
                "follows_the_clock": _depends_on_the_clock(request),
            }
            seconds = min(timeout(), max_age()) if _depends_on_the_clock(request) else timeout()
            if seconds > 0 and known(generations):
                cache.set(key, entry, seconds)
                _hold(key, entry)
            return cached_response(request, entry, response)
        return cached_response(request, entry)

    return wrapper


def cached_response(request, entry: dict, built: HttpResponse | None = None) -> HttpResponse:
    """The response for a cache entry: its body, or 304 when the client has it; the
    response the entry was just ``built`` from, when there is one."""
    response = built
    if response is None:
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
    # Set here because a hit answered by the middleware skips CommonMiddleware.
    response["Content-Length"] = str(len(entry["content"]))
    response["ETag"] = entry["etag"]
    response = get_conditional_response(request, etag=entry["etag"], response=response)
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
SEEN_ATTRIBUTE = "_s6_api_generations_seen"
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
            if found[1] is not None:
                return cached_response(request, found[1])
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
        response["ETag"] = etag
        response = get_conditional_response(request, etag=etag, response=response)
        if private:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=max_age())
        return response

    return wrapper
