"""Contract tests of /api/v3/events/: sorted by start, every filter, detail."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from site_s6.core.models import ContactPerson
from tests.api.conftest import days, items, live_and_draft, publish, titles
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/events/"


def test_sorted_by_start_with_event_fields(client, tree):
    response = client.get(URL)

    assert titles(response) == ["Conferință trecută", "Eveniment curând", "Ceremonie anulată"]
    soon = items(response)[1]
    assert soon["type"] == "events.EventPage"
    assert soon["event_type"] == "public_event"
    assert soon["status"] == "scheduled"
    assert soon["site"] == "primarie.test"
    assert soon["url"] == "http://primarie.test/evenimente/eveniment-curand/"
    assert soon["translations"] == [{"locale": "en", "id": tree["en_soon"].pk}]
    assert soon["tags"] == ["cultura"]
    start = datetime.datetime.fromisoformat(soon["start"])
    assert abs(start - tree["soon"].start) < datetime.timedelta(milliseconds=1)


def test_upcoming(client, tree):
    assert titles(client.get(URL, {"upcoming": "true"})) == [
        "Eveniment curând",
        "Ceremonie anulată",
    ]
    assert titles(client.get(URL, {"upcoming": "false"})) == ["Conferință trecută"]
    for item in items(client.get(URL, {"upcoming": "true"})):
        assert datetime.datetime.fromisoformat(item["start"]) >= timezone.now()


def test_a_long_event_under_way_is_upcoming_until_it_ends(client, tree):
    """Upcoming events are found by when they are over (``COALESCE(end, start)``): one
    that started weeks ago and is still on is listed, one that ended is not."""
    EventPageFactory(
        parent=tree["main"]["event_index"],
        title="Expoziție de o lună",
        start=days(-40),
        end=days(10),
    )
    EventPageFactory(
        parent=tree["main"]["event_index"], title="Târg încheiat", start=days(-3), end=days(-1)
    )

    upcoming = titles(client.get(URL, {"upcoming": "true"}))
    past = titles(client.get(URL, {"upcoming": "false"}))

    assert upcoming[0] == "Expoziție de o lună"
    assert "Târg încheiat" not in upcoming
    assert "Târg încheiat" in past
    assert "Expoziție de o lună" not in past


def upcoming_with_bound_queries(client, **params):
    """The upcoming events' titles and the queries that looked for the earliest start of
    an event still on."""
    with CaptureQueriesContext(connection) as queries:
        answer = titles(client.get(URL, {"upcoming": "true", **params}))
    return answer, [query for query in queries if 'MIN("events_eventpage"."start")' in query["sql"]]


def test_the_earliest_open_start_is_found_once_until_an_event_is_published(client, tree):
    """Upcoming events are read from the earliest start of an event still on, found once
    per change of the content: an event under way published since then is listed."""
    first, looked_up = upcoming_with_bound_queries(client, limit=5)
    again, looked_up_again = upcoming_with_bound_queries(client, limit=6)
    assert (len(looked_up), len(looked_up_again)) == (1, 0)
    assert first == again == ["Eveniment curând", "Ceremonie anulată"]

    under_way = EventPageFactory(
        parent=tree["main"]["event_index"], title="Expoziție deschisă", start=days(-20), end=days(5)
    )
    publish(under_way)
    after, looked_up_after = upcoming_with_bound_queries(client, limit=7)

    assert len(looked_up_after) == 1
    assert after == ["Expoziție deschisă", "Eveniment curând", "Ceremonie anulată"]


def test_a_clock_set_back_reads_the_events_of_its_own_instant(client, tree):
    """The earliest open start found at a later instant does not bound an earlier one."""
    EventPageFactory(parent=tree["main"]["event_index"], title="Festival de iarnă", start=days(30))
    with time_machine.travel(days(12), tick=False):
        later = titles(client.get(URL, {"upcoming": "true", "limit": 5}))
    with time_machine.travel(timezone.now(), tick=False):
        now = titles(client.get(URL, {"upcoming": "true", "limit": 6}))

    assert later == ["Festival de iarnă"]
    assert now == ["Eveniment curând", "Ceremonie anulată", "Festival de iarnă"]


def test_event_type_and_status(client, tree):
    assert titles(client.get(URL, {"event_type": "ceremony"})) == ["Ceremonie anulată"]
    assert titles(client.get(URL, {"status": "cancelled"})) == ["Ceremonie anulată"]
    assert titles(client.get(URL, {"status": "postponed"})) == []


def test_tag(client, tree):
    assert titles(client.get(URL, {"tag": "cultura"})) == ["Eveniment curând"]


def test_starts_after_and_before_accept_dates_and_datetimes(client, tree):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    week = days(7).isoformat()

    assert titles(client.get(URL, {"starts_after": tomorrow})) == [
        "Eveniment curând",
        "Ceremonie anulată",
    ]
    assert titles(client.get(URL, {"starts_before": tomorrow})) == ["Conferință trecută"]
    assert titles(client.get(URL, {"starts_after": tomorrow, "starts_before": week})) == [
        "Eveniment curând"
    ]
    # A naive date and time is Bucharest time.
    naive = timezone.localtime(days(5)).replace(tzinfo=None).isoformat(timespec="seconds")
    assert titles(client.get(URL, {"starts_before": naive, "starts_after": tomorrow})) == [
        "Eveniment curând"
    ]


def test_locale_and_site(client, tree):
    assert titles(client.get(URL, {"locale": "en"})) == ["Event soon"]
    assert titles(client.get(URL, {"site": "dgaspc.test"})) == ["Eveniment DGASPC"]


def test_limit_and_offset(client, tree):
    body = client.get(URL, {"limit": 1, "offset": 1}).json()

    assert body["count"] == 3
    assert [item["title"] for item in body["items"]] == ["Eveniment curând"]


def test_detail(client, tree):
    soon = tree["soon"]
    soon.speakers.create(name="Ana Popescu", role="Primar")
    soon.save_revision().publish()

    body = client.get(f"{URL}{soon.pk}/").json()

    assert body["id"] == soon.pk
    assert body["speakers"] == [{"name": "Ana Popescu", "role": "Primar"}]
    assert body["related_campaign"] is None
    assert client.get(f"{URL}{tree['dgaspc_event'].pk}/").status_code == 404
    assert (
        client.get(f"{URL}{tree['dgaspc_event'].pk}/", {"site": "dgaspc.test"}).status_code == 200
    )


def test_an_event_read_as_a_row_answers_as_the_page_instance_does(client, tree):
    # The live detail is read as one row (site_s6.api.details); a preview builds the same
    # shape from a page instance.
    soon = tree["soon"].specific
    for order, name in [(1, "Viceprimar"), (0, "Primar"), (2, "Director")]:
        soon.speakers.create(name=name, role=f"rol {order}", sort_order=order)
    soon.contact_person = ContactPerson.objects.create(name="Ana Popescu", phone="021 000")
    soon.related_campaign = tree["active"]
    soon.image = tree["image"]
    soon.latitude, soon.longitude = Decimal("44.4268"), Decimal("26.0345")
    revision = soon.save_revision()
    revision.publish()

    times = ["start", "end", "accreditation_deadline"]
    body, draft = live_and_draft(client, f"{URL}{soon.pk}/", revision, times)

    assert body == draft
    assert [speaker["name"] for speaker in body["speakers"]] == ["Primar", "Viceprimar", "Director"]
    assert body["contact_person"]["phone"] == "021 000"
    assert body["related_campaign"]["id"] == tree["active"].pk
    assert body["image"]["id"] == tree["image"].pk
    assert (body["latitude"], body["longitude"]) == (44.4268, 26.0345)
