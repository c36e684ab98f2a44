"""The iCalendar feeds: each site's calendar per language, and each event's own file."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.factories import EventPageFactory

from .conftest import publish, translate

pytestmark = pytest.mark.django_db

BUCHAREST = ZoneInfo("Europe/Bucharest")
UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def events(two_sites):
    main, other = two_sites["main"], two_sites["other"]
    # Romania moves its clocks forward at 03:00 on 29 March 2026.
    before_change = EventPageFactory(
        parent=main["event_index"],
        title="Conferință înainte de ora de vară",
        start=datetime.datetime(2026, 3, 28, 10, 0, tzinfo=BUCHAREST),
        end=datetime.datetime(2026, 3, 28, 11, 30, tzinfo=BUCHAREST),
        intro="Bugetul local pe 2026.",
        venue_name="Sala de consiliu",
        venue_address="Calea Plevnei 147-149",
        latitude="44.437500",
        longitude="26.064700",
    )
    before_change.tags.add("buget")
    publish(before_change)
    after_change = EventPageFactory(
        parent=main["event_index"],
        title="Ceremonie după ora de vară",
        start=datetime.datetime(2026, 3, 29, 10, 0, tzinfo=BUCHAREST),
        end=None,
    )
    cancelled = EventPageFactory(
        parent=main["event_index"],
        title="Concert anulat",
        start=datetime.datetime(2026, 4, 2, 18, 0, tzinfo=BUCHAREST),
        status="cancelled",
    )
    postponed = EventPageFactory(
        parent=main["event_index"],
        title="Atelier amânat",
        start=datetime.datetime(2026, 4, 3, 18, 0, tzinfo=BUCHAREST),
        status="postponed",
    )
    draft = EventPageFactory(
        parent=main["event_index"],
        title="Eveniment în lucru",
        start=datetime.datetime(2026, 4, 4, 18, 0, tzinfo=BUCHAREST),
        live=False,
    )
    private = EventPageFactory(
        parent=main["event_index"],
        title="Eveniment privat",
        start=datetime.datetime(2026, 4, 5, 18, 0, tzinfo=BUCHAREST),
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    elsewhere = EventPageFactory(
        parent=other["event_index"],
        title="Eveniment DGASPC",
        start=datetime.datetime(2026, 4, 6, 18, 0, tzinfo=BUCHAREST),
    )
    english = translate(after_change, two_sites["locales"]["en"], title="Ceremony after the change")
    return {
        "before_change": before_change,
        "after_change": after_change,
        "cancelled": cancelled,
        "postponed": postponed,
        "draft": draft,
        "private": private,
        "elsewhere": elsewhere,
        "english": english,
    }


@pytest.fixture(autouse=True)
def _spring_2026(settings):
    # The calendar reaches 180 days back; these events lie in March and April 2026.
    settings.S6_CALENDAR_PAST_DAYS = 100_000


def test_calendar_lists_this_sites_live_public_events_in_this_language(client, events):
    calendar = parse(client.get("/feeds/events.ics"))

    assert set(events_of(calendar)) == {
        "Conferință înainte de ora de vară",
        "Ceremonie după ora de vară",
        "Concert anulat",
        "Atelier amânat",
    }
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["method"]) == "PUBLISH"
    assert str(calendar["x-wr-timezone"]) == "Europe/Bucharest"


def test_local_times_are_right_across_the_daylight_saving_change(client, events):
    response = client.get("/feeds/events.ics")
    calendar = parse(response)
    by_title = events_of(calendar)

    before = by_title["Conferință înainte de ora de vară"]["dtstart"].dt
    after = by_title["Ceremonie după ora de vară"]["dtstart"].dt
    assert before.astimezone(UTC) == datetime.datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    assert (before.hour, after.hour) == (10, 10)
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Bucharest:20260328T100000" in text
    assert "DTSTART;TZID=Europe/Bucharest:20260329T100000" in text
    assert "DTEND;TZID=Europe/Bucharest:20260328T113000" in text
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["tzid"]) == "Europe/Bucharest"
    # The time zone component itself gives the right offsets on either side of the change.
    tzinfo = timezone.to_tz()
    assert tzinfo.utcoffset(datetime.datetime(2026, 3, 28, 10)) == datetime.timedelta(hours=2)
    assert tzinfo.utcoffset(datetime.datetime(2026, 3, 29, 10)) == datetime.timedelta(hours=3)


def test_event_properties(client, events):
    event = events_of(parse(client.get("/feeds/events.ics")))["Conferință înainte de ora de vară"]
    page = events["before_change"]

    assert str(event["uid"]) == f"event-{page.translation_key}@localhost"
    assert str(event["description"]).startswith("Bugetul local pe 2026.")
    assert str(event["location"]) == "Sala de consiliu, Calea Plevnei 147-149"
    assert str(event["url"]) == page.get_full_url()
    assert str(event["status"]) == "CONFIRMED"
    assert (event["geo"].latitude, event["geo"].longitude) == (44.4375, 26.0647)
    assert event["last-modified"].dt == page.last_published_at.replace(microsecond=0)
    assert "buget" in [str(category) for category in event["categories"].cats]


def test_statuses(client, events):
    by_title = events_of(parse(client.get("/feeds/events.ics")))

    assert str(by_title["Concert anulat"]["status"]) == "CANCELLED"
    assert str(by_title["Atelier amânat"]["status"]) == "TENTATIVE"
    assert "geo" not in by_title["Concert anulat"]


def test_uids_are_stable_across_requests(client, events):
    first = events_of(parse(client.get("/feeds/events.ics")))
    events["after_change"].intro = "Detalii noi."
    publish(events["after_change"])
    second = events_of(parse(client.get("/feeds/events.ics")))

    assert {title: str(event["uid"]) for title, event in first.items()} == {
        title: str(event["uid"]) for title, event in second.items()
    }
    assert len({str(event["uid"]) for event in first.values()}) == len(first)


def test_english_calendar_lists_english_events(client, events):
    calendar = parse(client.get("/en/feeds/events.ics"))

    assert set(events_of(calendar)) == {"Ceremony after the change"}
    event = events_of(calendar)["Ceremony after the change"]
    assert str(event["url"]).startswith("http://localhost/en/")


def test_institution_calendar_lists_its_own_events(client, events):
    calendar = parse(client.get("/feeds/events.ics", HTTP_HOST="dgaspc.test"))

    assert set(events_of(calendar)) == {"Eveniment DGASPC"}
    assert str(events_of(calendar)["Eveniment DGASPC"]["uid"]).endswith("@dgaspc.test")


def test_events_over_before_the_cut_off_are_left_out(client, events, settings):
    settings.S6_CALENDAR_PAST_DAYS = 0

    calendar = parse(client.get("/feeds/events.ics"))

    assert events_of(calendar) == {}


def test_each_live_event_has_its_own_calendar_file(client, events):
    page = events["cancelled"]

    response = client.get(f"/events/{page.pk}.ics")

    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Concert anulat"
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == f"event-{page.translation_key}@localhost"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    assert len(calendar.walk("VTIMEZONE")) == 1


@pytest.mark.parametrize("key", ["draft", "private", "elsewhere"])
def test_no_calendar_file_for_a_draft_a_private_or_another_sites_event(client, events, key):
    assert client.get(f"/events/{events[key].pk}.ics").status_code == 404


def test_no_calendar_file_for_a_page_that_is_not_an_event(client, two_sites):
    assert client.get(f"/events/{two_sites['main']['home'].pk}.ics").status_code == 404


def test_the_other_site_serves_its_event_file(client, events):
    response = client.get(f"/events/{events['elsewhere'].pk}.ics", HTTP_HOST="dgaspc.test")

    assert response.status_code == 200


def test_event_page_links_its_calendar_file(client, events):
    page = events["before_change"]

    body = client.get(page.get_url()).content.decode()

    assert f'href="/events/{page.pk}.ics"' in body
    english = client.get(events["english"].get_url()).content.decode()
    assert f'href="/en/events/{events["english"].pk}.ics"' in english


@pytest.mark.parametrize(
    "page_id", ["0", "2147483648", "9223372036854775808", "99999999999999999999999999", "-1"]
)
def test_event_ids_no_database_holds_are_404(client, two_sites, page_id):
    assert client.get(f"/events/{page_id}.ics").status_code == 404
