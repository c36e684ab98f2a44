"""``/api/v3/docs/`` works offline: Swagger UI from the project's own static files.

django-ninja is an installed app, so its docs page loads the copy of Swagger UI it
bundles (``ninja/static/ninja/``), which ``collectstatic`` gathers with the rest; a page
that named a CDN would be blank without internet access.
"""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


class Assets(HTMLParser):
    """The addresses a page loads: scripts, stylesheets, icons."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def test_docs_page_loads_only_local_assets_and_they_are_served():
    client = Client()
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    parser = Assets()
    parser.feed(response.content.decode())

    assert {url.rsplit("/", 1)[1] for url in parser.urls} >= {
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-init.js",
    }
    for url in parser.urls:
        assert url.startswith(settings.STATIC_URL), url  # no CDN, no other host
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url  # collected

    # Served by the project's static files middleware (whitenoise), here from the
    # finders since the tests do not run collectstatic; a new client loads it afresh.
    with override_settings(WHITENOISE_USE_FINDERS=True):
        static_client = Client()
        for url in parser.urls:
            asset = static_client.get(url)
            assert asset.status_code == 200, url
            assert b"".join(asset.streaming_content if asset.streaming else [asset.content])


def test_docs_page_reads_the_served_document():
    response = Client().get("/api/v3/docs/")
    assert b'"url": "/api/v3/openapi.json"' in response.content
