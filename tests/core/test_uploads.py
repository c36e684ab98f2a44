"""Upload limits set in ``settings/base.py``, enforced by Wagtail's admin upload views."""

from io import BytesIO

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file_svg

from tests.page_admin import log_in_in_english


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def english_admin(client, db):
    return log_in_in_english(client)


def image_upload(name: str, image_format: str, size=(64, 48)) -> SimpleUploadedFile:
    buffer = BytesIO()
    PIL.Image.new("RGB", size, "navy").save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload_image(client, upload):
    return client.post(
        reverse("wagtailimages:add"), {"title": "Afiș", "description": "Afiș", "file": upload}
    )


def upload_document(client, upload):
    return client.post(reverse("wagtaildocs:add"), {"title": "Hotărâre", "file": upload})


def test_png_image_is_accepted(english_admin):
    response = upload_image(english_admin, image_upload("afis.png", "PNG"))

    assert response.status_code == 302
    assert Image.objects.get().title == "Afiș"


@pytest.mark.parametrize(
    "upload",
    [
        image_upload("afis.bmp", "BMP"),
        SimpleUploadedFile("sigla.svg", get_test_image_file_svg().read()),
    ],
    ids=["bmp", "svg"],
)
def test_image_of_a_disallowed_type_is_refused(english_admin, upload):
    response = upload_image(english_admin, upload)

    assert response.status_code == 200
    message = "Not a supported image format. Supported formats: JPG, JPEG, PNG, WEBP, GIF."
    assert response.context["form"].errors["file"] == [message]
    assert escape(message) in response.content.decode()
    assert not Image.objects.exists()


def test_image_over_the_size_limit_is_refused(english_admin, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100

    response = upload_image(english_admin, image_upload("afis.png", "PNG", size=(200, 200)))

    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith("This file is too big (")
    assert error.endswith("Maximum filesize 100\xa0bytes.")
    assert not Image.objects.exists()


def test_pdf_document_is_accepted(english_admin):
    response = upload_document(english_admin, SimpleUploadedFile("hotarare.pdf", b"%PDF-1.4"))

    assert response.status_code == 302
    assert Document.objects.get().file_extension == "pdf"


def test_document_of_a_disallowed_extension_is_refused(english_admin):
    response = upload_document(english_admin, SimpleUploadedFile("setup.exe", b"MZ\x90\x00"))

    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith("File extension “exe” is not allowed.")
    assert escape(error) in response.content.decode()
    assert not Document.objects.exists()


def test_document_over_the_size_limit_is_refused(english_admin, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100

    response = upload_document(english_admin, SimpleUploadedFile("raport.pdf", b"%" * 101))

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert "This file is too big (101\xa0bytes). Maximum filesize 100\xa0bytes." in errors
    assert not Document.objects.exists()
