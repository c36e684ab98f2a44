"""One URL per article: the address an item is de-duplicated by.

Outlets and aggregators append tracking parameters (``utm_source``, ``fbclid``...) and
fragments to the same article's address; a clipping is kept once per address without
them. The scheme and host are lower-cased; the path and the other parameters are kept as
they are, in their order (some sites route by them).
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "yclid", "_ga", "ref"}
)


def is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """``url`` without tracking parameters and fragment, scheme and host in lower case."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(name)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )
