import datetime

import pytest
import wagtail_factories
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, streamfield

from site_s6.events.models import EventIndexPage, EventPage
from site_s6.home.models import HomePage
from tests.factories import CampaignPageFactory
from tests.page_admin import (
    PAGE_NOT_CREATED,
    edit_page_url,
    field_errors,
    in_language,
    log_in_in_english,
    publish_new_page,
)

UTC = datetime.UTC


class TestEventTree(WagtailPageTestCase):
    def test_event_index_lives_under_home_and_holds_events(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_event_page_is_a_leaf_under_the_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())


def test_one_event_index_per_home(site_tree):
    assert not EventIndexPage.can_create_at(site_tree["home"])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def event_fields(**fields) -> dict:
    return {
        "title": "Conferință de presă: bugetul 2026",
        "event_type": "press_conference",
        "start": "2026-04-15 11:00",
        "end": "2026-04-15 12:00",
        "status": "scheduled",
        "venue_name": "Sala de consiliu",
        "venue_address": "Calea Plevnei 147-149, București",
        "latitude": "",
        "longitude": "",
        "stream_url": "",
        "accreditation_deadline": "",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "tags": "",
        **fields,
    }


def test_admin_creates_event_index(admin_client, site_tree):
    site_tree["event_index"].delete()

    response = publish_new_page(
        admin_client, EventIndexPage, site_tree["home"], {"title": "Evenimente"}
    )

    assert response.status_code == 302
    assert EventIndexPage.objects.child_of(site_tree["home"]).get().live


def test_admin_creates_and_publishes_event_with_everything(admin_client, site_tree):
    image = wagtail_factories.ImageFactory(title="Sala", file=get_test_image_file())
    campaign = CampaignPageFactory(parent=site_tree["campaign_index"], title="Bugetul explicat")
    fields = event_fields(
        latitude="44.435500",
        longitude="26.015500",
        stream_url="https://www.youtube.com/@primaria6/live",
        accreditation_required="on",
        accreditation_deadline="2026-04-14 16:00",
        body=streamfield(
            [("image", {"image": image.pk, "alt_text": "Sala de consiliu goală", "caption": ""})]
        ),
        speakers=inline_formset(
            [
                {"name": "Ion Ionescu", "role": "Primar"},
                {"name": "Maria Pop", "role": "Director economic"},
            ]
        ),
        tags="buget, presă",
        related_campaign=campaign.pk,
    )

    response = publish_new_page(admin_client, EventPage, site_tree["event_index"], fields)

    assert response.status_code == 302
    page = EventPage.objects.get()
    assert page.live
    assert page.slug == "conferinta-de-presa-bugetul-2026"
    assert page.event_type == EventPage.EventType.PRESS_CONFERENCE
    assert page.status == EventPage.Status.SCHEDULED
    assert page.start == datetime.datetime(2026, 4, 15, 8, 0, tzinfo=UTC)
    assert page.end == datetime.datetime(2026, 4, 15, 9, 0, tzinfo=UTC)
    assert (page.venue_name, page.venue_address) == (
        "Sala de consiliu",
        "Calea Plevnei 147-149, București",
    )
    assert (str(page.latitude), str(page.longitude)) == ("44.435500", "26.015500")
    assert page.stream_url == "https://www.youtube.com/@primaria6/live"
    assert page.accreditation_required
    assert page.accreditation_deadline == datetime.datetime(2026, 4, 14, 13, 0, tzinfo=UTC)
    [image_block] = page.body
    assert image_block.value["image"] == image
    assert image_block.value["alt_text"] == "Sala de consiliu goală"
    assert [(s.name, s.role) for s in page.speakers.all()] == [
        ("Ion Ionescu", "Primar"),
        ("Maria Pop", "Director economic"),
    ]
    assert sorted(page.tags.names()) == ["buget", "presă"]
    assert page.related_campaign.specific == campaign


@pytest.mark.parametrize(
    ("start", "expected_utc"),
    [
        # Romania moves to summer time (UTC+3) at 03:00 on the last Sunday of March.
        ("2026-03-29 10:00", datetime.datetime(2026, 3, 29, 7, 0, tzinfo=UTC)),
        ("2026-03-28 10:00", datetime.datetime(2026, 3, 28, 8, 0, tzinfo=UTC)),
        # And back to winter time (UTC+2) on the last Sunday of October.
        ("2026-10-25 10:00", datetime.datetime(2026, 10, 25, 8, 0, tzinfo=UTC)),
    ],
)
def test_admin_times_are_bucharest_time_stored_in_utc(admin_client, site_tree, start, expected_utc):
    response = publish_new_page(
        admin_client, EventPage, site_tree["event_index"], event_fields(start=start, end="")
    )

    assert response.status_code == 302
    page = EventPage.objects.get()
    assert page.start == expected_utc
    assert page.start.utcoffset() == datetime.timedelta(0)
    assert timezone.localtime(page.start).strftime("%Y-%m-%d %H:%M") == start
    # The editor sees again the Bucharest time they typed.
    edit_form = admin_client.get(edit_page_url(page)).content.decode()
    assert f'value="{start}"' in edit_form


INVALID_EVENTS = {
    "end before start": (
        {"start": "2026-04-15 11:00", "end": "2026-04-15 10:59"},
        "end",
        "The end cannot be before the start.",
    ),
    "deadline at the start": (
        {"accreditation_required": "on", "accreditation_deadline": "2026-04-15 11:00"},
        "accreditation_deadline",
        "The accreditation deadline must be before the event.",
    ),
    "deadline after the start": (
        {"accreditation_deadline": "2026-04-16 09:00"},
        "accreditation_deadline",
        "The accreditation deadline must be before the event.",
    ),
    "accreditation without deadline": (
        {"accreditation_required": "on", "accreditation_deadline": ""},
        "accreditation_deadline",
        "Set a deadline when accreditation is required.",
    ),
    "latitude only": (
        {"latitude": "44.4355", "longitude": ""},
        "longitude",
        "Give both coordinates or neither.",
    ),
    "longitude only": (
        {"latitude": "", "longitude": "26.0155"},
        "latitude",
        "Give both coordinates or neither.",
    ),
}


@pytest.mark.parametrize(
    ("fields", "field", "message"), INVALID_EVENTS.values(), ids=INVALID_EVENTS
)
def test_admin_refuses_invalid_event_in_english(client, site_tree, fields, field, message):
    response = publish_new_page(
        log_in_in_english(client),
        EventPage,
        site_tree["event_index"],
        event_fields(**fields),
        # The editor's own admin language wins over what the browser asks for.
        HTTP_ACCEPT_LANGUAGE="ro",
    )

    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    content = response.content.decode()
    assert in_language("en", PAGE_NOT_CREATED) in content
    assert message in content
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"), INVALID_EVENTS.values(), ids=INVALID_EVENTS
)
def test_admin_refuses_invalid_event_in_romanian(admin_client, site_tree, fields, field, message):
    response = publish_new_page(
        admin_client, EventPage, site_tree["event_index"], event_fields(**fields)
    )

    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    content = response.content.decode()
    # Romanian is the admin's default language: Wagtail's own message proves it.
    assert in_language("ro", PAGE_NOT_CREATED) != PAGE_NOT_CREATED
    assert in_language("ro", PAGE_NOT_CREATED) in content
    assert in_language("ro", message) in content
    assert not EventPage.objects.exists()


def test_is_cancelled_follows_the_status(site_tree):
    page = EventPage(title="Ceremonie", start=timezone.now(), status=EventPage.Status.CANCELLED)

    assert page.is_cancelled
    page.status = EventPage.Status.POSTPONED
    assert not page.is_cancelled
