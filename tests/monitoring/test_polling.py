"""Polling feeds end to end: a local server serves the feeds, ``press_monitor --once``
polls them through the outbound policy, and the clippings, the conditional requests and
the errors on the sources are checked."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from site_s6.monitoring.models import Clipping, Source, Watch
from site_s6.monitoring.polling import backoff, poll_interval
from subsites.models import Institution
from tests.monitoring.conftest import Route

pytestmark = pytest.mark.django_db

# The item writes ş and ţ with a cedilla, as older keyboards do; the watches use the
# correct comma-below letters.
MATCHING_TITLE = "PRIMĂRIA SECTORULUI 6 deschide un parc; Poliţia Locală Sector 6 asigură paza"
MATCHING_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ştiri locale</title><link>https://stiri.example/</link>
<item>
  <title>{MATCHING_TITLE}</title>
  <link>https://stiri.example/parc-nou?utm_source=rss&amp;id=7#comentarii</link>
  <description>&lt;p&gt;Parcul are 3 hectare.&lt;/p&gt;</description>
  <pubDate>Mon, 23 Nov 2026 09:30:00 +0200</pubDate>
</item>
<item>
  <title>Meteo: ninsori la munte</title>
  <link>https://stiri.example/meteo</link>
  <description>Nimic despre sectoare.</description>
</item>
</channel></rss>""".encode()

OTHER_FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Alt ziar</title>
<id>urn:alt</id><updated>2026-11-23T08:00:00Z</updated>
<entry><title>Sectorul 61 nu exista: un fals</title><id>urn:1</id>
<link href="https://alt.example/fals"/><updated>2026-11-23T08:00:00Z</updated>
<summary>Campionatul de sah din Cluj.</summary></entry>
</feed>"""

LAST_MODIFIED = "Mon, 23 Nov 2026 08:00:00 GMT"


@pytest.fixture
def sources(feed_server):
    feed_server.routes["/error.xml"] = Route(status=500, body=b"boom")
    feed_server.routes["/slow.xml"] = Route(body=OTHER_FEED, delay=2)
    feed_server.routes["/match.xml"] = Route(
        body=MATCHING_FEED, etag='"v1"', headers={"Content-Type": "application/rss+xml"}
    )
    feed_server.routes["/other.xml"] = Route(
        body=OTHER_FEED, headers={"Last-Modified": LAST_MODIFIED}
    )
    # Alphabetical, the order they are polled in: the failing ones come first.
    return {
        key: Source.objects.create(name=name, feed_url=feed_server.url(f"/{key}.xml"))
        for key, name in [
            ("error", "A broken"),
            ("slow", "B slow"),
            ("match", "C matching"),
            ("other", "D other"),
        ]
    }


@pytest.fixture
def watches():
    city_hall = Institution.objects.create(
        name="Primăria Sectorului 6", short_name="PS6", slug="ps6", kind="city_hall"
    )
    police = Institution.objects.create(
        name="Poliția Locală Sector 6", short_name="PL6", slug="pl6"
    )
    return [
        Watch.objects.create(phrase="Primăria Sectorului 6", institution=city_hall),
        Watch.objects.create(phrase="Poliția Locală Sector 6", institution=police),
        Watch.objects.create(phrase="Sectorul 6"),
        Watch.objects.create(phrase="Cluj", active=False),
    ]


def poll_once() -> str:
    out = io.StringIO()
    call_command("press_monitor", "--once", stdout=out)
    return out.getvalue()


@override_settings(S6_PRESS_FEED_TIMEOUT=0.3)
def test_polling_makes_one_clipping_then_asks_conditionally(feed_server, sources, watches):
    output = poll_once()

    clipping = Clipping.objects.get()
    assert clipping.title == MATCHING_TITLE
    assert clipping.url == "https://stiri.example/parc-nou?id=7"
    assert clipping.excerpt == "Parcul are 3 hectare."
    assert clipping.source == sources["match"]
    assert clipping.outlet == "C matching"
    assert clipping.published_at.isoformat() == "2026-11-23T07:30:00+00:00"
    assert clipping.relevant is None
    assert {watch.phrase for watch in clipping.watches.all()} == {
        "Primăria Sectorului 6",
        "Poliția Locală Sector 6",
    }
    assert {i.short_name for i in clipping.institutions.all()} == {"PS6", "PL6"}
    assert "Polled 4 sources: 1 new clippings, 2 failed." in output

    first = {key: Source.objects.get(pk=source.pk) for key, source in sources.items()}
    assert first["match"].etag == '"v1"'
    assert first["other"].last_modified == LAST_MODIFIED
    assert first["match"].last_error == first["other"].last_error == ""
    assert first["match"].last_polled_at is not None

    poll_once()

    assert Clipping.objects.count() == 1
    match_requests = feed_server.headers_of("/match.xml")
    other_requests = feed_server.headers_of("/other.xml")
    assert len(match_requests) == len(other_requests) == 2
    assert "If-None-Match" not in match_requests[0]
    assert match_requests[1]["If-None-Match"] == '"v1"'
    assert other_requests[1]["If-Modified-Since"] == LAST_MODIFIED
    assert match_requests[0]["User-Agent"].startswith("Sector6-Newsroom/")
    # A 304 keeps what the source knew.
    assert Source.objects.get(pk=sources["match"].pk).etag == '"v1"'


@override_settings(S6_PRESS_FEED_TIMEOUT=0.3)
def test_failing_feeds_are_marked_and_backed_off(feed_server, sources, watches):
    poll_once()

    broken = Source.objects.get(pk=sources["error"].pk)
    slow = Source.objects.get(pk=sources["slow"].pk)
    assert broken.last_error == "HTTP 500"
    assert slow.last_error.startswith("Timeout")
    assert broken.consecutive_errors == slow.consecutive_errors == 1
    assert broken.next_poll_after - broken.last_polled_at == backoff(1)
    assert Clipping.objects.count() == 1

    poll_once()

    broken.refresh_from_db()
    assert broken.consecutive_errors == 2
    assert broken.next_poll_after - broken.last_polled_at == backoff(2)

    feed_server.routes["/error.xml"] = Route(body=OTHER_FEED)
    poll_once()

    broken.refresh_from_db()
    assert (broken.consecutive_errors, broken.last_error, broken.next_poll_after) == (0, "", None)


def test_backoff_doubles_and_is_capped():
    assert backoff(1) == 2 * poll_interval()
    assert backoff(2) == 4 * poll_interval()
    with override_settings(S6_PRESS_BACKOFF_MAX_HOURS=3):
        assert backoff(50).total_seconds() == 3 * 3600


def test_inactive_sources_are_not_polled(feed_server, watches):
    feed_server.routes["/match.xml"] = Route(body=MATCHING_FEED)
    Source.objects.create(name="Off", feed_url=feed_server.url("/match.xml"), active=False)

    poll_once()

    assert feed_server.requests == []
    assert not Clipping.objects.exists()


@override_settings(S6_OUTBOUND_ALLOW_PRIVATE=False)
def test_loopback_feeds_are_refused_in_production(feed_server, watches):
    feed_server.routes["/match.xml"] = Route(body=MATCHING_FEED)
    source = Source.objects.create(name="Local", feed_url=feed_server.url("/match.xml"))

    poll_once()

    source.refresh_from_db()
    assert source.last_error.startswith("BlockedTarget")
    assert "loopback" in source.last_error
    assert feed_server.requests == []
    assert not Clipping.objects.exists()


def test_the_periodic_task_polls_only_sources_whose_back_off_is_over(feed_server, watches):
    from django.utils import timezone

    from site_s6.monitoring.tasks import poll_due_sources

    feed_server.routes["/match.xml"] = Route(body=MATCHING_FEED)
    feed_server.routes["/waiting.xml"] = Route(body=MATCHING_FEED)
    Source.objects.create(name="Due", feed_url=feed_server.url("/match.xml"))
    Source.objects.create(
        name="Backing off",
        feed_url=feed_server.url("/waiting.xml"),
        consecutive_errors=3,
        next_poll_after=timezone.now() + timezone.timedelta(hours=1),
    )

    # The immediate backend of the tests runs the enqueued polls at once.
    result = poll_due_sources.enqueue()

    assert result.return_value == 1
    assert [path for path, _headers in feed_server.requests] == ["/match.xml"]
    assert Clipping.objects.count() == 1


def test_items_without_an_http_link_are_not_clipped(feed_server, watches):
    feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>
    <item><title>Primăria Sectorului 6: script</title><link>javascript:alert(1)</link></item>
    <item><title>Primăria Sectorului 6: lung</title><link>https://ziar.example/{long}</link></item>
    <item><title>Primăria Sectorului 6: fără link</title></item>
    <item><title>Primăria Sectorului 6: bun</title><link>https://ziar.example/bun</link></item>
    </channel></rss>""".replace("{long}", "a" * 1200)
    feed_server.routes["/feed.xml"] = Route(body=feed.encode())
    Source.objects.create(name="Ciudat", feed_url=feed_server.url("/feed.xml"))

    poll_once()

    assert list(Clipping.objects.values_list("url", flat=True)) == ["https://ziar.example/bun"]
