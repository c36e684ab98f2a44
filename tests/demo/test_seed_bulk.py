"""``seed_bulk`` on a tiny tree: a valid tree, live pages served, revisions, determinism.

Seeding provisions real sites, the slow part of these tests; each seeded tree is checked
for several properties at once rather than built again per property.
"""

import random
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from site_s6.demo.bulk import BulkSeedOptions, bulk_seed
from site_s6.demo.bulk.content import ContentGenerator
from site_s6.demo.bulk.seed import BulkSeedError, Section, interleaved
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from subsites.models import Institution

TINY = {"sites": 2, "news": 20, "events": 4, "campaigns": 2, "visits": 2, "seed": 11}
ONE_SITE = {"sites": 1, "news": 3, "events": 1, "campaigns": 1, "visits": 1}
MAIN_HOST = "primarie6.localhost"


def seed(**changes):
    return bulk_seed(BulkSeedOptions(**{**TINY, **changes}))


def page_titles() -> list[tuple[str, str]]:
    return list(Page.objects.order_by("path").values_list("path", "title"))


def main_home() -> Page:
    return Institution.objects.get(kind=Institution.Kind.CITY_HALL).site.root_page


def _words(value) -> list[str]:
    """A text or tsvector column as its sorted words, without positions.

    The backend reads a page's tags in whatever order the database returns them, which
    moves word positions; the words and their weights stay the same.
    """
    return sorted(re.sub(r"(?<=[:,])[0-9]+", "", str(value)).split())


def assert_translations_in_place():
    english = NewsPage.objects.filter(locale__language_code="en")
    assert english.exists(), "a share of the news is translated into English"
    for page in english:
        source = page.get_translation(page.get_default_locale())
        assert source.translation_key == page.translation_key
        assert page.url_path == f"{page.get_parent().url_path}{page.slug}/"


def assert_live_revisions():
    for page in NewsPage.objects.select_related("live_revision"):
        assert page.live and page.first_published_at and page.last_published_at
        assert page.latest_revision_id == page.live_revision_id
        content = page.live_revision.content
        assert content["pk"] == page.pk
        assert content["title"] == page.title
        assert list(page.live_revision.as_object().body.raw_data) == list(page.body.raw_data)
    tagged = NewsPage.objects.filter(tagged_items__isnull=False).distinct()
    assert tagged.count() == NewsPage.objects.count()


def assert_index_as_the_backend_writes_it():
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
    if connection.vendor == "postgresql":
        # The title weights of the new entries were normalised (1.0 is the unset weight).
        assert entries.exclude(title_norm=1.0).exists()

    get_search_backend().add_bulk(NewsPage, pages)

    assert snapshot() == written
    assert pages[0] in NewsPage.objects.search(pages[0].title.split()[-1])


def assert_sites_interleaved():
    """Each site's news are spread over the page table's ids, as a growing archive's are."""
    home = main_home()
    romanian = NewsPage.objects.filter(locale__language_code="ro").order_by("pk")
    of_city_hall = [page.path.startswith(home.path) for page in romanian]
    half = len(of_city_hall) // 2
    for part in (of_city_hall[:half], of_city_hall[half:]):
        assert True in part and False in part, of_city_hall


def test_seeded_tree_is_valid_published_and_indexed(db):
    report = seed()

    assert Page.find_problems() == ([], [], [], [], [])
    assert report.sites == 2
    assert report.created["news"] >= 20
    assert Site.objects.get(is_default_site=True).hostname == MAIN_HOST
    assert_translations_in_place()
    assert_live_revisions()
    assert_index_as_the_backend_writes_it()
    assert_sites_interleaved()


def test_sections_advance_in_proportion_to_their_counts():
    reported = []

    def pages(name, count):
        for number in range(count):
            yield [f"{name}{number}"]
        reported.append(name)

    sections = [Section(site, count, pages(site, count)) for site, count in (("a", 6), ("b", 2))]

    merged = [pages[0] for _site, pages in interleaved(sections)]

    assert merged == ["a0", "a1", "a2", "b0", "a3", "a4", "a5", "b1"]
    assert sorted(reported) == ["a", "b"], "each section reports itself once written"


def test_seeded_news_are_served_by_the_api_and_the_site(db, client):
    seed()
    home = main_home()
    own = NewsPage.objects.live().filter(locale__language_code="ro", path__startswith=home.path)
    syndicated = NewsPage.objects.filter(locale__language_code="ro", syndicate_to_main_site=True)
    syndicated = syndicated.exclude(path__startswith=home.path)
    newest = own.order_by("-publication_date", "-pk").first()

    response = client.get("/api/v3/news/", {"site": MAIN_HOST, "limit": 100})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == own.count() + syndicated.count()
    assert body["items"][0]["id"] == newest.pk

    index = client.get(newest.get_parent().url, HTTP_HOST=MAIN_HOST)
    assert index.status_code == 200
    assert newest.title in index.content.decode()
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


def test_refuses_a_database_with_content(db):
    seed(**ONE_SITE)
    with pytest.raises(BulkSeedError):
        seed(**ONE_SITE)


def test_command_reports_what_it_made(db, capsys):
    call_command("seed_bulk", *(f"--{name}={value}" for name, value in ONE_SITE.items()))
    assert "Seeded" in capsys.readouterr().out
    assert Page.find_problems() == ([], [], [], [], [])


def test_upcoming_places_each_sites_first_events_ahead(db):
    # The bench gives every size a full first page of events to come (bench/run.py).
    call_command(
        "seed_bulk",
        *(f"--{name}={value}" for name, value in {**TINY, "events": 12}.items()),
        "--years=8",
        "--upcoming=3",
    )
    now = timezone.now()
    for site in Site.objects.all():
        events = EventPage.objects.descendant_of(site.root_page).filter(locale__language_code="ro")
        assert events.count() >= 3
        assert events.filter(start__gt=now).count() >= 3, site.hostname
    # The rest still fall anywhere in the archive's years.
    assert EventPage.objects.filter(start__lt=now).exists()
