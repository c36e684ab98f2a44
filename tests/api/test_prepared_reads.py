"""Prepared reads whose session lost its statements (a pooler's reset): prepared again.

Apart from ``test_compiled.py``, whose tree holds a transaction open for the module: a
read can only start over outside the caller's transaction.
"""

import pytest
from django.db import connection
from wagtail.models import Page

from site_s6.api import compiled
from tests.api.test_compiled import postgresql_only, prepared_reads


@pytest.fixture(autouse=True)
def _no_compiled_queries():
    compiled.forget()
    yield
    compiled.forget()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_statements_the_session_lost_are_prepared_again(monkeypatch):
    monkeypatch.setattr(compiled, "PREPARED_PER_CONNECTION", 2)

    def build(depth):
        return Page.objects.filter(depth=depth).values("id")

    expected = {depth: list(build(depth)) for depth in (1, 2, 3)}
    for depth in (1, 2):
        assert compiled.values_rows(("lost", depth), lambda d=depth: build(d)) == expected[depth]
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a pooler's reset of the session would

    # A new read must first drop a lost statement, then one lost is read again.
    assert compiled.values_rows(("lost", 3), lambda: build(3)) == expected[3]
    assert compiled.values_rows(("lost", 1), lambda: build(1)) == expected[1]
    kept = compiled._prepared_statements(connection)
    assert len(kept) == 2
    assert set(kept.values()) <= set(prepared_reads())
