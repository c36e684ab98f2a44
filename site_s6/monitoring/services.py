"""Multi-step writes of the press review: making a clipping, from a feed or by hand."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction

from .canonical import canonical_url
from .matching import matching_watches
from .metadata import fetch_metadata
from .models import Clipping, Source, Watch


def clipping_create(
    *,
    url: str,
    title: str,
    excerpt: str = "",
    outlet: str = "",
    source: Source | None = None,
    published_at: datetime.datetime | None = None,
    watches: list[Watch] | None = None,
) -> tuple[Clipping, bool]:
    """The clipping of ``url`` (canonical), made if there is none yet; with the watches
    it matched and their institutions. Returns it and whether it was made."""
    url = canonical_url(url)
    existing = Clipping.objects.filter(url=url).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            clipping = Clipping.objects.create(
                url=url,
                title=title[:500],
                excerpt=excerpt,
                outlet=outlet[:200],
                source=source,
                published_at=published_at,
            )
    except IntegrityError:
        # Another worker polling a second feed with the same article got there first.
        return Clipping.objects.get(url=url), False
    if watches:
        clipping.watches.set(watches)
        institutions = {watch.institution_id for watch in watches if watch.institution_id}
        clipping.institutions.set(institutions)
    return clipping, True


def clipping_add_by_url(*, url: str) -> tuple[Clipping, bool]:
    """The clipping of the article at ``url``, made from its page's metadata if there is
    none yet. The page is fetched through the outbound policy; the watches its title and
    description match are recorded, but a clipping added by hand is kept without any.

    Raises ``outbound.OutboundError`` or ``ValueError`` when the page cannot be read.
    """
    existing = Clipping.objects.filter(url=canonical_url(url)).first()
    if existing is not None:
        return existing, False
    metadata = fetch_metadata(url)
    title = metadata.title or url
    watches = matching_watches(Watch.objects.filter(active=True), title, metadata.description)
    source = Source.objects.filter(site_url__icontains=urlsplit(url).hostname or "-").first()
    outlet = metadata.site_name or (source.name if source else urlsplit(url).hostname or "")
    return clipping_create(
        url=url,
        title=title,
        excerpt=metadata.description[:600],
        outlet=outlet,
        source=source,
        published_at=metadata.published_at,
        watches=watches,
    )
