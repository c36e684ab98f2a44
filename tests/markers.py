"""Markers shared by the test modules."""

import pytest
from django.db import connection


def only_on_postgresql(reason: str):
    """Skip on any other database, saying why the behaviour under test is PostgreSQL's
    (the suite runs on SQLite and on PostgreSQL; CI runs it on PostgreSQL)."""
    return pytest.mark.skipif(connection.vendor != "postgresql", reason=reason)
