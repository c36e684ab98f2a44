"""Polling a source: one conditional GET through the outbound policy, its items matched
against the watches, a clipping made once per canonical URL.

Polite by design: ``If-None-Match`` / ``If-Modified-Since`` from the last answer, the
outbound policy's timeout, size limit and ``User-Agent``, and after an error a wait that
doubles each time (``interval × 2^errors``, at most ``S6_PRESS_BACKOFF_MAX_HOURS``). The
error is kept on the source, where the admin shows it.
"""

from __future__ import annotations

import calendar
import datetime
import html
import io
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags

from site_s6.core import outbound

from .matching import matching_watches
from .models import Source, Watch
from .services import clipping_create

logger = logging.getLogger(__name__)

DEFAULT_POLL_MINUTES = 30
DEFAULT_BACKOFF_MAX_HOURS = 24
#: Bytes of a feed read at most, unless ``S6_PRESS_FEED_MAX_BYTES`` says.
DEFAULT_FEED_MAX_BYTES = 5 * 1024 * 1024
EXCERPT_LENGTH = 600
MAX_URL_LENGTH = 1000
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8"


def poll_interval() -> datetime.timedelta:
    return datetime.timedelta(
        minutes=getattr(settings, "S6_PRESS_POLL_MINUTES", DEFAULT_POLL_MINUTES)
    )


def backoff(errors: int) -> datetime.timedelta:
    """How long to wait after ``errors`` consecutive errors: doubling, capped."""
    cap = datetime.timedelta(
        hours=getattr(settings, "S6_PRESS_BACKOFF_MAX_HOURS", DEFAULT_BACKOFF_MAX_HOURS)
    )
    # The exponent is bounded first: 2**errors of a source failing for months is huge.
    return min(poll_interval() * (2 ** min(errors, 16)), cap)


@dataclass
class PollResult:
    source_id: int
    status: int | None = None
    items: int = 0
    created: int = 0
    not_modified: bool = False
    error: str = ""

    def __str__(self):
        if self.error:
            return f"error: {self.error}"
        if self.not_modified:
            return "not modified"
        return f"{self.items} items, {self.created} new clippings"


def item_text(value: str) -> str:
    """Plain text of a feed's (possibly HTML) field, white space collapsed."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def is_article_link(link: str) -> bool:
    """Whether a feed item's link may become a clipping: an absolute http(s) address that
    fits its column (a ``javascript:`` link would be a live link in the admin and mail)."""
    if not link or len(link) > MAX_URL_LENGTH:
        return False
    parts = urlsplit(link)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def item_published(entry) -> datetime.datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    # feedparser gives UTC struct_time.
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)


def _record_error(source: Source, error: str) -> None:
    errors = source.consecutive_errors + 1
    now = timezone.now()
    Source.objects.filter(pk=source.pk).update(
        last_polled_at=now,
        consecutive_errors=errors,
        next_poll_after=now + backoff(errors),
        last_error=error[:2000],
    )


def _fetch(source: Source) -> outbound.Response:
    headers = {"Accept": ACCEPT}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return outbound.fetch(
        source.feed_url,
        headers=headers,
        allow_redirects=True,
        timeout=getattr(settings, "S6_PRESS_FEED_TIMEOUT", None),
        max_bytes=getattr(settings, "S6_PRESS_FEED_MAX_BYTES", DEFAULT_FEED_MAX_BYTES),
    )


def poll(source: Source) -> PollResult:
    """Poll ``source`` once; never raises for what the feed or the network did."""
    result = PollResult(source_id=source.pk)
    try:
        response = _fetch(source)
    except outbound.OutboundError as error:
        result.error = f"{error.__class__.__name__}: {error}"
        _record_error(source, result.error)
        logger.warning("Press review: source %s failed: %s", source.pk, result.error)
        return result
    result.status = response.status
    if response.status == 304:
        result.not_modified = True
    elif not response.ok:
        result.error = f"HTTP {response.status}"
    else:
        parsed = feedparser.parse(io.BytesIO(response.body))
        if parsed.bozo and not parsed.entries:
            result.error = f"not a feed: {parsed.get('bozo_exception', '')}"
        else:
            _collect(source, parsed.entries, result)
    if result.error:
        _record_error(source, result.error)
        logger.warning("Press review: source %s failed: %s", source.pk, result.error)
        return result
    changes = {
        "last_polled_at": timezone.now(),
        "consecutive_errors": 0,
        "next_poll_after": None,
        "last_error": "",
    }
    if not result.not_modified:
        changes["etag"] = (response.headers.get("ETag") or "")[:500]
        changes["last_modified"] = (response.headers.get("Last-Modified") or "")[:100]
    Source.objects.filter(pk=source.pk).update(**changes)
    return result


def _collect(source: Source, entries, result: PollResult) -> None:
    watches = list(Watch.objects.filter(active=True))
    for entry in entries:
        result.items += 1
        link = entry.get("link") or ""
        title = item_text(entry.get("title", ""))
        summary = item_text(entry.get("summary", ""))
        if not title or not is_article_link(link):
            continue
        matched = matching_watches(watches, title, summary)
        if not matched:
            continue
        _clipping, created = clipping_create(
            url=link,
            title=title,
            excerpt=summary[:EXCERPT_LENGTH],
            outlet=source.name,
            source=source,
            published_at=item_published(entry),
            watches=matched,
        )
        result.created += created


def due_sources():
    """The active sources whose back-off, if any, is over."""
    return Source.objects.filter(active=True).filter(
        Q(next_poll_after__isnull=True) | Q(next_poll_after__lte=timezone.now())
    )


def poll_all(sources=None) -> dict[int, PollResult]:
    """Poll every source of ``sources`` (every active one by default) now, one after the
    other; one source's failure never stops the next."""
    if sources is None:
        sources = Source.objects.filter(active=True)
    results = {}
    for source in sources:
        try:
            results[source.pk] = poll(source)
        except Exception as error:  # noqa: BLE001 - one bad source must not stop the rest
            logger.exception("Press review: source %s crashed", source.pk)
            _record_error(source, f"{error.__class__.__name__}: {error}")
            results[source.pk] = PollResult(source_id=source.pk, error=str(error))
    return results
