"""Two provisioned sites (the city hall, DGASPC), each with a press room, and their people."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from site_s6.events.models import EventIndexPage
from site_s6.news.models import NewsIndexPage, NewsPage
from site_s6.press.models import PressRoomPage, PressSettings
from subsites.models import Institution
from subsites.roles import CENTRAL_TEAM_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales, for_test
from tests.factories import EventPageFactory, NewsPageFactory, UserFactory

SITES = {
    "main": ("Primăria Sectorului 6", "Primăria 6", "primarie6.localhost", "city_hall"),
    "dgaspc": ("DGASPC Sector 6", "DGASPC", "dgaspc6.localhost", "subordinate"),
}


def published(page):
    """``page`` published through a revision, as the admin does (signals, dates)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def press_room(home, *, title="Presă", slug="presa"):
    room = PressRoomPage(title=title, slug=slug, live=False, intro="Relația cu presa.")
    home.add_child(instance=room)
    return published(room)


def english_press_room(room):
    english = room.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Press room"
    english.slug = "press"
    english.save()
    return published(english)


def build_press_world() -> dict:
    build_locales()
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    institutions = {}
    for key, (name, short_name, hostname, kind) in SITES.items():
        institutions[key] = institution_provision(
            name=name,
            short_name=short_name,
            hostname=hostname,
            kind=kind,
            is_default_site=key == "main",
        ).institution
    world = {"institutions": institutions, "rooms": {}, "sites": {}}
    for key, institution in institutions.items():
        home = institution.site.root_page.specific
        world["sites"][key] = institution.site
        world["rooms"][key] = press_room(home)
        PressSettings.objects.update_or_create(
            site=institution.site,
            defaults={
                "spokesperson_name": f"Purtător {key}",
                "spokesperson_phone": "021 000 00 00",
                "spokesperson_email": f"purtator@{institution.site.hostname}",
                "office_hours": "Luni-vineri, 9-16",
            },
        )
    world["rooms"]["main_en"] = english_press_room(world["rooms"]["main"])
    main_home = institutions["main"].site.root_page
    world["news_index"] = NewsIndexPage.objects.child_of(main_home).get()
    world["event_index"] = EventIndexPage.objects.child_of(main_home).get()
    world["dgaspc_news_index"] = NewsIndexPage.objects.child_of(
        institutions["dgaspc"].site.root_page
    ).get()
    world["release"] = published(
        NewsPageFactory(
            parent=world["news_index"],
            title="Comunicat de presă vechi",
            kind=NewsPage.Kind.PRESS_RELEASE,
            live=False,
        )
    )
    world["conference"] = published(
        EventPageFactory(
            parent=world["event_index"],
            title="Conferință de presă lunară",
            event_type="press_conference",
            accreditation_required=True,
            accreditation_deadline=timezone.now() + datetime.timedelta(days=2),
            start=timezone.now() + datetime.timedelta(days=3),
            live=False,
        )
    )
    central = UserFactory(username="presa", email="presa@primarie6.localhost")
    central.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    editor = UserFactory(username="editor.dgaspc")
    editor.groups.add(Institution.objects.get(slug="dgaspc").editors_group)
    world["users"] = {"central": central, "editor": editor}
    return world


@pytest.fixture(scope="package", autouse=True)
def _private_and_public_media(tmp_path_factory):
    # Press cards go to a private folder of their own, apart from the public media.
    with override_settings(
        S6_PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("press-private"),
        MEDIA_ROOT=tmp_path_factory.mktemp("press-media"),
        S6_ALERT_RATE_PER_MINUTE=0,
    ):
        yield


@pytest.fixture(scope="module")
def shared_press_world(module_db):
    return module_db(build_press_world)


@pytest.fixture
def press_world(db, shared_press_world):
    """This test's copy of the module's sites, press rooms and people."""
    return for_test(shared_press_world)
