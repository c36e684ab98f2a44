"""Kept PostgreSQL connections checked before reuse without a query
(``site_s6.core.postgresql.base``): a healthy one costs no round trip, a dead or failed
one is closed and the next query opens a new one."""

import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from site_s6.core.postgresql.base import DatabaseWrapper
from tests.markers import only_on_postgresql

pytestmark = [only_on_postgresql("the backend is PostgreSQL's"), pytest.mark.django_db]


@pytest.fixture
def kept():
    """A connection of its own, outside the test's transaction, as a web process keeps one
    between requests (health checks on, as in the settings)."""
    wrapper = connections.create_connection(DEFAULT_DB_ALIAS)
    wrapper.health_check_enabled = True
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def backend_pid(wrapper) -> int:
    return wrapper.connection.get_backend_pid()


def last_query_of(pid: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0]


def wait_until_unusable(wrapper, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not wrapper.is_usable():
            return True
        time.sleep(0.02)
    return False


def test_the_settings_use_the_backend():
    assert isinstance(connections[DEFAULT_DB_ALIAS], DatabaseWrapper)


def test_a_healthy_connection_is_checked_without_a_query(kept):
    with kept.cursor() as cursor:
        cursor.execute("SELECT 'the last query'")
    pid = backend_pid(kept)

    kept.health_check_done = False  # a new request
    kept.close_if_health_check_failed()

    assert kept.connection is not None, "a healthy connection is kept"
    assert kept.is_usable()
    assert last_query_of(pid) == "SELECT 'the last query'"


def test_a_connection_the_server_ended_is_replaced_before_the_next_query(kept):
    old_pid = backend_pid(kept)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [old_pid])

    assert wait_until_unusable(kept), "the server's farewell is read from the socket"
    kept.health_check_done = False  # a new request
    with kept.cursor() as cursor:  # checks, closes the dead connection, opens a new one
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert backend_pid(kept) != old_pid


def test_a_connection_whose_transaction_failed_is_not_reused(kept):
    kept.set_autocommit(False)
    with pytest.raises(Exception, match="division by zero"), kept.cursor() as cursor:
        cursor.execute("SELECT 1 / 0")

    assert not kept.is_usable()
    kept.rollback()
    assert kept.is_usable()
