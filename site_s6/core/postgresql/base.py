"""Django's PostgreSQL backend, its kept connections checked without a query.

``CONN_HEALTH_CHECKS`` makes Django check a kept connection before the first query of
each request, so that a request after a restart of the database opens a new connection
instead of failing on the dead one. Django checks by sending ``SELECT 1``: a round trip
that every request pays, one more than most reads of the API make.

An idle connection's socket has nothing to read: the server speaks only when asked. A
server that goes away (a restart, ``pg_terminate_backend``, an idle timeout, a crash
that closes its sockets) leaves its farewell or the end of the stream there, so a
readable socket means the connection cannot be used; so does a connection whose
transaction failed or that is still busy. Any of these closes the connection and the
request opens a new one, as with Django's check. Something the check cannot see, a
network that drops packets without closing, a ``SELECT 1`` would wait on as well.
"""

import select

from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLDatabaseWrapper

#: libpq's transaction states in which the connection takes a query (psycopg and
#: psycopg2 number them alike): idle, or inside a transaction block that has not failed.
USABLE_STATES = frozenset({0, 2})


class DatabaseWrapper(PostgreSQLDatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        if int(connection.info.transaction_status) not in USABLE_STATES:
            return False
        try:
            readable, _writable, _failed = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable
