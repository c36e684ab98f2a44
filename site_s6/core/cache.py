"""Values cached per site until its content changes.

For what many renderings of a site share and a scan of a whole section produces, such as
the number of news in an index or the tags they carry: a page of the listing cached or
not, its ``?page=`` 1 or 40, reads the same value. The site's generation
(``site_s6.core.generations``) is part of the key, so any change to the site retires it.
"""

import hashlib
import json

from django.core.cache import cache

from .generations import site_generation

#: Seconds a value is kept at most; a change of the site retires it sooner.
SITE_VALUE_TIMEOUT = 3600

_MISSING = object()


def cached_for_site(site_id: int | None, name: str, parts, compute):
    """``compute()``, kept until the content of the site with id ``site_id`` changes.

    ``parts`` (JSON-serialisable) tell apart the values of one ``name``; a ``None`` site
    computes.
    """
    generation = site_generation(site_id) if site_id is not None else None
    if generation is None:
        # No site, or the cache is down: nothing to keep a value under that a change retires.
        return compute()
    raw = json.dumps(parts, sort_keys=True, default=str)
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    key = f"s6:site-value:{site_id}:{generation}:{name}:{digest}"
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    cache.set(key, value, timeout=SITE_VALUE_TIMEOUT)
    return value
