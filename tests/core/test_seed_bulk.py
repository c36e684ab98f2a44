"""``seed_bulk`` on a tiny tree: a valid tree, live pages served, revisions, determinism."""

import random
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from site_s6.core.bulk import BulkSeedOptions, bulk_seed
from site_s6.core.bulk.content import ContentGenerator
from site_s6.core.bulk.seed import BulkSeedError
from site_s6.news.models import NewsPage
from subsites.models import Institution

TINY = {"sites": 2, "news": 20, "events": 4, "campaigns": 2, "visits": 2, "seed": 11}
MAIN_HOST = "primarie6.localhost"


def seed(**changes):
    return bulk_seed(BulkSeedOptions(**{**TINY, **changes}))


def page_titles() -> list[tuple[str, str]]:
    return list(Page.objects.order_by("path").values_list("path", "title"))


@pytest.fixture
def seeded(db):
    return seed()


def test_tree_is_valid_and_complete(seeded):
    assert Page.find_problems() == ([], [], [], [], [])
    assert seeded.sites == 2
    assert seeded.created["news"] >= 20
    assert Site.objects.get(is_default_site=True).hostname == MAIN_HOST
    english = NewsPage.objects.filter(locale__language_code="en")
    assert english.exists(), "a share of the news is translated into English"
    for page in english:
        source = page.get_translation(page.get_default_locale())
        assert source.translation_key == page.translation_key
        assert page.url_path.startswith(page.get_parent().url_path)


def test_every_page_has_its_live_revision(seeded):
    for page in NewsPage.objects.select_related("live_revision"):
        assert page.live and page.first_published_at and page.last_published_at
        assert page.latest_revision_id == page.live_revision_id
        content = page.live_revision.content
        assert content["pk"] == page.pk
        assert content["title"] == page.title
        assert list(page.live_revision.as_object().body.raw_data) == list(page.body.raw_data)
    tagged = NewsPage.objects.filter(tagged_items__isnull=False).distinct()
    assert tagged.count() == NewsPage.objects.count()


def _words(value) -> list[str]:
    """A text or tsvector column as its sorted words, without positions.

    The backend reads a page's tags in whatever order the database returns them, which
    moves word positions; the words and their weights stay the same.
    """
    return sorted(re.sub(r"(?<=[:,])[0-9]+", "", str(value)).split())


def test_search_index_holds_what_the_backend_would_write(seeded):
    pages = list(NewsPage.objects.prefetch_related("tags"))
    entries = IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(NewsPage))
    # title_norm depends on the whole index at the time of writing, not on the page.
    columns = [
        field.attname
        for field in IndexEntry._meta.concrete_fields
        if field.attname not in ("id", "title_norm")
    ]

    def snapshot():
        return sorted([_words(value) for value in row] for row in entries.values_list(*columns))

    written = snapshot()
    assert len(written) == len(pages)

    get_search_backend().add_bulk(NewsPage, pages)

    assert snapshot() == written
    title = pages[0].title
    assert pages[0] in NewsPage.objects.search(title.split()[-1])


def test_api_serves_the_seeded_news(seeded, client):
    main = Institution.objects.get(kind=Institution.Kind.CITY_HALL).site.root_page
    others = Page.objects.filter(depth=2).exclude(translation_key=main.translation_key)
    expected = (
        NewsPage.objects.live()
        .filter(locale__language_code="ro", path__startswith=main.path)
        .count()
    )
    syndicated = NewsPage.objects.filter(
        locale__language_code="ro",
        syndicate_to_main_site=True,
        path__startswith=others.get(locale__language_code="ro").path,
    ).count()

    response = client.get("/api/v3/news/", {"site": MAIN_HOST, "limit": 100})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == expected + syndicated
    newest = (
        NewsPage.objects.filter(pk__in=[item["id"] for item in body["items"]])
        .order_by("-publication_date", "-pk")
        .first()
    )
    assert body["items"][0]["id"] == newest.pk


def test_public_news_index_lists_the_seeded_news(seeded, client):
    main = Institution.objects.get(kind=Institution.Kind.CITY_HALL).site.root_page
    newest = (
        NewsPage.objects.live()
        .filter(locale__language_code="ro", path__startswith=main.path)
        .order_by("-publication_date", "-pk")
        .first()
    )

    response = client.get(newest.get_parent().url, HTTP_HOST=MAIN_HOST)

    assert response.status_code == 200
    assert newest.title in response.content.decode()
    assert client.get(newest.url, HTTP_HOST=MAIN_HOST).status_code == 200


def test_same_seed_gives_the_same_pages(db):
    with transaction.atomic():
        seed()
        first = page_titles()
        transaction.set_rollback(True)
    assert not NewsPage.objects.exists()

    seed()

    assert page_titles() == first


def test_another_seed_gives_other_titles():
    now = timezone.now()
    institution = Institution(short_name="DGASPC Sector 6")

    def titles(seed_value):
        generator = ContentGenerator(
            random.Random(seed_value),  # noqa: S311
            now=now,
            years=2,
            institution=institution,
        )
        return [generator.news_spec().title for _ in range(10)]

    assert titles(1) == titles(1)
    assert titles(1) != titles(2)


def test_refuses_a_database_with_content(seeded):
    with pytest.raises(BulkSeedError):
        seed()


def test_command_reports_what_it_made(db, capsys):
    call_command("seed_bulk", "--sites=1", "--news=3", "--events=1", "--campaigns=1", "--visits=1")
    assert "Seeded" in capsys.readouterr().out
    assert Page.find_problems() == ([], [], [], [], [])
