"""Item URLs come from the index of sites: they must be exactly Wagtail's ``get_full_url``.

The API builds each item's ``url`` from the site index (``SiteIndex.page_url``) rather
than through Wagtail's site root paths and a ``reverse()`` per page; every kind of page
a list shows is compared with Wagtail's own answer.
"""

from urllib.parse import quote

import pytest

from site_s6.core.sites import URL_SAFE, quoted_path, site_index
from tests.api.conftest import publish
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_index_urls_are_wagtails(tree):
    odd = publish(
        NewsPageFactory(
            parent=tree["main"]["news_index"], title="Slug odd", slug="stire-2025_final-v2"
        )
    )
    index = site_index()
    main = tree["main"]["home"].get_site()
    pages = [
        tree["press"],  # Romanian, no prefix
        tree["en_press"],  # English, under /en/
        tree["shared"],  # an institution's news, on its own site
        tree["soon"],
        tree["en_home"],  # a locale root itself
        tree["main"]["home"],
        odd,
    ]
    for page in pages:
        assert index.page_url(page.url_path, prefer_site_id=main.pk) == page.get_full_url(), (
            page.title
        )


def test_a_page_outside_every_site_has_no_url(tree):
    assert site_index().page_url("/elsewhere/page/") is None


def test_list_items_carry_the_index_urls(client, tree):
    body = client.get("/api/v3/news/?locale=en").json()
    assert [item["url"] for item in body["items"]] == [tree["en_press"].get_full_url()]


@pytest.mark.parametrize(
    "path",
    ["stiri/anunt-2025_final-v2/", "", "știri/ședință/", "a b/%/?/#/", "x~y:z@w!$&'()*+,;=/"],
)
def test_paths_are_quoted_as_reverse_quotes_them(path):
    assert quoted_path(path) == quote(path, safe=URL_SAFE)
