import datetime

import pytest
import wagtail_factories
from django.utils import timezone, translation
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from site_s6.core.models import ContactPerson
from site_s6.home.models import HomePage
from site_s6.news.models import NewsIndexPage, NewsPage
from tests.page_admin import (
    PAGE_NOT_CREATED,
    in_language,
    log_in_in_english,
    publish_new_page,
)


class TestNewsTree(WagtailPageTestCase):
    def test_news_index_lives_under_home_and_holds_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_news_page_is_a_leaf_under_the_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)


def test_one_news_index_per_home(site_tree):
    assert not NewsIndexPage.can_create_at(site_tree["home"])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Conferința",
        description="Sala de consiliu în timpul conferinței",
        file=get_test_image_file(),
    )


def test_admin_creates_news_index(admin_client, site_tree):
    home = site_tree["home"]
    site_tree["news_index"].delete()

    response = publish_new_page(
        admin_client, NewsIndexPage, home, {"title": "Știri", "intro": "Tot ce e nou."}
    )

    assert response.status_code == 302
    index = NewsIndexPage.objects.child_of(home).get()
    assert index.live
    assert (index.slug, index.intro) == ("stiri", "Tot ce e nou.")


def news_fields(**fields) -> dict:
    return {
        "title": "Bugetul Sectorului 6 pe 2026",
        "kind": "press_release",
        "publication_date": "2026-02-10 09:30",
        "lead": "Consiliul Local a aprobat bugetul.",
        "intro": "Bugetul a fost aprobat.",
        "body": streamfield([]),
        "gallery_images": inline_formset([]),
        "attachments": inline_formset([]),
        "tags": "",
        **fields,
    }


def test_admin_creates_and_publishes_news_with_everything(admin_client, site_tree, image):
    contact = ContactPerson.objects.create(
        name="Ana Popescu", role="Purtător de cuvânt", locale=Locale.get_default()
    )
    document = wagtail_factories.DocumentFactory(title="Hotărârea 12/2026")
    fields = news_fields(
        image=image.pk,
        body=streamfield(
            [
                ("paragraph", rich_text("<p>Investiții în <b>școli</b> și parcuri.</p>")),
                (
                    "image",
                    {
                        "image": image.pk,
                        "alt_text": "Primarul prezintă bugetul",
                        "caption": "Conferința de presă",
                        "credit": "Biroul de presă",
                    },
                ),
            ]
        ),
        gallery_images=inline_formset(
            [{"image": image.pk, "alt_text": "Sala de consiliu", "caption": "Ședința"}]
        ),
        attachments=inline_formset([{"document": document.pk, "title": "Hotărârea"}]),
        tags="buget, consiliul local",
        contact_person=contact.pk,
        syndicate_to_main_site="on",
    )

    response = publish_new_page(admin_client, NewsPage, site_tree["news_index"], fields)

    assert response.status_code == 302
    page = NewsPage.objects.get()
    assert page.live
    assert page.get_parent().specific == site_tree["news_index"]
    assert page.slug == "bugetul-sectorului-6-pe-2026"
    assert page.kind == NewsPage.Kind.PRESS_RELEASE
    assert page.publication_date == datetime.datetime(2026, 2, 10, 7, 30, tzinfo=datetime.UTC)
    assert page.lead == "Consiliul Local a aprobat bugetul."
    assert page.image == image
    paragraph, image_block = page.body
    assert paragraph.block_type == "paragraph"
    assert "<b>școli</b>" in paragraph.value.source
    assert image_block.block_type == "image"
    assert image_block.value["image"] == image
    assert image_block.value["alt_text"] == "Primarul prezintă bugetul"
    assert image_block.value["caption"] == "Conferința de presă"
    assert sorted(page.tags.names()) == ["buget", "consiliul local"]
    [photo] = page.gallery_images.all()
    assert (photo.image, photo.alt_text, photo.caption) == (image, "Sala de consiliu", "Ședința")
    [attachment] = page.attachments.all()
    assert (attachment.document, attachment.title) == (document, "Hotărârea")
    assert page.contact_person == contact
    assert page.syndicate_to_main_site
    # What the editor published is what the live page shows.
    assert page.live_revision == page.latest_revision


def test_admin_refuses_image_block_without_alt_text(client, site_tree, image):
    body = streamfield([("image", {"image": image.pk, "alt_text": "", "caption": "Fără text"})])

    response = publish_new_page(
        log_in_in_english(client), NewsPage, site_tree["news_index"], news_fields(body=body)
    )

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert in_language("en", PAGE_NOT_CREATED) in response.content.decode()
    assert not NewsPage.objects.exists()


def test_admin_refuses_call_to_action_with_page_and_address(client, site_tree):
    body = streamfield(
        [
            (
                "call_to_action",
                {
                    "title": "Programări",
                    "text": "",
                    "page": site_tree["event_index"].pk,
                    "url": "https://example.com/",
                    "button_label": "Programează-te",
                },
            )
        ]
    )

    response = publish_new_page(
        log_in_in_english(client), NewsPage, site_tree["news_index"], news_fields(body=body)
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["body"]
    url_error = error.block_errors[0].block_errors["url"]
    with translation.override("en"):
        assert list(url_error) == ["Choose either a page or an external address, not both."]
    assert not NewsPage.objects.exists()


def test_admin_refuses_more_news_indexes_under_one_home(admin_client, site_tree):
    response = publish_new_page(
        admin_client, NewsIndexPage, site_tree["home"], {"title": "Alte știri"}
    )

    # Wagtail turns the editor away before reading the form: the type cannot be created there.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert NewsIndexPage.objects.count() == 1


def test_news_defaults_to_now_and_news_kind(site_tree):
    before = timezone.now()
    page = NewsPage(title="Anunț")
    site_tree["news_index"].add_child(instance=page)

    assert page.kind == NewsPage.Kind.NEWS
    assert before <= page.publication_date <= timezone.now()
