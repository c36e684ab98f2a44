"""Every generated file escapes what it embeds: the RSS feed, the calendars, the page head.

Titles written before line breaks were refused, or pasted with control characters, are
stored as they are (an ``UPDATE`` bypasses validation, as legacy or imported data does);
each file is then read back with a real parser: feedparser, icalendar and html.parser.
"""

import datetime
from html.parser import HTMLParser

import feedparser
import pytest
from django.db import connection, transaction
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale, Page, Site

from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from tests.factories import EventPageFactory, NewsPageFactory, make_site

pytestmark = pytest.mark.django_db

SCRIPT = "</script><script>alert(1)</script>"
# Title, and what a single-line rendering of it shows: line breaks become spaces,
# characters no format may carry are dropped, everything else is kept as typed.
HOSTILE_TITLES = {
    "script": (SCRIPT, SCRIPT),
    "markup": ("\"quotes\" & <tags> 'apostrophes'", "\"quotes\" & <tags> 'apostrophes'"),
    "line breaks": ("Line one\nline two\r\nline three", "Line one line two line three"),
    "controls": ("Bell\x07 tab\t escape\x1b end\x7f", "Bell tab\t escape end"),
    "emoji and rtl": ("Sărbătoare 🎉🏛️ \u200fمرحبا\u202e", "Sărbătoare 🎉🏛️ \u200fمرحبا\u202e"),
    "long": ("Ș" * 255, "Ș" * 255),
}
LONG_INTRO = "Un text foarte lung. " * 500  # 10,500 characters


# PostgreSQL refuses NUL in text; SQLite stores it, so the files must cope with it there.
if connection.vendor != "postgresql":
    HOSTILE_TITLES["nul"] = ("Before\x00after", "Beforeafter")


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """One news item and one event per hostile title on ``localhost``, built once."""
    with django_db_blocker.unblock(), transaction.atomic():
        for code in ("ro", "en"):
            Locale.objects.get_or_create(language_code=code)
        Site.objects.all().delete()
        tree = make_site("localhost")
        titles = HOSTILE_TITLES
        start = timezone.now() + datetime.timedelta(days=3)
        ids = {}
        for number, (key, (title, _shown)) in enumerate(titles.items()):
            news = NewsPageFactory(
                parent=tree["news_index"],
                title=f"news {number}",
                publication_date=timezone.now() - datetime.timedelta(hours=number),
            )
            event = EventPageFactory(
                parent=tree["event_index"],
                title=f"event {number}",
                start=start + datetime.timedelta(hours=number),
                venue_name="Sala de consiliu",
            )
            event.tags.add(f"tag {number}")
            hostile_intro = f"{title}\nsecond line" if key != "long" else LONG_INTRO
            NewsPage.objects.filter(pk=news.pk).update(title=title, intro=hostile_intro)
            EventPage.objects.filter(pk=event.pk).update(
                title=title, intro=hostile_intro, venue_name=title[:200]
            )
            Page.objects.filter(pk__in=[news.pk, event.pk]).update(draft_title=title)
            ids[key] = {"news": news.pk, "event": event.pk}
        yield {"titles": titles, "ids": ids}
        transaction.set_rollback(True)


def test_the_rss_feed_is_valid_xml_with_every_title_as_typed_on_one_line(client, hostile):
    response = client.get("/feeds/news.xml")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    shown = {entry.title for entry in feed.entries}
    assert shown == {one_line for _title, one_line in hostile["titles"].values()}
    long_entry = next(entry for entry in feed.entries if entry.title == "Ș" * 255)
    assert long_entry.summary == LONG_INTRO.strip()


def test_the_subscribed_calendar_parses_with_every_title_on_one_line(client, hostile):
    response = client.get("/feeds/events.ics")

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert summaries == {one_line for _title, one_line in hostile["titles"].values()}
    assert b"\x00" not in response.content
    assert b"\x07" not in response.content


@pytest.mark.parametrize("key", HOSTILE_TITLES)
def test_each_event_file_parses_with_its_title_and_a_plain_file_name(client, hostile, key):
    _title, shown = hostile["titles"][key]
    response = client.get(f"/events/{hostile['ids'][key]['event']}.ics")

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == shown
    assert str(calendar["x-wr-calname"]) == shown
    assert str(event["location"]).startswith(shown[:200])
    # The description keeps the intro's line breaks, escaped as iCalendar requires.
    assert "second line" in str(event["description"]) or key == "long"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=")
    assert disposition.isascii() and "\n" not in disposition and "\r" not in disposition


class HeadReader(HTMLParser):
    """The ``<title>``, meta tags and script bodies of a page, as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.scripts = "", {}, []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag in ("title", "script"):
            self._in = tag
            if tag == "script":
                self.scripts.append((attrs.get("type"), ""))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "title" and not self.title:
            self.title = data
        elif self._in == "script":
            kind, body = self.scripts[-1]
            self.scripts[-1] = (kind, body + data)


@pytest.mark.parametrize("key", ["script", "markup", "emoji and rtl", "long"])
@pytest.mark.parametrize("kind", ["news", "event"])
def test_the_page_head_carries_the_title_as_text_never_as_markup(client, hostile, key, kind):
    title, _shown = hostile["titles"][key]
    page = Page.objects.get(pk=hostile["ids"][key][kind])
    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert SCRIPT not in html
    head = HeadReader()
    head.feed(html)
    assert head.title.startswith(title)
    assert head.meta["og:title"] == title
    assert head.meta["twitter:title"] == title
    assert not any("alert(1)" in body for _kind, body in head.scripts)
