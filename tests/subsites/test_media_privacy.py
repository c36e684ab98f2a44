"""Uploads stay private until a published page uses them or an editor marks them public.

The DGASPC editor uploads through the admin; the public asks the document server, the
API listings and the development media server. The sites are built once for the module
and every test runs in its own rolled-back transaction. The test settings run tasks
immediately, so Wagtail's reference index is updated as each page is saved, as the task
worker does in production.
"""

from io import BytesIO

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from site_s6.media.publication import media_is_public, public_media
from site_s6.media.views import serve_public_media
from site_s6.news.models import NewsAttachment
from tests.factories import NewsPageFactory

from .conftest import clear_wagtail_default_site, make_users, provision, published

pytestmark = pytest.mark.django_db

MEDIA_LISTINGS = ["/api/v2/documents/", "/api/v2/images/", "/api/v3/documents/", "/api/v3/images/"]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Three provisioned sites and their people, built once and rolled back."""
    from site_s6.news.models import NewsIndexPage

    with django_db_blocker.unblock(), transaction.atomic():
        for language_code in ("ro", "en"):
            Locale.objects.get_or_create(language_code=language_code)
        clear_wagtail_default_site()
        provision("main")
        provision("politia")
        dgaspc = provision("dgaspc")
        users = {role: user.pk for role, user in make_users().items()}
        news_index = NewsIndexPage.objects.child_of(dgaspc.site.root_page).get()
        image = wagtail_factories.ImageFactory(title="Poster", collection=dgaspc.collection)
        yield {"users": users, "news_index": news_index.pk, "image": image.pk}
        transaction.set_rollback(True)


@pytest.fixture
def editor(client, built):
    client.force_login(get_user_model().objects.get(pk=built["users"]["dgaspc-editor"]))
    return client


def upload(client, title: str):
    """A document uploaded through the admin by ``client``'s user."""
    upload = SimpleUploadedFile(f"{title}.txt", b"under embargo", content_type="text/plain")
    response = client.post(reverse("wagtaildocs:add"), {"title": title, "file": upload})
    assert response.status_code == 302
    return get_document_model().objects.get(title=title)


def anonymous_get(client, url):
    client.logout()
    return client.get(url)


def news_using(document, news_index_pk):
    from site_s6.news.models import NewsIndexPage

    page = NewsPageFactory(
        parent=NewsIndexPage.objects.get(pk=news_index_pk), title="Release", live=False
    )
    NewsAttachment.objects.create(page=page, document=document)
    return page


def test_an_upload_is_not_served_to_the_public_but_to_its_editor(editor, built):
    document = upload(editor, "embargoed-release")

    editor_answer = editor.get(document.url)
    anonymous_answer = anonymous_get(editor, document.url)

    assert (editor_answer.status_code, anonymous_answer.status_code) == (200, 404)


def test_a_draft_page_using_a_document_does_not_make_it_public(editor, built):
    document = upload(editor, "draft-attachment")
    news_using(document, built["news_index"])

    assert anonymous_get(editor, document.url).status_code == 404


def test_publishing_a_page_that_uses_a_document_makes_it_public(editor, built):
    document = upload(editor, "released-attachment")
    page = news_using(document, built["news_index"])

    published(page)

    assert anonymous_get(editor, document.url).status_code == 200


def test_an_editor_marks_a_document_public(editor, built):
    document = upload(editor, "press-kit")
    data = {"title": document.title, "mark_public": "on"}

    response = editor.post(reverse("wagtaildocs:edit", args=[document.pk]), data)

    assert response.status_code == 302
    assert anonymous_get(editor, document.url).status_code == 200


def test_withdrawing_the_mark_makes_a_document_private_again(editor, built):
    document = upload(editor, "withdrawn")
    edit = reverse("wagtaildocs:edit", args=[document.pk])
    editor.post(edit, {"title": document.title, "mark_public": "on"})

    editor.post(edit, {"title": document.title})

    assert not media_is_public(document)


@pytest.mark.parametrize("url", MEDIA_LISTINGS)
def test_the_public_apis_list_no_media_even_public_ones(editor, built, url):
    document = upload(editor, "listed")
    editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]), {"title": "listed", "mark_public": "on"}
    )
    get_image_model().objects.filter(pk=built["image"]).update(title="listed image")

    response = anonymous_get(editor, url)

    assert response.status_code == 200
    body = response.json()
    assert (
        body.get("items") == [] and body.get("count", body.get("meta", {}).get("total_count")) == 0
    )


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_public_apis_read_a_document_by_id_only_once_public(editor, built, version):
    private = upload(editor, "private-by-id")
    public = upload(editor, "public-by-id")
    editor.post(
        reverse("wagtaildocs:edit", args=[public.pk]), {"title": public.title, "mark_public": "on"}
    )

    answers = [
        anonymous_get(editor, f"/api/{version}/documents/{document.pk}/").status_code
        for document in (private, public)
    ]

    assert answers == [404, 200]


def test_an_image_is_public_only_once_a_published_page_uses_it(built):
    image = get_image_model().objects.get(pk=built["image"])
    from site_s6.news.models import NewsIndexPage

    page = NewsPageFactory(
        parent=NewsIndexPage.objects.get(pk=built["news_index"]), title="Photo", live=False
    )
    page.image = image
    page.save()
    before = media_is_public(image)

    published(page)

    assert (before, media_is_public(image)) == (False, True)
    assert list(public_media(get_image_model().objects.all())) == [image]


@pytest.mark.parametrize(
    ("path", "served"),
    [
        ("images/poster.fill-100x100.png", True),
        ("original_images/poster.png", False),
        ("documents/release.txt", False),
        ("images/../documents/release.txt", False),
        ("/original_images/poster.png", False),
    ],
)
def test_the_development_media_server_keeps_originals_and_documents_private(
    settings, tmp_path, path, served
):
    settings.MEDIA_ROOT = tmp_path
    for folder, name in [
        ("images", "poster.fill-100x100.png"),
        ("original_images", "poster.png"),
        ("documents", "release.txt"),
    ]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_bytes(png_bytes())
    request = RequestFactory().get(f"/media/{path}")

    try:
        answer = serve_public_media(request, path).status_code
    except Http404:
        answer = 404

    assert (answer == 200) == served


def png_bytes() -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return buffer.getvalue()
