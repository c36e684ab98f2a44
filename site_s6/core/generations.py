"""Cache generations: one counter per site and one for the whole installation.

Anything cached for a site (the public HTML of its pages, API responses, the count of a
listing) puts the site's current generation in its key or its entry. A change replaces
the generation of each site it affects, which retires at once everything cached for
those sites: nothing has to enumerate or delete keys, and that works the same on every
cache backend. The global generation retires the in-process index of sites
(``site_s6.core.sites``); bumping it bumps every site too.

The counters live in the default cache, which every process of the product shares (see
docs/deployment.md): a change made by the task worker, the scheduler or a management
command is seen by every web process at its next request. With Redis, a process reads
its copies of the counters, which Redis keeps current (``generation_watch``).

``site_s6.core.invalidation`` decides what a change affects and calls :func:`bump_sites`
or :func:`bump_global`; nothing else bumps.
"""

import time

from django.core.cache import cache, caches
from django.db import transaction

from .generation_watch import watch_for

SITE_KEY = "s6:gen:site:{site_id}"
GLOBAL_KEY = "s6:gen:global"
# Counters outlive the entries keyed on them, so a bump is never lost to an expiry.
TIMEOUT = None


def site_key(site_id: int) -> str:
    """The cache key of the generation of the site with id ``site_id``."""
    return SITE_KEY.format(site_id=site_id)


def _fresh() -> int:
    # A counter that was evicted must not restart at a value used before, or entries
    # cached under that old value would be served again: start from the clock, in
    # microseconds, which bumps (one at a time) cannot outrun. Microseconds stay below
    # 2**53, exact through Redis's Lua scripts (django-redis's incr), where numbers are
    # doubles.
    return time.time_ns() // 1000


def read_with_generations(generation_keys: list[str], other_keys: list[str] = ()) -> dict:
    """The current values of the counters ``generation_keys`` and the cache's entries of
    ``other_keys``, by key, in one round trip at most: none when there are no other keys
    and this process holds watched copies of the counters (``generation_watch``)."""
    watch = watch_for(caches["default"])
    if watch is None:
        return cache.get_many([*other_keys, *generation_keys])
    if not other_keys:
        copies = watch.copies_of(generation_keys)
        if copies is not None:
            return copies
    epoch = watch.epoch
    found = cache.get_many([*other_keys, *generation_keys])
    watch.keep({key: found.get(key) for key in generation_keys}, epoch)
    return found


def _current(key: str) -> int:
    generation = read_with_generations([key]).get(key)
    if generation is None:
        cache.add(key, _fresh(), timeout=TIMEOUT)
        generation = read_with_generations([key]).get(key)
    return generation


def site_generation(site_id: int) -> int:
    """The current generation of the site with id ``site_id``."""
    return _current(site_key(site_id))


def global_generation() -> int:
    """The current generation of everything: sites, institutions, languages, restrictions."""
    return _current(GLOBAL_KEY)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        # No counter yet (or it was evicted): any fresh value retires the old keys.
        cache.set(key, _fresh(), timeout=TIMEOUT)
    watch = watch_for(caches["default"])
    if watch is not None:
        # Redis will say so too, but this process reads its own change at once.
        watch.drop([key])


def _bump_now_and_on_commit(keys: list[str]) -> None:
    # The second bump retires what a concurrent request cached between the change and its
    # commit: it read the new generation but could not yet see the changed rows.
    for key in keys:
        _bump(key)

    def bump_again():
        for key in keys:
            _bump(key)

    if keys:
        transaction.on_commit(bump_again)


def bump_sites(site_ids) -> None:
    """Retire everything cached for the sites of ``site_ids``, now and on commit."""
    _bump_now_and_on_commit([site_key(site_id) for site_id in sorted(set(site_ids))])


def bump_global(site_ids=()) -> None:
    """Retire the index of sites and everything cached for the sites of ``site_ids``
    (every site the index knew of, which the caller passes), now and on commit."""
    _bump_now_and_on_commit([GLOBAL_KEY, *(site_key(pk) for pk in sorted(set(site_ids)))])
