"""Seeded data is searchable at once: ``seed_bulk`` and ``load_demo`` leave the index built."""

from urllib.parse import urlencode

import pytest
from wagtail.models import Page, Site

from site_s6.demo.bulk import BulkSeedOptions, bulk_seed
from site_s6.news.models import NewsPage
from site_s6.search.models import SearchDocument

pytestmark = pytest.mark.django_db

TINY = {"sites": 2, "news": 12, "events": 2, "campaigns": 1, "visits": 1, "seed": 5}


def test_seed_bulk_indexes_every_page_and_the_api_finds_them(client):
    bulk_seed(BulkSeedOptions(**TINY))
    assert SearchDocument.objects.count() == Page.objects.filter(depth__gt=1).count()
    site = Site.objects.get(is_default_site=True)
    news = NewsPage.objects.filter(live=True, locale__language_code="ro").first()
    word = max(news.title.split(), key=len)
    response = client.get(f"/api/v3/news/?{urlencode({'site': site.hostname, 'search': word})}")
    assert response.status_code == 200
    assert response.json()["count"] >= 1


def test_seed_bulk_without_search_index_leaves_the_written_pages_out():
    bulk_seed(BulkSeedOptions(**TINY, search_index=False))
    # Home and section pages are provisioned through Page.save(), which indexes them.
    assert SearchDocument.objects.exists()
    assert not SearchDocument.objects.filter(page__in=NewsPage.objects.values("pk")).exists()
