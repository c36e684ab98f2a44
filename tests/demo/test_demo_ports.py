"""The demo's sites are served on the port ``make run`` listens on, and links carry it.

Every absolute link (the city hall's cards for institution news, feed items, the API's
``url``) is built from the site's hostname and port: a demo stored on port 80 would send
a reader of ``http://primarie6.localhost:8000/`` to a port nothing listens on.
"""

import io

import feedparser
import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from site_s6.news.models import NewsIndexPage, NewsPage
from tests.conftest import build_locales

pytestmark = pytest.mark.django_db

PORT = 8123
CITY_HALL = "primarie6.localhost"


def build_demo():
    build_locales()
    call_command("load_demo", force=True, port=PORT, stdout=io.StringIO())
    shared = NewsPage.objects.live().filter(syndicate_to_main_site=True, locale__language_code="ro")
    return {"shared": list(shared)}


@pytest.fixture(scope="module")
def demo(module_db):
    return module_db(build_demo)


@pytest.fixture
def city_hall():
    """A browser of the city hall's site on the demo's port."""
    return Client(HTTP_HOST=f"{CITY_HALL}:{PORT}", SERVER_PORT=str(PORT))


def test_every_demo_site_is_on_the_loaders_port(demo):
    assert set(Site.objects.values_list("port", flat=True)) == {PORT}


def test_the_city_halls_news_list_links_institution_news_on_the_port(demo, city_hall):
    site = Site.objects.get(hostname=CITY_HALL)
    index = NewsIndexPage.objects.child_of(site.root_page).live().get()
    page = city_hall.get(index.relative_url(site))
    assert page.status_code == 200
    html = page.content.decode()
    shared_links = [
        f"http://{news.get_site().hostname}:{PORT}{news.get_url_parts()[2]}"
        for news in demo["shared"]
    ]
    assert any(link in html for link in shared_links)
    assert f":{PORT}/" in html
    assert "localhost/" not in html.replace(f"localhost:{PORT}/", "")


def test_rss_item_links_carry_the_port(demo, city_hall):
    feed = feedparser.parse(city_hall.get("/feeds/news.xml").content)
    assert feed.entries
    for entry in feed.entries:
        assert f".localhost:{PORT}/" in entry.link, entry.link


def test_the_api_url_carries_the_port_when_the_site_is_named_without_it(demo):
    response = Client().get("/api/v3/news/", {"site": CITY_HALL})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items
    for item in items:
        assert item["url"].startswith("http://") and f".localhost:{PORT}/" in item["url"]


# Last: it moves the module's sites.
def test_loading_again_with_another_port_moves_every_site(demo):
    call_command("load_demo", force=True, port=PORT + 1, stdout=io.StringIO())
    assert set(Site.objects.values_list("port", flat=True)) == {PORT + 1}
