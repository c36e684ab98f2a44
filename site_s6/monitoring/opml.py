"""OPML, the feed readers' list of feeds: sources in and out.

Parsed with ``defusedxml`` (the standard library's ElementTree API, with entity expansion
and external entities refused), since an OPML file comes from outside. Every
``<outline>`` with an ``xmlUrl`` is a source, however deeply nested in folders; a feed
URL already known updates that source (name, site, active again) instead of adding one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET  # noqa: S405 - only to write, never to parse
from dataclasses import dataclass, field

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Source

#: Outline types feed readers write for a feed; an outline with ``xmlUrl`` and no type
#: counts too.
FEED_TYPES = {"", "rss", "atom", "feed"}
#: An OPML file larger than this is refused before parsing.
MAX_OPML_BYTES = 2 * 1024 * 1024


class OPMLError(ValueError):
    """The file is not an OPML document this product can read."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def __str__(self):
        return _("%(created)d added, %(updated)d updated, %(skipped)d skipped") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "skipped": len(self.skipped),
        }


def parse_opml(data: bytes) -> list[dict]:
    """The feeds of an OPML document: ``{"name", "feed_url", "site_url"}`` each."""
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(_("The OPML file is larger than 2 MB."))
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise OPMLError(
            _("This is not a readable OPML file: %(error)s") % {"error": error}
        ) from None
    if root.tag.lower() != "opml":
        raise OPMLError(_("This is not an OPML file (its root is not <opml>)."))
    feeds = []
    for outline in root.iter("outline"):
        feed_url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not feed_url or (outline.get("type") or "").lower() not in FEED_TYPES:
            continue
        name = (outline.get("title") or outline.get("text") or feed_url).strip()
        feeds.append(
            {
                "name": " ".join(name.split())[:200],
                "feed_url": feed_url,
                "site_url": (outline.get("htmlUrl") or "").strip(),
            }
        )
    return feeds


def import_opml(data: bytes) -> ImportReport:
    """Add or update a source for each feed of the OPML ``data``; the sources it names
    are active."""
    report = ImportReport()
    check_url = URLValidator(schemes=["http", "https"])
    for feed in parse_opml(data):
        try:
            check_url(feed["feed_url"])
            if feed["site_url"]:
                check_url(feed["site_url"])
        except ValidationError:
            report.skipped.append(feed["feed_url"])
            continue
        source, created = Source.objects.update_or_create(
            feed_url=feed["feed_url"],
            defaults={"name": feed["name"], "site_url": feed["site_url"], "active": True},
        )
        (report.created if created else report.updated).append(source.feed_url)
    return report


def export_opml(sources=None) -> bytes:
    """An OPML 2.0 document of ``sources`` (every source by default)."""
    if sources is None:
        sources = Source.objects.order_by("name")
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "Sector 6 Newsroom: press review sources"
    ET.SubElement(head, "dateCreated").text = timezone.now().strftime("%a, %d %b %Y %H:%M:%S %z")
    body = ET.SubElement(root, "body")
    for source in sources:
        attributes = {"type": "rss", "text": source.name, "title": source.name}
        attributes["xmlUrl"] = source.feed_url
        if source.site_url:
            attributes["htmlUrl"] = source.site_url
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
