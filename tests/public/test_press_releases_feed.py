"""The press releases feed, the visible feed links and the plain-words search labels."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from django.utils.translation import override

from site_s6.campaigns.models import CampaignPage
from site_s6.events.models import EventPage
from site_s6.home.models import HomePage
from site_s6.news.models import NewsIndexPage, NewsPage
from site_s6.protocol.models import ProtocolVisitPage
from tests.factories import EventPageFactory, NewsPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db
RELEASE = NewsPage.Kind.PRESS_RELEASE


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def news(two_sites):
    main, other = two_sites["main"], two_sites["other"]
    release = NewsPageFactory(
        parent=main["news_index"],
        title="Comunicat buget",
        kind=RELEASE,
        publication_date=days_ago(2),
    )
    NewsPageFactory(
        parent=main["news_index"], title="Știre obișnuită", publication_date=days_ago(1)
    )
    NewsPageFactory(
        parent=main["news_index"],
        title="Anunț",
        kind=NewsPage.Kind.ANNOUNCEMENT,
        publication_date=days_ago(3),
    )
    shared_release = NewsPageFactory(
        parent=other["news_index"],
        title="Comunicat DGASPC",
        kind=RELEASE,
        syndicate_to_main_site=True,
        publication_date=days_ago(4),
    )
    english = translate(release, two_sites["locales"]["en"], title="Budget release")
    return {"release": release, "shared_release": shared_release, "english": english}


def test_the_press_releases_feed_lists_only_releases_syndicated_ones_included(client, news):
    feed = parse(client.get("/feeds/press-releases.xml"))

    assert [entry.title for entry in feed.entries] == ["Comunicat buget", "Comunicat DGASPC"]
    assert feed.entries[1].link == news["shared_release"].get_full_url()
    assert "press releases" in feed.feed.title or "comunicate" in feed.feed.title.lower()
    # The news feed still carries every kind.
    news_feed = parse(client.get("/feeds/news.xml"))
    assert len(news_feed.entries) == 4


def test_the_english_press_releases_feed_lists_english_releases(client, news):
    feed = parse(client.get("/en/feeds/press-releases.xml"))

    assert [entry.title for entry in feed.entries] == ["Budget release"]
    assert feed.feed.language == "en"


def test_pages_link_the_press_releases_feed_in_the_head(client, news):
    body = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in body
    assert 'href="/feeds/press-releases.xml"' in body
    english = client.get(news["english"].url).content.decode()
    assert 'href="/en/feeds/press-releases.xml"' in english


def feed_links(html: str) -> str:
    start = html.index('<ul class="feed-links">')
    return html[start : html.index("</ul>", start)]


def test_the_news_index_shows_its_feeds(client, two_sites, news):
    links = feed_links(client.get(two_sites["main"]["news_index"].url).content.decode())
    assert 'href="/feeds/news.xml"' in links
    assert 'href="/feeds/press-releases.xml"' in links


def test_the_events_index_shows_its_calendar(client, two_sites):
    links = feed_links(client.get(two_sites["main"]["event_index"].url).content.decode())
    assert 'href="/feeds/events.ics"' in links
    english = client.get(two_sites["en"]["event_index"].url).content.decode()
    assert 'href="/en/feeds/events.ics"' in feed_links(english)


@pytest.mark.parametrize(
    ("model", "label"),
    [
        (NewsPage, "News item"),
        (EventPage, "Event"),
        (CampaignPage, "Campaign"),
        (ProtocolVisitPage, "Official visit"),
        (HomePage, "Home"),
        (NewsIndexPage, "Section"),
    ],
)
def test_each_page_type_has_a_plain_words_label(model, label):
    with override("en"):
        assert str(model.get_public_label()) == label
        assert str(model.get_public_label()) != str(model.get_verbose_name())


def test_search_results_are_labelled_in_plain_words(client, two_sites):
    index = two_sites["main"]
    NewsPageFactory(parent=index["news_index"], title="Bugetul participativ")
    EventPageFactory(parent=index["event_index"], title="Dezbatere bugetul participativ")
    with override("ro"):
        expected = {str(NewsPage.get_public_label()), str(EventPage.get_public_label())}
        verbose = {str(NewsPage.get_verbose_name()), str(EventPage.get_verbose_name())}

    body = client.get("/search/", {"q": "bugetul participativ"}).content.decode()
    badges = {part.split("</span>")[0] for part in body.split('<span class="badge">')[1:]}
    assert expected <= badges
    assert not badges & verbose
