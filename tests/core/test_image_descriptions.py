"""Alternative text: an image needs its description, and no page goes live without it.

Wagtail 8 reads an image's ``description`` as its alternative text (``default_alt_text``),
falling back to its title, often a file name: "IMG_2041.jpg" read aloud to a blind visitor.
"""

from io import BytesIO

import PIL.Image
import pytest
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from site_s6.news.models import NewsPage
from tests.page_admin import add_page_url, edit_page_url, field_errors, log_in_in_english

NO_DESCRIPTION = (
    "The image “IMG_2041.jpg” has no description, which people who cannot see it are read "
    "instead. Add one in Images (edit the image) before publishing this page."
)


@pytest.fixture
def english_admin(client, db):
    return log_in_in_english(client)


def png_upload() -> SimpleUploadedFile:
    buffer = BytesIO()
    PIL.Image.new("RGB", (64, 48), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("IMG_2041.png", buffer.getvalue())


def test_an_upload_without_a_description_is_refused(english_admin):
    response = english_admin.post(
        reverse("wagtailimages:add"), {"title": "IMG_2041.jpg", "file": png_upload()}
    )

    assert response.status_code == 200
    assert field_errors(response, "description") == ["This field is required."]
    assert not Image.objects.exists()


def test_an_upload_with_a_description_is_kept_and_read_as_alt_text(english_admin):
    response = english_admin.post(
        reverse("wagtailimages:add"),
        {
            "title": "IMG_2041.jpg",
            "description": "Copii la noul loc de joacă din parcul Drumul Taberei",
            "file": png_upload(),
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.default_alt_text == "Copii la noul loc de joacă din parcul Drumul Taberei"


def test_the_multiple_uploader_asks_for_the_description_before_the_image_exists(english_admin):
    response = english_admin.post(reverse("wagtailimages:add_multiple"), {"files[]": png_upload()})

    # Wagtail keeps the file aside and shows the form a required field still misses.
    assert response.status_code == 200
    assert response.json()["success"] is True
    assert "uploaded_file_id" in response.json()
    assert not Image.objects.exists()


def news_form(**fields) -> dict:
    return nested_form_data(
        {
            "title": "Loc de joacă nou",
            "slug": "",
            "kind": "news",
            "publication_date": "2026-03-01 10:00",
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "attachments": inline_formset([]),
            **fields,
        }
    )


def test_a_page_whose_image_has_no_description_is_not_published(english_admin, site_tree):
    image = wagtail_factories.ImageFactory(title="IMG_2041.jpg", description="")
    data = news_form(image=image.pk)
    data["action-publish"] = "action-publish"

    response = english_admin.post(add_page_url(NewsPage, site_tree["news_index"]), data)

    assert response.status_code == 200
    assert field_errors(response, "image") == [NO_DESCRIPTION]
    assert not NewsPage.objects.exists()


def test_a_draft_may_wait_for_the_description_but_not_its_publication(english_admin, site_tree):
    image = wagtail_factories.ImageFactory(title="IMG_2041.jpg", description="")

    draft = english_admin.post(
        add_page_url(NewsPage, site_tree["news_index"]), news_form(image=image.pk)
    )
    assert draft.status_code == 302
    page = NewsPage.objects.get()
    assert not page.live

    publish = news_form(image=image.pk, slug=page.slug)
    publish["action-publish"] = "action-publish"
    refused = english_admin.post(edit_page_url(page), publish)
    assert refused.status_code == 200
    assert field_errors(refused, "image") == [NO_DESCRIPTION]
    page.refresh_from_db()
    assert not page.live

    image.description = "Copii la noul loc de joacă"
    image.save()
    published = english_admin.post(edit_page_url(page), publish)
    assert published.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_submitting_for_approval_is_refused_too(english_admin, site_tree):
    image = wagtail_factories.ImageFactory(title="IMG_2041.jpg", description="")
    data = news_form(image=image.pk)
    data["action-submit"] = "action-submit"

    response = english_admin.post(add_page_url(NewsPage, site_tree["news_index"]), data)

    assert response.status_code == 200
    assert field_errors(response, "image") == [NO_DESCRIPTION]
