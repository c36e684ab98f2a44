"""Compiled reads: a list's SQL compiled once per key, its rows read fresh every time."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from wagtail.models import Page

from site_s6.api import compiled
from site_s6.news.models import NewsPage
from tests.api.conftest import days, titles
from tests.factories import EventPageFactory, NewsPageFactory
from tests.markers import only_on_postgresql

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_compiled_queries():
    compiled.forget()
    yield
    compiled.forget()


@pytest.fixture
def built(monkeypatch) -> list:
    """The querysets compiled while the test runs."""
    querysets = []
    original = compiled.CompiledValues

    def counting(queryset, slot=None):
        querysets.append(queryset)
        return original(queryset, slot)

    monkeypatch.setattr(compiled, "CompiledValues", counting)
    return querysets


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


def test_a_list_compiles_once_for_its_parameters_and_reads_new_pages(client, tree, built):
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
    # New content changes no list's SQL: read by the same compiled query.
    assert len(built) == 2
    assert titles(client.get("/api/v3/news/?limit=2&_unused=4")) == titles(after)
    assert len(built) == 2


postgresql_only = only_on_postgresql("prepared statements are PostgreSQL's")


def prepared_reads():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 's6_read_%%'"
        )
        return dict(cursor.fetchall())


@postgresql_only
def test_a_compiled_read_is_prepared_once_per_connection(tree, django_assert_num_queries):
    def build():
        return NewsPage.objects.filter(live=True).order_by("-pk").values("id", "title")

    before = prepared_reads()
    expected = list(build())
    with django_assert_num_queries(1) as first:
        assert compiled.values_rows(("prepared",), build) == expected
    # Prepared and executed in one round trip (after dropping the connection's oldest
    # statement when it holds its share).
    sent = first.captured_queries[0]["sql"]
    assert "PREPARE s6_read_" in sent and sent.split("; ")[-1].startswith("EXECUTE s6_read_")
    new = set(prepared_reads()) - set(before)
    assert len(new) == 1
    with django_assert_num_queries(1) as again:
        assert compiled.values_rows(("prepared",), build) == expected
    assert again.captured_queries[0]["sql"] == f"EXECUTE {new.pop()}"


@postgresql_only
def test_a_list_that_follows_the_clock_is_planned_once_for_every_instant(client, tree):
    """A custom plan per instant would be made at every read, on estimates the upcoming
    events' conditions do not bear out: the connections plan prepared reads in general."""
    before = set(prepared_reads())
    for second in range(7):
        assert client.get(f"/api/v3/events/?upcoming=true&_read={second}").status_code == 200
    [new] = set(prepared_reads()) - before
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = %s",
            [new],
        )
        generic, custom = cursor.fetchone()

    assert (generic, custom) == (7, 0)


@postgresql_only
def test_a_connection_keeps_its_newest_prepared_reads(tree, monkeypatch):
    monkeypatch.setattr(compiled, "PREPARED_PER_CONNECTION", 2)
    for number in range(4):
        rows = compiled.values_rows(
            ("kept", number),
            lambda number=number: Page.objects.filter(depth__gte=number).values("id"),
        )
        assert rows == list(Page.objects.filter(depth__gte=number).values("id"))
    statements = compiled._prepared_statements(connection)
    assert len(statements) == 2
    assert set(statements.values()) <= set(prepared_reads())


@postgresql_only
def test_a_new_session_prepares_again(tree):
    def build():
        return Page.objects.filter(depth=2).values("id")

    compiled.values_rows(("session",), build)
    assert compiled._prepared_statements(connection)
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a new server session would have none
    connection._s6_prepared = (object(), connection._s6_prepared[1])  # another session

    assert compiled.values_rows(("session",), build) == list(build())


@pytest.mark.parametrize("prepared", [True, False])
def test_reads_are_the_same_with_prepared_statements_off(tree, settings, prepared):
    settings.S6_PREPARED_READS = prepared

    def build():
        return NewsPage.objects.filter(live=True).order_by("-pk").values("id", "title")

    assert compiled.values_rows(("either", prepared), build) == list(build())


def test_a_list_that_follows_the_clock_compiles_once_and_reads_each_instant(client, tree, built):
    now = timezone.now().replace(microsecond=0)
    EventPageFactory(
        parent=tree["main"]["event_index"],
        title="Se încheie curând",
        start=now - timedelta(hours=1),
        end=now + timedelta(seconds=30),
    )
    with time_machine.travel(now, tick=False) as traveller:
        before = titles(client.get("/api/v3/events/?upcoming=true&_unused=1"))
        traveller.shift(timedelta(minutes=1))
        after = titles(client.get("/api/v3/events/?upcoming=true&_unused=2"))

    assert "Se încheie curând" in before
    assert "Se încheie curând" not in after
    assert len(built) == 1  # one query for every instant, the instant left open
