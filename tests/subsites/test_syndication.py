"""News institutions share with the city hall's site, and only with it."""

import re

import pytest
from wagtail.models import Locale, PageViewRestriction

from site_s6.core.sites import site_index
from site_s6.news.models import NewsPage
from site_s6.news.sharing import label_shared
from tests.factories import NewsPageFactory

from .conftest import SITES, published

HOSTS = {key: hostname for key, (_name, _short, hostname, _kind) in SITES.items()}


def syndicate(page):
    page.syndicate_to_main_site = True
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def shared(world):
    """DGASPC shares its live news; Poliția Locală keeps its own to itself."""
    return syndicate(world["dgaspc"].live_news)


def listing(client, world, key) -> str:
    response = client.get("/stiri/", HTTP_HOST=HOSTS[key])
    assert response.status_code == 200
    return response.content.decode()


def source_labels(html: str) -> list[str]:
    return re.findall(r'<span class="card__source">(.*?)</span>', html, flags=re.S)


def shared_with(site, locale=None):
    """The news ``site`` lists from other sites, in ``locale`` (Romanian by default)."""
    locale = locale or Locale.objects.get(language_code="ro")
    listed = NewsPage.objects.on_site(site.pk, locale.pk)
    return listed.exclude(pk__in=NewsPage.objects.visible(_own_roots(site)).values("pk"))


def _own_roots(site):
    return list(site_index().get(site.pk).roots)


def test_only_the_main_site_receives_syndicated_news(world, shared):
    assert list(shared_with(world["main"].site)) == [shared]
    assert not shared_with(world["dgaspc"].site).exists()
    assert not shared_with(world["politia"].site).exists()
    # Only what was written in that language.
    assert not shared_with(world["main"].site, Locale.objects.get(language_code="en")).exists()


def test_drafts_restricted_unflagged_and_inactive_news_stay_home(world, shared):
    news_index = world["politia"].news_index
    syndicate(NewsPageFactory(parent=news_index, title="Flagged draft", live=False)).unpublish()
    restricted = syndicate(published(NewsPageFactory(parent=news_index, live=False)))
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    syndicate(world["main"].live_news)  # the main site's own news is not "syndicated"
    inactive = world["politia"].institution
    flagged_elsewhere = syndicate(published(NewsPageFactory(parent=news_index, live=False)))

    assert flagged_elsewhere in shared_with(world["main"].site)
    inactive.is_active = False
    inactive.save()

    assert list(shared_with(world["main"].site)) == [shared]


def test_the_main_site_listing_shows_them_labelled_and_linked_to_their_site(client, world, shared):
    html = listing(client, world, "main")

    assert shared.title in html
    assert "Live news primaria-6" in html
    assert len(source_labels(html)) == 1
    assert "DGASPC" in source_labels(html)[0]
    assert f'href="http://dgaspc6.localhost/stiri/{shared.slug}/"' in html


@pytest.mark.parametrize("key", ["dgaspc", "politia"])
def test_institution_sites_list_only_their_own_news(client, world, shared, key):
    html = listing(client, world, key)

    assert world[key].live_news.title in html
    assert source_labels(html) == []
    if key == "politia":
        assert shared.title not in html


def test_labels_name_the_institution_and_its_absolute_address(world, shared):
    items = label_shared([shared, world["main"].live_news], site_id=world["main"].site.pk)

    assert [item.syndicated_from for item in items] == ["DGASPC", None]
    assert items[0].syndicated_site_url == "http://dgaspc6.localhost"
    assert items[0].syndicated_url == f"http://dgaspc6.localhost/stiri/{shared.slug}/"
    assert items[1].syndicated_url is None


def test_a_sites_news_are_the_same_read_on_the_page_table_or_the_news_table(world, shared):
    # The page-table form (counts, search scopes) and the news-table form (lists' rows,
    # feeds) of which news a site lists must never disagree.
    index = site_index()
    for entry in index.serving():
        for locale_id in (None, *(root.locale_id for root in entry.roots)):
            on_pages = NewsPage.objects.on_site_q(entry.pk, locale_id, index=index)
            of_news = NewsPage.objects.on_site_q(entry.pk, locale_id, index=index, of_news=True)
            read_on_pages = set(NewsPage.objects.filter(on_pages).values_list("pk", flat=True))
            assert set(NewsPage.objects.filter(of_news).values_list("pk", flat=True)) == (
                read_on_pages
            ), (entry.site.hostname, locale_id)
    assert shared in NewsPage.objects.on_site(world["main"].site.pk)
