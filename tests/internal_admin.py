"""Helpers for testing the internal records (plans, visit files) and what must not leak."""

import json

from django.urls import reverse
from django.utils.html import escape

from tests.page_admin import edit_page_url


def record_url(viewset_name: str, view: str, *args) -> str:
    """The address of an internal record's admin ``view`` (``index``, ``add``, ``edit``...)."""
    return reverse(f"{viewset_name}:{view}", args=args)


def page_editor_links(client, page) -> str:
    """The page's edit view as ``client`` gets it, asserting it opens."""
    response = client.get(edit_page_url(page))
    assert response.status_code == 200
    return response.content.decode()


def has_link(html: str, url: str) -> bool:
    return f'href="{escape(url)}"' in html


def api_responses(client, page, type_name: str, *v3_urls: str):
    """The public API's answers that serve ``page`` as ``(url, body)``, the body's JSON
    written out with its characters unescaped: API v2 listings and detail, v3's pages
    listing, and the v3 addresses given."""
    urls = [
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/?type={type_name}&fields=*",
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/{page.pk}/?fields=*",
        f"/api/v3/pages/?type={type_name}",
        *v3_urls,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # Some endpoints escape non-ASCII characters; read every body the same way.
        body = json.dumps(response.json(), ensure_ascii=False)
        # The page is there, so the absence of its internal data means something.
        assert page.title in body, url
        yield url, body
