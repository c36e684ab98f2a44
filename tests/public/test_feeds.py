"""The RSS news feed of each site and language, read with a real feed parser."""

import datetime

import feedparser
import pytest
import wagtail_factories
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory

from .conftest import publish, translate

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.fixture
def news(two_sites):
    main, other = two_sites["main"], two_sites["other"]
    image = wagtail_factories.ImageFactory(title="Parcul")
    older = NewsPageFactory(
        parent=main["news_index"],
        title="Parcul & piața se redeschid",
        intro="Lucrările s-au încheiat.",
        publication_date=days_ago(3),
        image=image,
    )
    older.tags.add("parcuri", "mediu")
    publish(older)
    newer = NewsPageFactory(
        parent=main["news_index"],
        title="Știre nouă",
        lead="Lead nou.",
        publication_date=days_ago(1),
    )
    NewsPageFactory(parent=main["news_index"], title="Ciornă", live=False)
    restricted = NewsPageFactory(parent=main["news_index"], title="Știre privată")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    shared = NewsPageFactory(
        parent=other["news_index"],
        title="DGASPC partajată",
        syndicate_to_main_site=True,
        publication_date=days_ago(2),
    )
    own = NewsPageFactory(
        parent=other["news_index"], title="DGASPC proprie", publication_date=days_ago(4)
    )
    english = translate(newer, two_sites["locales"]["en"], title="Fresh news")
    return {
        "older": older,
        "newer": newer,
        "shared": shared,
        "own": own,
        "english": english,
        "image": image,
    }


def test_romanian_feed_lists_live_public_news_newest_first(client, news):
    feed = parse(client.get("/feeds/news.xml"))

    assert titles(feed) == ["Știre nouă", "DGASPC partajată", "Parcul & piața se redeschid"]
    assert feed.feed.language == "ro"


def test_main_site_feed_carries_syndicated_news_linking_to_its_own_site(client, news):
    feed = parse(client.get("/feeds/news.xml"))

    shared = next(entry for entry in feed.entries if entry.title == "DGASPC partajată")
    assert shared.link == news["shared"].get_full_url()
    assert shared.link.startswith("http://dgaspc.test/")
    assert shared.author == "DGASPC"


def test_item_fields(client, news):
    feed = parse(client.get("/feeds/news.xml"))

    entry = next(entry for entry in feed.entries if entry.title.startswith("Parcul"))
    assert entry.link == "http://localhost/stiri/parcul-piata-se-redeschid/"
    assert entry.summary == "Lucrările s-au încheiat."
    assert {tag.term for tag in entry.tags} == {"parcuri", "mediu"}
    assert entry.published_parsed is not None
    assert datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC) == news[
        "older"
    ].publication_date.replace(microsecond=0)
    assert entry.id == f"news-{news['older'].translation_key}-ro@localhost"
    assert entry.guidislink is False
    [enclosure] = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert enclosure.href.endswith(".jpg")
    assert int(enclosure.length) > 0
    # The lead stands in for a missing introduction.
    newer = next(entry for entry in feed.entries if entry.title == "Știre nouă")
    assert newer.summary == "Lead nou."


def test_english_feed_lists_english_news_only(client, news):
    feed = parse(client.get("/en/feeds/news.xml"))

    assert titles(feed) == ["Fresh news"]
    assert feed.feed.language == "en"
    assert feed.entries[0].link == news["english"].get_full_url()
    assert feed.entries[0].link.startswith("http://localhost/en/")
    assert feed.entries[0].id != f"news-{news['newer'].translation_key}-ro@localhost"


def test_institution_feed_lists_its_own_news_and_nothing_from_other_sites(client, news):
    feed = parse(client.get("/feeds/news.xml", HTTP_HOST="dgaspc.test"))

    assert titles(feed) == ["DGASPC partajată", "DGASPC proprie"]


def test_feed_holds_at_most_thirty_items(client, two_sites):
    for number in range(32):
        NewsPageFactory(
            parent=two_sites["main"]["news_index"],
            title=f"Știre {number:02d}",
            publication_date=days_ago(number + 1),
        )

    feed = parse(client.get("/feeds/news.xml"))

    assert len(feed.entries) == 30
    assert feed.entries[0].title == "Știre 00"
    assert feed.entries[-1].title == "Știre 29"


def test_unpublished_news_leaves_the_feed(client, news):
    news["newer"].unpublish()

    feed = parse(client.get("/feeds/news.xml"))

    assert "Știre nouă" not in titles(feed)


def test_inactive_institution_serves_no_feed(client, news):
    from subsites.models import Institution

    # As the admin does it: saving the institution retires the index of sites.
    institution = Institution.objects.get(slug="dgaspc")
    institution.is_active = False
    institution.save()

    assert client.get("/feeds/news.xml", HTTP_HOST="dgaspc.test").status_code == 404
    assert "DGASPC partajată" not in titles(parse(client.get("/feeds/news.xml")))


def test_pages_link_the_feeds(client, news):
    body = client.get("/").content.decode()

    assert 'type="application/rss+xml"' in body
    assert 'href="/feeds/news.xml"' in body
    assert 'href="/feeds/events.ics"' in body
    english = client.get(news["english"].url).content.decode()
    assert 'href="/en/feeds/news.xml"' in english
