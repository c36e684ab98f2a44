"""Image uploads are bounded in pixels, the frames of an animation counted, so that no
rendition has to decode a huge original."""

from io import BytesIO

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image

from tests.page_admin import log_in_in_english


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def english_admin(client, db):
    return log_in_in_english(client)


def animation(size, frames: int, image_format: str) -> bytes:
    colours = ["navy", "gold"]
    images = [PIL.Image.new("RGB", size, colours[i % 2]) for i in range(frames)]
    buffer = BytesIO()
    images[0].save(buffer, image_format, save_all=True, append_images=images[1:], duration=100)
    return buffer.getvalue()


def upload(client, name, content):
    data = {
        "title": "Animație",
        "description": "Animație",
        "file": SimpleUploadedFile(name, content),
    }
    return client.post(reverse("wagtailimages:add"), data)


def test_the_limit_keeps_an_8000_pixel_square_out(settings):
    assert 8000 * 8000 > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS >= 6000 * 6000


@pytest.mark.parametrize("name, image_format", [("anim.gif", "GIF"), ("anim.webp", "WEBP")])
def test_every_frame_of_an_animation_counts(english_admin, settings, name, image_format):
    # 10 frames of 2000x2000 are 40 megapixels: over the limit, though one frame is not.
    content = animation((2000, 2000), 10, image_format)
    assert 2000 * 2000 < settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 10 * 2000 * 2000

    response = upload(english_admin, name, content)

    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error == "This file has too many pixels (40000000). Maximum pixels 36000000."
    assert not Image.objects.exists()


def test_a_short_animation_within_the_limit_is_accepted(english_admin):
    response = upload(english_admin, "anim.gif", animation((400, 300), 3, "GIF"))

    assert response.status_code == 302
    assert Image.objects.get().title == "Animație"


def test_a_still_image_of_8000_by_8000_pixels_is_refused(english_admin):
    buffer = BytesIO()
    PIL.Image.new("1", (8000, 8000)).save(buffer, "PNG")

    response = upload(english_admin, "mare.png", buffer.getvalue())

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Image.objects.exists()
