"""The RSS 2.0 news feed of each site and language: ``/feeds/news.xml``, ``/en/feeds/news.xml``.

And the press releases alone, for newsrooms that take releases only:
``/feeds/press-releases.xml``, ``/en/feeds/press-releases.xml``.

Built on Django's syndication framework. A feed lists the newest live, public news of the
requesting site in the language of the address, and on the city hall's site also the
news institutions syndicate to it, each linking to its page on its own site.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, Site

from site_s6.core.models import BrandingSettings
from site_s6.core.renditions import RENDITION_SPECS
from site_s6.core.sites import locale_root, serving_site
from site_s6.core.text import one_line, printable

from .models import NewsPage
from .sharing import label_shared

FEED_LENGTH = 30
ENCLOSURE_SPEC = RENDITION_SPECS["og"]
ENCLOSURE_MIME_TYPE = "image/jpeg"


@dataclass
class FeedSource:
    """What one request's feed is about: a site, its home in one language, the request."""

    site: Site
    root: Page
    request: object

    @property
    def site_name(self) -> str:
        branding = BrandingSettings.for_site(self.site)
        return branding.full_name or self.site.site_name or self.site.hostname


def feed_news(site: Site, root: Page, kind: str | None = None) -> list[NewsPage]:
    """The newest live, public news under ``root``, with the news syndicated to ``site``.

    At most :data:`FEED_LENGTH`, newest first, of one ``kind`` when given; tags and
    enclosure renditions prefetched.
    """
    news = NewsPage.objects.on_site(site.pk, root.locale_id)
    if kind:
        news = news.filter(kind=kind)
    images = get_image_model().objects.prefetch_renditions(ENCLOSURE_SPEC)
    news = news.order_by("-publication_date", "-pk").prefetch_related(
        "tags", Prefetch("image", queryset=images)
    )
    return list(news[:FEED_LENGTH])


def enclosure_for(image, request) -> Enclosure:
    """The feed enclosure of ``image``: its JPEG sharing rendition, with an absolute URL."""
    rendition = get_rendition_or_not_found(image, ENCLOSURE_SPEC)
    try:
        length = rendition.file.size
    except (OSError, ValueError):
        # RSS requires a length; 0 is the customary "unknown" when storage cannot say.
        length = 0
    return Enclosure(
        url=request.build_absolute_uri(rendition.url),
        length=str(length),
        mime_type=ENCLOSURE_MIME_TYPE,
    )


# Single-line values of a feed and of its items; the others keep their line breaks.
ONE_LINE_KEYS = ("title", "author_name", "categories")


def _printable(key: str, value):
    clean = one_line if key in ONE_LINE_KEYS else printable
    if isinstance(value, str):
        return clean(value)
    if key == "categories" and value:
        return [clean(str(category)) for category in value]
    return value


class PrintableRss201rev2Feed(Rss201rev2Feed):
    """RSS 2.0 without the characters XML 1.0 forbids.

    A control character typed or pasted into a title or an intro would otherwise make
    Django's XML writer refuse the whole feed; titles and categories are also put on one
    line. ``<``, ``>`` and ``&`` need nothing here: the XML writer escapes them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = {key: _printable(key, value) for key, value in self.feed.items()}

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = {key: _printable(key, value) for key, value in self.items[-1].items()}


class NewsFeed(Feed):
    """RSS 2.0 news of the requesting site, in the language of the address."""

    feed_type = PrintableRss201rev2Feed
    item_guid_is_permalink = False
    #: Only news of this kind (``NewsPage.Kind``); every kind when ``None``.
    kind = None

    def get_object(self, request):
        site = serving_site(request)
        return FeedSource(site=site, root=locale_root(site), request=request)

    def title(self, source):
        return _("%(site)s: news") % {"site": source.site_name}

    def description(self, source):
        return _("The latest news and press releases of %(site)s.") % {"site": source.site_name}

    def link(self, source):
        return source.root.get_full_url(source.request)

    def feed_url(self, source):
        return source.request.build_absolute_uri()

    def items(self, source):
        news = feed_news(source.site, source.root, self.kind)
        news = label_shared(news, site_id=source.site.pk, request=source.request)
        language = source.root.locale.language_code
        # Item methods get only the item: what they need from the request is put on it here.
        for item in news:
            item.feed_link = item.get_full_url(source.request)
            item.feed_guid = f"news-{item.translation_key}-{language}@{source.site.hostname}"
            item.feed_enclosures = [enclosure_for(item.image, source.request)] if item.image else []
        return news

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.lead

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_guid

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_author_name(self, item):
        # Syndicated news names the institution that wrote it.
        return getattr(item, "syndicated_from", None)

    def item_enclosures(self, item):
        return item.feed_enclosures


class PressReleasesFeed(NewsFeed):
    """The press releases of the requesting site alone, otherwise the news feed."""

    kind = NewsPage.Kind.PRESS_RELEASE

    def title(self, source):
        return _("%(site)s: press releases") % {"site": source.site_name}

    def description(self, source):
        return _("The latest press releases of %(site)s.") % {"site": source.site_name}


news_feed = NewsFeed()
press_releases_feed = PressReleasesFeed()
