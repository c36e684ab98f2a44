"""What the press room page shows: every list asks the rule of its own app.

Latest press releases through the news queryset (``on_site``: the site's own and, on the
city hall's, the ones institutions share), upcoming press conferences through the events
queryset (``listed`` + ``upcoming``), and the media kit through the media app's rule of
what is public, narrowed to the shared visual-identity collection.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from site_s6.core.sites import site_index
from site_s6.events.models import EventPage
from site_s6.media.publication import public_media
from site_s6.news.models import NewsPage
from subsites.roles import VISUAL_IDENTITY_COLLECTION

LATEST_RELEASES = 5
UPCOMING_CONFERENCES = 5
MEDIA_KIT_LIMIT = 24


def media_kit():
    """Logos, photos and documents of the shared visual identity the public may reach."""
    images = public_media(
        get_image_model().objects.filter(collection__name=VISUAL_IDENTITY_COLLECTION)
    ).order_by("title")[:MEDIA_KIT_LIMIT]
    documents = public_media(
        get_document_model().objects.filter(collection__name=VISUAL_IDENTITY_COLLECTION)
    ).order_by("title")[:MEDIA_KIT_LIMIT]
    return list(images), list(documents)


def press_room_context(page, request) -> dict:
    entry = site_index().entry_for(page)
    if entry is None:
        return {}
    releases = (
        NewsPage.objects.on_site(entry.pk, page.locale_id)
        .filter(kind=NewsPage.Kind.PRESS_RELEASE)
        .newest_first()[:LATEST_RELEASES]
    )
    conferences = (
        EventPage.objects.listed([entry.pk], page.locale_id)
        .filter(event_type=EventPage.EventType.PRESS_CONFERENCE)
        .upcoming()[:UPCOMING_CONFERENCES]
    )
    images, documents = media_kit()
    return {
        "releases": list(releases),
        "conferences": list(conferences),
        "media_images": images,
        "media_documents": documents,
        "accreditation_url": page.route_url("accreditation", request),
        "subscribe_url": page.route_url("subscribe", request),
    }
