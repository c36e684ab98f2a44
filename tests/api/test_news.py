"""Contract tests of /api/v3/news/: shape, every filter, syndication, detail."""

import pytest
import wagtail_factories
from wagtail.rich_text import RichText

from site_s6.core.models import ContactPerson
from tests.api.conftest import days, items, live_and_draft, publish, titles

pytestmark = pytest.mark.django_db

URL = "/api/v3/news/"


def test_list_shape_and_item_fields(client, tree):
    response = client.get(URL)

    body = response.json()
    assert response["Content-Type"].startswith("application/json")
    assert body["count"] == len(body["items"]) == 3
    press = next(item for item in body["items"] if item["id"] == tree["press"].pk)
    assert press["type"] == "news.NewsPage"
    assert press["title"] == "Comunicat transport"
    assert press["slug"] == "comunicat-transport"
    assert press["locale"] == "ro"
    assert press["site"] == "primarie.test"
    assert press["url"] == "http://primarie.test/stiri/comunicat-transport/"
    assert press["translations"] == [{"locale": "en", "id": tree["en_press"].pk}]
    assert press["last_published_at"]
    assert press["kind"] == "press_release"
    assert press["lead"] == "Liniile de autobuz se schimbă."
    assert press["tags"] == ["transport"]
    assert press["syndicated_from"] is None


def test_images_are_absolute_rendition_urls(client, tree):
    press = next(i for i in items(client.get(URL)) if i["id"] == tree["press"].pk)

    image = press["image"]
    assert image["id"] == tree["image"].pk
    assert set(image["renditions"]) == {"thumbnail", "medium", "large", "og"}
    assert image["renditions"]["thumbnail"].startswith("http://testserver/media/images/")
    assert ".fill-400x300.format-webp" in image["renditions"]["thumbnail"]
    assert ".fill-1200x630.format-jpeg" in image["renditions"]["og"]


def test_newest_first(client, tree):
    assert titles(client.get(URL)) == ["DGASPC partajată", "Anunț cultură", "Comunicat transport"]


def test_main_site_includes_syndicated_institution_news(client, tree):
    shared = next(i for i in items(client.get(URL)) if i["id"] == tree["shared"].pk)

    assert shared["site"] == "dgaspc.test"
    assert shared["url"] == "http://dgaspc.test/stiri/dgaspc-partajata/"
    assert shared["syndicated_from"] == {
        "name": "DGASPC Sector 6",
        "short_name": "DGASPC",
        "site": "dgaspc.test",
    }


def test_institution_site_lists_only_its_own_news(client, tree):
    response = client.get(URL, {"site": "dgaspc.test"})

    assert sorted(titles(response)) == ["DGASPC partajată", "DGASPC proprie"]
    assert {item["syndicated_from"] for item in items(response)} == {None}
    assert {item["site"] for item in items(response)} == {"dgaspc.test"}


def test_site_default_is_the_default_site(client, tree):
    assert titles(client.get(URL)) == titles(client.get(URL, {"site": "primarie.test"}))


def test_site_accepts_host_and_port(client, tree):
    assert titles(client.get(URL, {"site": "dgaspc.test:80"})) == titles(
        client.get(URL, {"site": "dgaspc.test"})
    )


def test_locale_english(client, tree):
    response = client.get(URL, {"locale": "en"})

    (item,) = items(response)
    assert item["title"] == "Transport press release"
    assert item["locale"] == "en"
    # The translation takes the slug of its own title (site_s6.core.slugs.translation_slug).
    assert item["url"] == "http://primarie.test/en/stiri/transport-press-release/"
    assert item["translations"] == [{"locale": "ro", "id": tree["press"].pk}]


def test_kind(client, tree):
    assert titles(client.get(URL, {"kind": "announcement"})) == ["Anunț cultură"]
    assert titles(client.get(URL, {"kind": "press_release"})) == ["Comunicat transport"]


def test_tag_is_repeatable_any_of(client, tree):
    assert titles(client.get(URL, {"tag": "transport"})) == ["Comunicat transport"]
    assert titles(client.get(URL + "?tag=transport&tag=parcuri")) == [
        "Anunț cultură",
        "Comunicat transport",
    ]
    assert titles(client.get(URL, {"tag": "nimic"})) == []


def test_published_after_and_before(client, tree):
    after = days(-10).isoformat()
    before = days(-2).date().isoformat()

    assert titles(client.get(URL, {"published_after": after})) == [
        "DGASPC partajată",
        "Anunț cultură",
    ]
    assert titles(client.get(URL, {"published_before": before})) == [
        "Anunț cultură",
        "Comunicat transport",
    ]
    assert titles(client.get(URL, {"published_after": after, "published_before": before})) == [
        "Anunț cultură"
    ]


def test_search(client, tree):
    assert titles(client.get(URL, {"search": "transport"})) == ["Comunicat transport"]
    assert titles(client.get(URL, {"search": "DGASPC"})) == ["DGASPC partajată"]


def test_limit_and_offset(client, tree):
    first = client.get(URL, {"limit": 2}).json()
    rest = client.get(URL, {"limit": 2, "offset": 2}).json()

    assert first["count"] == rest["count"] == 3
    assert [i["title"] for i in first["items"]] == ["DGASPC partajată", "Anunț cultură"]
    assert [i["title"] for i in rest["items"]] == ["Comunicat transport"]


def test_detail(client, tree):
    response = client.get(f"{URL}{tree['press'].pk}/")

    body = response.json()
    assert response.status_code == 200
    assert body["id"] == tree["press"].pk
    assert body["url"] == "http://primarie.test/stiri/comunicat-transport/"
    assert body["body"] == []
    assert body["gallery"] == []
    assert body["attachments"] == []
    assert body["contact_person"] is None
    assert body["related_campaign"] is None


def test_detail_of_syndicated_news_on_main_site(client, tree):
    assert client.get(f"{URL}{tree['shared'].pk}/").status_code == 200
    assert client.get(f"{URL}{tree['own'].pk}/").status_code == 404


def test_detail_honours_site(client, tree):
    assert client.get(f"{URL}{tree['own'].pk}/", {"site": "dgaspc.test"}).status_code == 200
    response = client.get(f"{URL}{tree['press'].pk}/", {"site": "dgaspc.test"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "dgaspc.test" in response.json()["detail"]


def test_syndication_agrees_with_the_public_news_index(client, tree, locales):
    from django.test import RequestFactory

    from site_s6.news.sharing import label_shared

    main_index = tree["main"]["news_index"]
    main_site = main_index.get_site()
    request = RequestFactory().get("/")
    for code in ("ro", "en"):
        listed = {
            item["id"]
            for item in items(client.get(URL, {"locale": code, "limit": 100}))
            if item["syndicated_from"]
        }
        index = main_index.get_translation_or_none(locales[code])
        shown = (
            label_shared(index.get_listing_queryset(request), site_id=main_site.pk) if index else []
        )
        expected = {page.pk for page in shown if page.syndicated_from}
        assert listed == expected
        assert tree["hidden"].pk not in listed
        assert (tree["shared"].pk in listed) == (code == "ro")


def test_rich_text_in_the_body_is_display_html(client, tree):
    press = tree["press"]
    target = tree["announcement"]
    press.body = [("paragraph", f'<p>Vezi <a linktype="page" id="{target.pk}">anunțul</a>.</p>')]
    publish(press)

    (block,) = client.get(f"{URL}{press.pk}/").json()["body"]

    assert block["type"] == "paragraph"
    assert 'href="http://primarie.test/stiri/anunt-cultura/"' in block["value"]
    assert "linktype" not in block["value"]


def test_an_id_no_database_can_hold_is_404(client, tree):
    response = client.get("/api/v3/news/6605719940990749888217088/")

    assert response.status_code == 404


def test_a_detail_read_as_a_row_answers_as_the_page_instance_does(client, tree):
    # The live detail is read as one row (site_s6.api.details); a preview builds the same
    # shape from a page instance. Everything a detail shows must agree between the two.
    press = tree["press"].specific
    images = [wagtail_factories.ImageFactory(title=f"Foto {n}") for n in range(3)]
    for order, image in zip([2, 0, 1], images, strict=True):
        press.gallery_images.create(image=image, alt_text=f"alt {order}", sort_order=order)
    press.attachments.create(
        document=wagtail_factories.DocumentFactory(title="Hotărârea 12/2026"), sort_order=1
    )
    press.attachments.create(
        document=wagtail_factories.DocumentFactory(title="Anexa"), title="Anexa 1", sort_order=0
    )
    press.contact_person = ContactPerson.objects.create(
        name="Ana Popescu", role="Purtător de cuvânt", email="presa@primarie.test"
    )
    press.related_campaign = tree["active"]
    press.body = [("paragraph", RichText("<p>Linia <b>41</b> circulă pe traseu nou.</p>"))]
    revision = press.save_revision()
    revision.publish()

    body, draft = live_and_draft(client, f"{URL}{press.pk}/", revision, ["publication_date"])

    assert body == draft
    assert [item["alt_text"] for item in body["gallery"]] == ["alt 0", "alt 1", "alt 2"]
    assert [item["image"]["title"] for item in body["gallery"]] == ["Foto 1", "Foto 2", "Foto 0"]
    assert [item["title"] for item in body["attachments"]] == ["Anexa 1", "Hotărârea 12/2026"]
    assert body["contact_person"]["name"] == "Ana Popescu"
    assert body["related_campaign"] == {
        "id": tree["active"].pk,
        "type": "campaigns.CampaignPage",
        "title": "Campanie activă",
        "url": tree["active"].get_full_url(),
    }
    assert body["body"][0]["type"] == "paragraph"
    assert "<b>41</b>" in body["body"][0]["value"]


def test_a_detail_links_no_page_the_public_may_not_see(client, tree):
    press = tree["press"].specific
    press.related_campaign = tree["active"]
    press.save_revision().publish()
    tree["active"].unpublish()

    assert client.get(f"{URL}{press.pk}/").json()["related_campaign"] is None
