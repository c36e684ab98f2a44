"""The search page: scoped to the site and language, folding Romanian letters, paginated."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from site_s6.search.folding import fold, search_terms, spelling_variants
from site_s6.search.templatetags.search_tags import highlight
from tests.factories import EventPageFactory, NewsPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def result_titles(response):
    """The result titles on the page, their highlighting removed."""
    assert response.status_code == 200
    body = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a></h2>', body)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def content(two_sites):
    main, other = two_sites["main"], two_sites["other"]
    index = main["news_index"]
    budget = NewsPageFactory(
        parent=index,
        title="Primăria Sectorului 6 adoptă bugetul",
        intro="Consiliul local a votat bugetul pe 2026.",
        publication_date=days_ago(2),
    )
    comma = NewsPageFactory(
        parent=index, title="Știrile săptămânii", intro="Pe scurt.", publication_date=days_ago(3)
    )
    cedilla = NewsPageFactory(
        parent=index,
        title="Noutăţi din sector",
        lead="Ştiri scrise cu litere vechi: şcoli şi străzi.",
        publication_date=days_ago(4),
    )
    body_only = NewsPageFactory(
        parent=index,
        title="Curățenie de primăvară",
        body=[("paragraph", RichText("<p>Programul de salubrizare începe luni.</p>"))],
        publication_date=days_ago(5),
    )
    event = EventPageFactory(
        parent=main["event_index"],
        title="Conferință de presă la Primărie",
        venue_name="Sala Mare",
    )
    NewsPageFactory(parent=index, title="Primăria ciornă", live=False)
    private = NewsPageFactory(parent=index, title="Primăria privată")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    NewsPageFactory(parent=other["news_index"], title="Primăria vecină la DGASPC")
    english = translate(budget, two_sites["locales"]["en"], title="The City Hall adopts the budget")
    return {
        **two_sites,
        "budget": budget,
        "comma": comma,
        "cedilla": cedilla,
        "body_only": body_only,
        "event": event,
        "english": english,
    }


def test_query_without_diacritics_finds_romanian_text(client, content):
    titles = set(result_titles(client.get("/search/", {"q": "primaria"})))

    # The home page is titled after the city hall too.
    assert {"Primăria Sectorului 6", "Primăria Sectorului 6 adoptă bugetul"} <= titles
    # "Primărie" is another form of the word: PostgreSQL's Romanian stemmer finds it,
    # the plain folded match of SQLite does not.
    stemmed = connection.vendor == "postgresql"
    assert ("Conferință de presă la Primărie" in titles) == stemmed
    assert len(titles) == 2 + stemmed


def test_search_finds_fields_of_every_page_type(client, content):
    titles = result_titles(client.get("/search/", {"q": "sala mare"}))

    assert titles == ["Conferință de presă la Primărie"]


def test_cedilla_and_comma_letters_match_each_other(client, content):
    comma_query = result_titles(client.get("/search/", {"q": "știri"}))
    cedilla_query = result_titles(client.get("/search/", {"q": "ştiri"}))
    plain_query = result_titles(client.get("/search/", {"q": "stiri"}))

    # The news index is titled "Știri".
    expected = {"Știri", "Știrile săptămânii", "Noutăţi din sector"}
    assert set(comma_query) == set(cedilla_query) == set(plain_query) == expected
    assert result_titles(client.get("/search/", {"q": "noutăți"})) == ["Noutăţi din sector"]


def test_every_word_must_match(client, content):
    assert result_titles(client.get("/search/", {"q": "primaria bugetul"})) == [
        "Primăria Sectorului 6 adoptă bugetul"
    ]
    assert result_titles(client.get("/search/", {"q": "primaria salubrizare"})) == []


def test_full_text_search_reaches_the_body(client, content):
    titles = result_titles(client.get("/search/", {"q": "salubrizare"}))

    assert titles == ["Curățenie de primăvară"]


def test_results_are_this_sites_live_public_pages_only(client, content):
    titles = result_titles(client.get("/search/", {"q": "Primăria"}))

    assert "Primăria ciornă" not in titles
    assert "Primăria privată" not in titles
    assert "Primăria vecină la DGASPC" not in titles
    other = result_titles(client.get("/search/", {"q": "primaria"}, HTTP_HOST="dgaspc.test"))
    assert other == ["Primăria vecină la DGASPC"]


def test_results_are_in_the_language_of_the_address(client, content):
    assert result_titles(client.get("/en/search/", {"q": "budget"})) == [
        "The City Hall adopts the budget"
    ]
    assert result_titles(client.get("/en/search/", {"q": "primaria"})) == []
    assert "The City Hall adopts the budget" not in result_titles(
        client.get("/search/", {"q": "budget"})
    )


def test_matches_are_highlighted_and_escaped(client, content):
    NewsPageFactory(
        parent=content["main"]["news_index"],
        title="<script>alert(1)</script> Primăria & co",
    )

    body = client.get("/search/", {"q": "primaria"}).content.decode()

    assert "<mark>Primăria</mark> Sectorului 6" in body
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Primăria</mark> &amp; co" in body


def test_results_are_paginated_by_twelve(client, content):
    for number in range(14):
        NewsPageFactory(
            parent=content["main"]["news_index"],
            title=f"Anunț de mediu {number:02d}",
            publication_date=days_ago(10 + number),
        )

    first = result_titles(client.get("/search/", {"q": "mediu"}))
    second = result_titles(client.get("/search/", {"q": "mediu", "page": 2}))

    assert len(first) == 12
    assert len(second) == 2
    assert not set(first) & set(second)
    body = client.get("/search/", {"q": "mediu"}).content.decode()
    assert "q=mediu&amp;page=2" in body
    assert "14 results" in body or "14 rezultate" in body


def test_empty_query_shows_the_form_and_no_results(client, content):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/search/", params)

        assert response.status_code == 200
        assert result_titles(response) == []
        body = response.content.decode()
        assert 'name="q"' in body
        assert 'class="empty-state"' in body


def test_a_query_nothing_matches_says_so(client, content):
    response = client.get("/search/", {"q": "xylofon"})

    assert result_titles(response) == []
    assert "xylofon" in response.content.decode()


def test_punctuation_only_and_very_long_queries_are_harmless(client, content):
    assert client.get("/search/", {"q": "%_'\"*()"}).status_code == 200
    assert client.get("/search/", {"q": "primaria " * 200}).status_code == 200


def test_every_page_has_a_search_box(client, content):
    body = client.get(content["budget"].get_url()).content.decode()

    assert 'role="search"' in body
    assert 'action="/search/"' in body
    english = client.get(content["english"].get_url()).content.decode()
    assert 'action="/en/search/"' in english


def test_language_switcher_keeps_the_query(client, content):
    body = client.get("/search/", {"q": "primaria"}).content.decode()

    assert 'href="/en/search/?q=primaria"' in body


# The folding helpers


def test_fold():
    assert fold("Primăria ÎNTÂI Ştiri Știri ţară țară") == "primaria intai stiri stiri tara tara"


def test_search_terms_drop_one_letter_words_and_repeats():
    assert search_terms("a Primăria primaria, și  6") == ["primaria", "si"]
    assert search_terms("a") == ["a"]
    assert search_terms("  ") == []


def test_spelling_variants():
    assert spelling_variants("Ştiri") == ["Ştiri", "Știri", "Stiri"]
    assert spelling_variants('"ţară" (OR)*') == ["ţară OR", "țară OR", "tara OR"]
    assert spelling_variants("*()") == []


def test_highlight_escapes_and_marks_every_letter_form():
    assert highlight("Ştiri & ȘTIRI <b>", "stiri") == (
        "<mark>Ştiri</mark> &amp; <mark>ȘTIRI</mark> &lt;b&gt;"
    )
    assert highlight("<i>", "") == "&lt;i&gt;"
