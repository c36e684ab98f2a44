"""What wagtail-localize translates and what it synchronises, per model.

Text is translated; dates, choices, numbers, coordinates, addresses of the web, images,
links to pages and the inline rows (speakers, members, photos, attachments, materials:
not translatable models) are synchronised from the Romanian source. A new field fails
this test until someone decides which of the two it is.
"""

import datetime
from decimal import Decimal

import pytest
import wagtail_factories
from django.apps import apps
from django.utils import timezone
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from site_s6.core.models import ContactPerson
from site_s6.events.models import EventPage
from tests.factories import EventPageFactory, NewsPageFactory

from .conftest import translate

PAGE_TEXT = {"title", "slug", "seo_title", "search_description", "intro"}
PAGE_SYNCHRONISED = {"show_in_menus", "image"}
TAGS = {"tags", "tagged_items"}

EXPECTED = {
    "home.HomePage": (
        PAGE_TEXT | {"hero_title", "hero_text"},
        PAGE_SYNCHRONISED | {"hero_image", "featured_items"},
    ),
    "news.NewsIndexPage": (PAGE_TEXT, PAGE_SYNCHRONISED),
    "news.NewsPage": (
        # The contact person is a translatable snippet: the translation links to its
        # English version.
        PAGE_TEXT | {"lead", "body", "contact_person"},
        PAGE_SYNCHRONISED
        | TAGS
        | {
            "kind",
            "publication_date",
            "related_campaign",
            "syndicate_to_main_site",
            "gallery_images",
            "attachments",
        },
    ),
    "events.EventIndexPage": (PAGE_TEXT, PAGE_SYNCHRONISED),
    "events.EventPage": (
        # The contact person links to its English version, as on news.
        PAGE_TEXT | {"venue_name", "venue_address", "body", "contact_person"},
        PAGE_SYNCHRONISED
        | TAGS
        | {
            "event_type",
            "start",
            "end",
            "status",
            "latitude",
            "longitude",
            "stream_url",
            "accreditation_required",
            "accreditation_deadline",
            "related_campaign",
            "speakers",
        },
    ),
    "campaigns.CampaignIndexPage": (PAGE_TEXT, PAGE_SYNCHRONISED),
    "campaigns.CampaignPage": (
        PAGE_TEXT | {"key_messages", "body"},
        PAGE_SYNCHRONISED | TAGS | {"start_date", "end_date", "status_override", "materials"},
    ),
    "protocol.ProtocolIndexPage": (PAGE_TEXT, PAGE_SYNCHRONISED),
    "protocol.ProtocolVisitPage": (
        PAGE_TEXT | {"delegation_name", "city", "organisation", "hosts", "summary", "agenda"},
        PAGE_SYNCHRONISED
        | TAGS
        | {"scope", "country", "visit_start", "visit_end", "members", "photos"},
    ),
    # The press room's own text is its intro; what it lists comes from elsewhere.
    "press.PressRoomPage": (PAGE_TEXT, PAGE_SYNCHRONISED),
    # A person's name and phone number stay as they are, and so does the site whose
    # editors keep the contact; the role is translated.
    "core.ContactPerson": ({"role"}, {"name", "email", "phone", "site"}),
}


def split(model) -> tuple[set[str], set[str]]:
    fields = get_translatable_fields(model)
    translated = {f.field_name for f in fields if isinstance(f, TranslatableField)}
    synchronised = {f.field_name for f in fields if isinstance(f, SynchronizedField)}
    return translated, synchronised


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_text_is_translated_and_everything_else_synchronised(label):
    translated, synchronised = split(apps.get_model(label))

    assert (translated, synchronised) == EXPECTED[label]


def test_every_page_type_and_translatable_snippet_is_covered():
    from wagtail.models import Page, TranslatableMixin, get_page_models

    page_labels = {model._meta.label for model in get_page_models() if model is not Page}
    snippet_labels = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and model._meta.app_label in {"core", "home", "news", "events", "campaigns", "protocol"}
    }

    assert page_labels | snippet_labels == set(EXPECTED)


def test_translation_keeps_synchronised_values_and_follows_the_source(site_tree, locales):
    """Dates, choices, coordinates and images come from the source, now and after a sync."""
    for key in ("home", "event_index"):
        translate(site_tree[key], locales["en"], {})
    image = wagtail_factories.ImageFactory()
    start = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    event = EventPageFactory(
        parent=site_tree["event_index"],
        title="Ziua sectorului",
        start=start,
        end=start + datetime.timedelta(hours=3),
        event_type=EventPage.EventType.CEREMONY,
        venue_name="Parcul Drumul Taberei",
        latitude=Decimal("44.421000"),
        longitude=Decimal("26.031000"),
        image=image,
    )

    english = translate(
        event,
        locales["en"],
        {"Ziua sectorului": "Sector Day", "Parcul Drumul Taberei": "Drumul Taberei Park"},
    )

    assert (english.title, english.venue_name) == ("Sector Day", "Drumul Taberei Park")
    assert english.start == start
    assert english.event_type == EventPage.EventType.CEREMONY
    assert (english.latitude, english.longitude) == (Decimal("44.421000"), Decimal("26.031000"))
    assert english.image == image

    # The Romanian event is postponed by a day: syncing carries the new date and status.
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.status = EventPage.Status.POSTPONED
    event.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(event)
    source.update_from_db()
    source.translations.get(target_locale=locales["en"]).save_target(publish=True)

    english.refresh_from_db()
    assert english.start == start + datetime.timedelta(days=1)
    assert english.status == EventPage.Status.POSTPONED
    assert english.title == "Sector Day"


def test_news_translation_links_the_contact_persons_english_version(site_tree, locales):
    for key in ("home", "news_index"):
        translate(site_tree[key], locales["en"], {})
    person = ContactPerson.objects.create(
        name="Ana Ionescu", role="Purtător de cuvânt", phone="021 413 13 13", locale=locales["ro"]
    )
    news = NewsPageFactory(parent=site_tree["news_index"], title="Comunicat", contact_person=person)
    news.tags.add("parcuri")
    news.save_revision().publish()
    english_person = translate(person, locales["en"], {"Purtător de cuvânt": "Spokesperson"})

    english = translate(news, locales["en"], {"Comunicat": "Press release"})

    assert english.contact_person == english_person
    assert (english_person.name, english_person.role, english_person.phone) == (
        "Ana Ionescu",
        "Spokesperson",
        "021 413 13 13",
    )
    assert [tag.name for tag in english.tags.all()] == ["parcuri"]
