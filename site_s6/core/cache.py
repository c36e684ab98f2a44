"""Per-site cache generations: one counter per site that every cached rendering keys on.

Anything cached for a site (the public HTML of its pages, API listings) puts the site's
current generation in its key. Publishing, unpublishing, moving or deleting a page of the
site, or saving one of its settings, bumps the generation: every key built before then is
never read again and expires on its own. Nothing has to enumerate or delete keys, which
works the same on the local-memory cache and on Redis.

    key = f"api:news:{site_generation(site.pk)}:{params}"
    ...
    bump_site_generation(site.pk)   # from a signal handler

The counters live in the default cache; ``site_s6.core.signal_handlers`` does the bumping.
"""

import hashlib
import json
import time

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, Site

GENERATION_KEY = "s6:site-generation:{site_id}"
# Counters outlive the entries keyed on them, so a bump is never lost to an expiry.
GENERATION_TIMEOUT = None


def _generation_key(site_id: int) -> str:
    return GENERATION_KEY.format(site_id=site_id)


def _fresh_generation() -> int:
    # A counter that was evicted must not restart at a value used before, or entries
    # cached under that old value would be served again: start from the clock, in
    # microseconds, which bumps (one at a time) cannot outrun. Microseconds stay below
    # 2**53, exact through Redis's Lua scripts (django-redis's incr), where numbers are
    # doubles.
    return time.time_ns() // 1000


def site_generation(site_id: int) -> int:
    """The current cache generation of the site with id ``site_id``."""
    key = _generation_key(site_id)
    generation = cache.get(key)
    if generation is None:
        cache.add(key, _fresh_generation(), timeout=GENERATION_TIMEOUT)
        generation = cache.get(key)
    return generation


#: Seconds a value of :func:`cached_for_site` is kept at most; a bump retires it sooner.
SITE_VALUE_TIMEOUT = 3600


def cached_for_site(site_id: int | None, name: str, parts, compute):
    """``compute()``, kept until the content of the site with id ``site_id`` changes.

    For what many renderings of a site share and a scan of a whole section produces,
    such as the number of news in an index or the tags they carry: a page of the listing
    cached or not, its ``?page=`` 1 or 40, reads the same value. ``parts`` (JSON-
    serialisable) tell apart the values of one ``name``; a ``None`` site computes.
    """
    if site_id is None:
        return compute()
    raw = json.dumps(parts, sort_keys=True, default=str)
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    key = f"s6:site-value:{site_id}:{site_generation(site_id)}:{name}:{digest}"
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    cache.set(key, value, timeout=SITE_VALUE_TIMEOUT)
    return value


_MISSING = object()


def bump_site_generation(site_id: int) -> int:
    """Retire everything cached for the site with id ``site_id``; returns the new generation."""
    key = _generation_key(site_id)
    try:
        return cache.incr(key)
    except ValueError:
        # No counter yet (or it was evicted): any fresh value retires the old keys.
        generation = _fresh_generation()
        cache.set(key, generation, timeout=GENERATION_TIMEOUT)
        return generation


def bump_site_generations(site_ids) -> None:
    """Bump every site of ``site_ids`` now and once more when the transaction commits.

    The second bump retires a rendering made by a concurrent request between the change
    and its commit, which would otherwise be cached with the old content under the new
    generation.
    """
    site_ids = sorted(set(site_ids))
    for site_id in site_ids:
        bump_site_generation(site_id)

    def bump_again():
        for site_id in site_ids:
            bump_site_generation(site_id)

    if site_ids:
        transaction.on_commit(bump_again)


def site_ids_for_page(page: Page) -> list[int]:
    """The ids of the sites that show ``page``, in any of their languages.

    A site's root page has one copy per language (its locale roots), each its own branch
    of the tree and all sharing the root's ``translation_key``; a page belongs to every
    site whose root, in some language, is the page itself or one of its ancestors.
    """
    if not page.path:
        return []
    paths = [page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)]
    ancestors = Page.objects.filter(path__in=paths).values("translation_key")
    return list(
        Site.objects.filter(root_page__translation_key__in=ancestors).values_list("pk", flat=True)
    )
