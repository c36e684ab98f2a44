"""The search service and its index: spellings, ranking, scope, upkeep, hostile input.

Runs on SQLite (the folded fallback) and on PostgreSQL (the full-text index); where the
two differ by design (stemming), each test states what each database finds.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from site_s6.search.models import SearchDocument
from site_s6.search.query import searchable_pages
from site_s6.search.service import clean_query, search_pages
from site_s6.search.signal_handlers import indexing_deferred
from site_s6.search.tasks import index_page_task
from subsites.models import Institution
from tests.factories import EventPageFactory, NewsPageFactory, make_site
from tests.markers import only_on_postgresql

pytestmark = pytest.mark.django_db

SPELLINGS = ["sedinta", "şedinţă", "ședință", "SEDINȚA", "  ȘEDINŢĂ  "]
HOSTILE = [
    "",
    "   ",
    "\x00",
    "ședință\x00consiliu",
    '"ședință',
    "ședință & | ! : * ( ) <-> -",
    "&|!:*()",
    "' OR 1=1 --",
    "!!!ședință:*",
    "(((((",
    "or and not",
    " ".join(["ședință"] * 1000),
    "%_\\",
]


@pytest.fixture
def sites(locales):
    Site.objects.all().delete()
    main = make_site("localhost", title="Primăria Sectorului 6", default=True)
    other = make_site("dgaspc.test", title="DGASPC Sector 6", default=False)
    main["site"] = Site.objects.get(hostname="localhost")
    other["site"] = Site.objects.get(hostname="dgaspc.test")
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=main["site"],
    )
    Institution.objects.create(
        name="DGASPC Sector 6", short_name="DGASPC", slug="dgaspc", site=other["site"]
    )
    index = main["news_index"]
    pages = {
        "title": NewsPageFactory(
            parent=index, title="Ședința consiliului local", lead="Ordinea de zi."
        ),
        "cedilla_lead": NewsPageFactory(
            parent=index, title="Consiliul se întrunește", lead="O şedinţă extraordinară."
        ),
        "body": NewsPageFactory(
            parent=index,
            title="Program de lucru",
            lead="Program.",
            body=[("paragraph", RichText("<p>Ședința publică începe la ora 10.</p>"))],
        ),
        "event": EventPageFactory(parent=main["event_index"], title="Ședință de informare"),
        "unrelated": NewsPageFactory(parent=index, title="Parcul se redeschide"),
        "draft": NewsPageFactory(parent=index, title="Ședință ciornă", live=False),
        "private": NewsPageFactory(parent=index, title="Ședință privată"),
        "other_site": NewsPageFactory(parent=other["news_index"], title="Ședință DGASPC"),
        "shared": NewsPageFactory(
            parent=other["news_index"], title="Ședință comună", syndicate_to_main_site=True
        ),
    }
    PageViewRestriction.objects.create(
        page=pages["private"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return {"main": main, "other": other, "pages": pages}


def found(sites, text, site="main"):
    """The pages the visitors of ``site`` find for ``text``, as keys of ``sites["pages"]``."""
    tree = sites[site]
    ids = search_pages(text, searchable_pages(tree["site"], tree["home"]))
    names = {page.pk: name for name, page in sites["pages"].items()}
    return [names.get(pk, pk) for pk in ids]


def test_every_spelling_finds_the_same_pages(sites):
    results = [found(sites, spelling) for spelling in SPELLINGS]
    assert set(results[0]) == {"title", "cedilla_lead", "body", "event", "shared"}
    for result in results[1:]:
        assert result == results[0]


def test_title_ranks_before_lead_before_body(sites):
    ranked = found(sites, "ședința")
    assert ranked.index("title") < ranked.index("cedilla_lead") < ranked.index("body")


def test_a_query_matching_more_than_the_bound_ranks_its_newest_matches(sites, settings):
    """``title`` ranks first among every match, but it is the oldest of the five: with a
    bound of three, the three newest matches are found, ranked among themselves."""
    settings.S6_SEARCH_MAX_RESULTS = 3
    pages = sites["pages"]
    newest = sorted(
        (pages[name] for name in ("title", "cedilla_lead", "body", "event", "shared")),
        key=lambda page: page.pk,
    )[-3:]
    ranked = found(sites, "ședința")
    assert {pages[name].pk for name in ranked} == {page.pk for page in newest}
    assert set(ranked) == {"body", "event", "shared"}
    assert ranked[-1] == "body"  # in the body only, after the two titles


@only_on_postgresql("the walk of the newest pages is PostgreSQL's")
@pytest.mark.parametrize("bound", [240, 3])
def test_a_common_word_finds_what_the_index_finds_by_walking_the_newest_pages(
    sites, settings, bound
):
    """Every query taken as common (``S6_SEARCH_COMMON_MATCHES = 0``): the walk through the
    site's pages finds the same pages, ranked the same, as the GIN index, drafts, private
    pages, other sites and the bound included."""
    settings.S6_SEARCH_MAX_RESULTS = bound
    queries = [*SPELLINGS, "parcul", "program", *HOSTILE]
    by_index = {(site, text): found(sites, text, site) for site in sites_of() for text in queries}
    settings.S6_SEARCH_COMMON_MATCHES = 0
    with CaptureQueriesContext(connection) as queries_sent:
        by_walk = {
            (site, text): found(sites, text, site) for site in sites_of() for text in queries
        }
    assert any("LIMIT 1) IS NOT NULL" in query["sql"] for query in queries_sent)
    assert by_walk == by_index
    assert set(by_walk[("main", "sedinta")]) == (
        {"title", "cedilla_lead", "body", "event", "shared"}
        if bound == 240
        else {"body", "event", "shared"}
    )


def sites_of():
    return ("main", "other")


def test_drafts_private_pages_aliases_and_other_sites_are_never_found(sites, locales):
    alias = sites["pages"]["title"].create_alias(
        recursive=False, parent=sites["other"]["news_index"], update_slug="alias-sedinta"
    )
    assert SearchDocument.objects.filter(page=alias).exists()
    for site in ("main", "other"):
        ids = [pk for pk in found(sites, "sedinta", site) if isinstance(pk, int)]
        assert ids == [], ids
        names = set(found(sites, "sedinta", site))
        assert not names & {"draft", "private"}
    assert "other_site" not in found(sites, "sedinta")
    assert set(found(sites, "sedinta", "other")) == {"other_site", "shared"}


def test_the_index_follows_publishing_unpublishing_and_deletion(sites):
    page = sites["pages"]["unrelated"]
    page.title = "Ședința de redeschidere a parcului"
    page.save_revision().publish()
    assert "unrelated" in found(sites, "sedinta")
    assert SearchDocument.objects.get(page=page).title == page.title

    page.unpublish()
    assert "unrelated" not in found(sites, "sedinta")

    page.delete()
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()


def test_a_draft_revision_leaves_the_published_text_searchable(sites):
    page = sites["pages"]["title"]
    page.title = "Titlu schimbat în ciornă"
    page.save_revision()
    assert "title" in found(sites, "sedinta")
    assert "title" not in found(sites, "schimbat")


def test_hostile_input_never_raises(sites):
    for text in HOSTILE:
        result = found(sites, text)
        assert isinstance(result, list), text
        assert not {"draft", "private", "other_site"} & set(result), text


def test_clean_query_strips_nul_and_caps_length():
    assert clean_query("a\x00b") == "a b"
    assert len(clean_query("x" * 5000)) == 200
    assert clean_query(None) == ""


def test_stemming_or_folding_by_database(sites):
    index = sites["main"]["news_index"]
    schools = NewsPageFactory(parent=index, title="Școlile din sector", lead="Reparații.")
    within = searchable_pages(sites["main"]["site"], sites["main"]["home"])
    ids = search_pages("școli", within)
    # Both databases find "școlile" for "școli": PostgreSQL by the Romanian stem ("scol"),
    # SQLite because the folded word contains the folded query.
    assert schools.pk in ids
    plural = search_pages("scolilor", within)
    if connection.vendor == "postgresql":
        # "școlilor" has the same stem as "școlile".
        assert schools.pk in plural
    else:
        assert schools.pk not in plural


def test_rebuild_command_restores_the_index(sites):
    SearchDocument.objects.all().delete()
    assert found(sites, "sedinta") == []
    call_command("rebuild_search_documents", verbosity=0)
    assert set(found(sites, "sedinta")) == {"title", "cedilla_lead", "body", "event", "shared"}
    assert SearchDocument.objects.count() == Page.objects.filter(depth__gt=1).count()


def test_deferred_indexing_enqueues_nothing_and_the_rebuild_covers_it(sites):
    """``load_demo`` writes its pages inside ``indexing_deferred()`` and rebuilds the index
    once after, leaving the worker's queue to what people publish."""
    index = sites["main"]["news_index"]
    with indexing_deferred():
        quiet = NewsPageFactory(parent=index, title="Ședința amânată în bloc")
    assert not SearchDocument.objects.filter(page=quiet).exists()
    loud = NewsPageFactory(parent=index, title="Ședința publicată obișnuit")
    assert SearchDocument.objects.filter(page=loud).exists()

    call_command("rebuild_search_documents", verbosity=0)
    assert quiet.pk in found(sites, "amanata")
    assert index_page_task.priority > 0  # ahead of Wagtail's own background tasks
