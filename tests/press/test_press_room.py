"""The press room page: what it shows, where it lives, in both languages."""

import pytest
from wagtail.test.utils import WagtailTestUtils

from site_s6.home.models import HomePage
from site_s6.press.models import PressRoomPage
from tests.factories import NewsPageFactory

from .conftest import published


def test_romanian_press_room_shows_spokesperson_releases_conferences_and_links(client, press_world):
    response = client.get("/presa/", HTTP_HOST="primarie6.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Purtător main" in html
    assert "purtator@primarie6.localhost" in html
    assert "Luni-vineri, 9-16" in html
    assert "Comunicat de presă vechi" in html
    assert "Conferință de presă lunară" in html
    assert 'href="/presa/acreditare/"' in html
    assert 'href="/presa/abonare/"' in html
    assert 'href="/feeds/news.xml"' in html
    assert 'href="/feeds/events.ics"' in html


def test_english_press_room_links_to_english_forms(client, press_world):
    response = client.get("/en/press/", HTTP_HOST="primarie6.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/en/press/accreditation/"' in html
    assert 'href="/en/press/subscribe/"' in html
    assert 'href="/en/feeds/news.xml"' in html


@pytest.mark.parametrize(
    "path",
    ["/presa/accreditation/", "/presa/subscribe/", "/en/press/acreditare/", "/en/press/abonare/"],
)
def test_a_form_answers_only_under_the_page_of_its_language(client, press_world, path):
    assert client.get(path, HTTP_HOST="primarie6.localhost").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/presa/acreditare/", "/presa/abonare/", "/en/press/accreditation/", "/en/press/subscribe/"],
)
def test_forms_are_served(client, press_world, path):
    assert client.get(path, HTTP_HOST="primarie6.localhost").status_code == 200


def test_each_site_shows_its_own_spokesperson(client, press_world):
    html = client.get("/presa/", HTTP_HOST="dgaspc6.localhost").content.decode()
    assert "Purtător dgaspc" in html
    assert "Purtător main" not in html
    assert "Comunicat de presă vechi" not in html


def test_latest_releases_leave_out_other_kinds_and_drafts(client, press_world):
    published(
        NewsPageFactory(parent=press_world["news_index"], title="O știre oarecare", live=False)
    )
    NewsPageFactory(
        parent=press_world["news_index"], title="Comunicat ciornă", kind="press_release", live=False
    )
    html = client.get("/presa/", HTTP_HOST="primarie6.localhost").content.decode()
    assert "O știre oarecare" not in html
    assert "Comunicat ciornă" not in html


def test_media_kit_lists_public_identity_images_only(client, press_world, django_user_model):
    import wagtail_factories
    from wagtail.models import Collection

    from site_s6.media.publication import media_mark_public
    from subsites.roles import VISUAL_IDENTITY_COLLECTION

    collection = Collection.objects.get(name=VISUAL_IDENTITY_COLLECTION)
    public = wagtail_factories.ImageFactory(
        title="Sigla oficială",
        description="Stema sectorului 6 pe fond alb",
        collection=collection,
    )
    wagtail_factories.ImageFactory(title="Sigla nepublicată", collection=collection)
    media_mark_public(obj=public, user=press_world["users"]["central"])
    html = client.get("/presa/", HTTP_HOST="primarie6.localhost").content.decode()
    assert "Sigla oficială" in html
    assert "Sigla nepublicată" not in html
    # The image is described to screen readers by its description, not its file's title.
    assert 'alt="Stema sectorului 6 pe fond alb"' in html


def test_press_room_is_in_the_sitemap(client, press_world):
    xml = client.get("/sitemap.xml", HTTP_HOST="primarie6.localhost").content.decode()
    assert "/presa/" in xml


class TestTree(WagtailTestUtils):
    def test_lives_under_a_home_page_and_has_no_children(self):
        from django.test import SimpleTestCase

        case = SimpleTestCase()
        case.assertCountEqual(PressRoomPage.parent_page_types, ["home.HomePage"])
        assert PressRoomPage.subpage_types == []
        assert PressRoomPage in HomePage.allowed_subpage_models()


def test_at_most_one_press_room_per_site(press_world):
    home = press_world["sites"]["main"].root_page.specific
    assert not PressRoomPage.can_create_at(home)


def test_site_config_names_the_press_room_and_spokesperson(client, press_world):
    data = client.get("/api/v3/site-config/?site=primarie6.localhost").json()
    assert data["press_room"] == {
        "url": "http://primarie6.localhost/presa/",
        "spokesperson": {
            "name": "Purtător main",
            "phone": "021 000 00 00",
            "email": "purtator@primarie6.localhost",
            "office_hours": "Luni-vineri, 9-16",
        },
    }
    english = client.get("/api/v3/site-config/?site=primarie6.localhost&locale=en").json()
    assert english["press_room"]["url"] == "http://primarie6.localhost/en/press/"


def test_site_config_without_a_press_room(client, press_world):
    press_world["rooms"]["dgaspc"].unpublish()
    data = client.get("/api/v3/site-config/?site=dgaspc6.localhost").json()
    assert data["press_room"] is None
