"""The demo keeps the promises its pages make, and files each institution's images with it.

A visitor of DGASPC's demo site once met a home page promising pages that did not exist
and one illustration five times; its editor found none of the institution's photos in the
image library, only logos. Built once for the module with ``load_demo``.
"""

import io
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.permissions import permission_policy
from wagtail.models import Page

from subsites.models import Institution
from tests.conftest import build_locales

pytestmark = pytest.mark.django_db

DGASPC = "dgaspc6.localhost"
PORT = 8000
IMAGE_FIELDS = ("image", "hero_image")


def build_demo():
    build_locales()
    call_command("load_demo", force=True, port=PORT, stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo(module_db):
    return module_db(build_demo)


def images_used_on(institution: Institution) -> set[int]:
    """The ids of the images the pages of ``institution``'s site show as their own."""
    home = institution.site.root_page
    used = set()
    for page in Page.objects.descendant_of(home, inclusive=True).specific():
        for field in IMAGE_FIELDS:
            image_id = getattr(page, f"{field}_id", None)
            if image_id:
                used.add(image_id)
    return used


def test_dgaspcs_pages_show_images_of_dgaspcs_collection(demo):
    dgaspc = Institution.objects.get(site__hostname=DGASPC)
    used = images_used_on(dgaspc)

    assert len(used) >= 5
    collections = set(Image.objects.filter(pk__in=used).values_list("collection", flat=True))
    assert collections == {dgaspc.collection_id}


def test_dgaspcs_editor_finds_the_institutions_photos_not_only_logos(demo):
    editor = get_user_model().objects.get(username="editor.dgaspc")
    dgaspc = Institution.objects.get(site__hostname=DGASPC)

    choosable = permission_policy.instances_user_has_permission_for(editor, "choose")

    photos = choosable.filter(collection=dgaspc.collection)
    assert photos.count() >= 5
    assert set(images_used_on(dgaspc)) <= set(choosable.values_list("pk", flat=True))


def test_every_illustration_of_the_demo_has_its_description(demo):
    assert not Image.objects.filter(description="").exists()


def home_page(hostname: str) -> str:
    response = Client(HTTP_HOST=f"{hostname}:{PORT}").get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_dgaspcs_home_shows_each_illustration_once(demo):
    html = home_page(DGASPC)
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]

    # Each card's rendition is named after its original image file.
    sources = re.findall(r'<img[^>]+src="[^"]*/images/([^"/.]+)\.', main)
    assert len(sources) >= 3
    repeated = {source: count for source, count in Counter(sources).items() if count > 1}
    assert repeated == {}


@pytest.mark.parametrize(
    "hostname",
    [
        "primarie6.localhost",
        DGASPC,
        "politia6.localhost",
        "adp6.localhost",
        "cultura6.localhost",
    ],
)
def test_every_link_of_every_demo_home_page_leads_to_a_page(demo, hostname):
    html = home_page(hostname)
    links = set(re.findall(r'<a [^>]*href="([^"#]+)"', html))
    checked = 0
    for link in links:
        address = urlsplit(link)
        if address.scheme not in ("", "http") or (address.hostname or hostname) != hostname:
            continue
        if address.path.startswith("/admin/"):
            continue
        response = Client(HTTP_HOST=f"{hostname}:{PORT}").get(link)
        assert response.status_code == 200, f"{link} on {hostname}: {response.status_code}"
        checked += 1
    assert checked >= 8
