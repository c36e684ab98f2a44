"""Compiled reads: a list's SQL compiled once per key, its rows read fresh every time."""

import pytest
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from wagtail.models import Page

from site_s6.api import compiled
from site_s6.news.models import NewsPage
from tests.api.conftest import days, titles
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_compiled_queries():
    compiled.forget()
    yield
    compiled.forget()


def test_compiled_rows_are_the_rows_the_orm_reads(tree):
    def build():
        return (
            NewsPage.objects.filter(live=True)
            .order_by("-publication_date", "-pk")
            .annotate(label=Concat(F("title"), Value(" / "), F("slug"), output_field=CharField()))
            .values("id", "title", "publication_date", "last_published_at", "kind", "label")
        )

    expected = list(build())
    assert expected
    assert compiled.values_rows(("rows",), build) == expected
    # Run again from the compiled text: the same rows, with the backend's conversions
    # (datetimes from SQLite's text) applied.
    assert compiled.values_rows(("rows",), build) == expected
    assert compiled.values_rows(None, build) == expected


def test_an_empty_condition_answers_no_rows_without_a_query(tree, django_assert_num_queries):
    def build():
        return Page.objects.filter(pk__in=[]).values("id")

    with django_assert_num_queries(0):
        assert compiled.values_rows(("empty",), build) == []


def test_a_list_compiles_once_for_its_parameters_and_reads_new_pages(client, tree, monkeypatch):
    built = []
    original = compiled.CompiledValues

    def counting(queryset):
        built.append(queryset)
        return original(queryset)

    monkeypatch.setattr(compiled, "CompiledValues", counting)
    first = client.get("/api/v3/news/?limit=2&_unused=1")
    again = client.get("/api/v3/news/?limit=2&_unused=2")
    other_limit = client.get("/api/v3/news/?limit=3")
    assert len(built) == 2  # one per limit, not one per request
    assert titles(again) == titles(first)
    assert len(titles(other_limit)) == 3

    NewsPageFactory(
        parent=tree["main"]["news_index"], title="Știre proaspătă", publication_date=days(0)
    )
    after = client.get("/api/v3/news/?limit=2&_unused=3")
    assert titles(after)[0] == "Știre proaspătă"
    # Compiled again once for the site's new generation, then reused.
    assert len(built) == 3
    assert titles(client.get("/api/v3/news/?limit=2&_unused=4")) == titles(after)
    assert len(built) == 3
