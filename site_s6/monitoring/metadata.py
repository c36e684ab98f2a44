"""A page's title, description and publication date, read from its metadata.

Most news sites describe an article three ways; the first found wins, in this order:
Open Graph (``og:title``, ``og:description``, ``article:published_time``), JSON-LD
(``headline``, ``description``, ``datePublished`` of an Article or NewsArticle), then
``<title>`` and ``<meta name="description">``. Parsed with the standard library's
``html.parser``: tolerant of broken markup, and it never fetches anything.
"""

from __future__ import annotations

import datetime
import html
import json
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from site_s6.core import outbound

ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage"}
#: Bytes of a page read at most: the metadata is in the head.
PAGE_MAX_BYTES = 1024 * 1024


@dataclass
class PageMetadata:
    url: str
    title: str = ""
    description: str = ""
    published_at: datetime.datetime | None = None
    site_name: str = ""


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.canonical = ""
        self.title = ""
        self._in_title = False
        self._in_json_ld = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            key = (
                attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
            ).lower()
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"].strip())
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs.get("href", "").strip()
        elif tag == "title" and not self.title:
            self._in_title, self._buffer = True, []
        elif tag == "script" and attrs.get("type", "").lower() == "application/ld+json":
            self._in_json_ld, self._buffer = True, []

    def handle_endtag(self, tag):
        if tag == "title" and self._in_title:
            self.title = " ".join("".join(self._buffer).split())
            self._in_title = False
        elif tag == "script" and self._in_json_ld:
            self.json_ld.append("".join(self._buffer))
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_title or self._in_json_ld:
            self._buffer.append(data)


def _parse_when(value: str) -> datetime.datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value[:10])) is not None:
            moment = datetime.datetime.combine(day, datetime.time(12))
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _articles(node):
    """The JSON-LD objects of an article type in ``node`` (a list, a graph, an object)."""
    if isinstance(node, list):
        for item in node:
            yield from _articles(item)
    elif isinstance(node, dict):
        types = node.get("@type", "")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(kind, str) and kind.lower() in ARTICLE_TYPES for kind in types):
            yield node
        if "@graph" in node:
            yield from _articles(node["@graph"])


def parse_metadata(url: str, document: str) -> PageMetadata:
    """The metadata of the HTML ``document`` found at ``url``."""
    parser = _MetaParser()
    parser.feed(document)
    parser.close()
    meta = parser.meta
    found = PageMetadata(url=meta.get("og:url") or parser.canonical or url)
    article = {}
    for block in parser.json_ld:
        try:
            article = next(_articles(json.loads(block)), {})
        except ValueError:
            continue
        if article:
            break

    def text(value):
        return " ".join(html.unescape(str(value or "")).split())

    found.title = text(
        meta.get("og:title") or article.get("headline") or meta.get("twitter:title") or parser.title
    )
    found.description = text(
        meta.get("og:description")
        or article.get("description")
        or meta.get("description")
        or meta.get("twitter:description")
    )
    found.published_at = (
        _parse_when(meta.get("article:published_time", ""))
        or _parse_when(str(article.get("datePublished", "")))
        or _parse_when(meta.get("date", "") or meta.get("pubdate", ""))
    )
    found.site_name = text(meta.get("og:site_name"))
    return found


def fetch_metadata(url: str) -> PageMetadata:
    """Fetch ``url`` through the outbound policy and read its metadata.

    Raises ``outbound.OutboundError`` (or a subclass) when the page cannot be had, and
    ``ValueError`` when it answers with an error status.
    """
    response = outbound.fetch(url, allow_redirects=True, max_bytes=PAGE_MAX_BYTES, truncate=True)
    if not response.ok:
        raise ValueError(f"HTTP {response.status}")
    charset = "utf-8"
    content_type = response.headers.get("Content-Type", "")
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or charset
    try:
        document = response.body.decode(charset, errors="replace")
    except LookupError:
        document = response.body.decode("utf-8", errors="replace")
    return parse_metadata(url, document)
