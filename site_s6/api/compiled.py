"""Compiled reads: the SQL of a list's slice, compiled once per process, run at every miss.

Building a list's query through the ORM (the visibility conditions, the type's filters,
the tag and translation subqueries) and compiling it to SQL costs several times what the
database takes to answer it. Yet a list asked with the same parameters on the same site
makes the same SQL every time: only the data differs from one miss of the response cache
to the next. So the SQL and its parameters are kept, per process, under a key that
determines them (see :func:`site_s6.api.listing.list_key`), and each read runs them and
converts the rows as the ORM would (``values()`` dictionaries, the backend's converters
applied). The data is read from the database at every read: nothing here holds content,
only the text of a query.

A key's SQL never goes stale: everything it is built from is named by the key (the
parameters, and the generations of the index of sites and of the site's content).

A read may leave one value open, the *slot*: a detail's page id, for which the queryset
is built with :data:`SLOT` in its place, or the instant a list of what is still to come
is read for, built with the instant itself. Each read passes the value
(``values_rows(..., slot=...)``): one compiled query serves every page of a type on a
site, or every second of a list that follows the clock.

On PostgreSQL the SQL also runs as a prepared statement (``PREPARE``, then ``EXECUTE``),
once per connection: a list's query joins the page and type tables with two correlated
subqueries, and planning it took as long as running it. Its parameters are written into
the statement, so the plan is made for them, as an unprepared query's would be; the slot
stays a parameter (``$1``), planned once for any value (the connections'
``plan_cache_mode``, ``site_s6.settings.base``): a plan made for each value would be made
at every read, and for an instant would trust estimates that the conditions of a list of
upcoming events (when an event is over, a bound on its start) do not bear out. A
connection keeps its newest statements (:data:`PREPARED_PER_CONNECTION`), and drops the
oldest as it prepares more. ``DATABASE_PREPARED_READS=false`` (``S6_PREPARED_READS``)
turns this off, for a pooler that hands one client's statements to several server
sessions (PgBouncer in transaction mode).
"""

import datetime
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections
from django.db.models import QuerySet

#: Compiled queries kept per process (a bound, not a policy: a full table starts over).
KEPT = 512


#: Where a read's open value goes when its queryset is built (see :func:`values_rows`):
#: an integer no id takes, found among the compiled parameters and replaced at each read.
SLOT = -1_999_999_999

# A placeholder of the backend's SQL, or an escaped percent sign.
_PLACEHOLDER = re.compile(r"%s|%%")


class CompiledValues:
    """A ``values()`` queryset compiled to SQL, ready to run again."""

    def __init__(self, queryset: QuerySet, slot=None):
        self.using = queryset.db
        query = queryset.query
        self.names = (*query.extra_select, *query.values_select, *query.annotation_select)
        compiler = query.get_compiler(using=self.using)
        self.slot = None
        self.reusable = True
        try:
            self.sql, self.params = compiler.as_sql()
        except EmptyResultSet:
            self.sql, self.params = None, ()
            self.converters = []
            return
        # The open value: where the queryset has SLOT, else the read's own value.
        params = list(self.params)
        if SLOT in params:
            if params.count(SLOT) != 1:
                raise ValueError("A compiled read takes its open value once.")
            self.slot = params.index(SLOT)
        elif slot is not None:
            value = _as_param(connections[self.using], slot)
            if params.count(value) == 1:
                self.slot = params.index(value)
            else:
                # Not used, or also another parameter's value (which one is open cannot
                # be told): this SQL serves this read only.
                self.reusable = False
        selected = [column[0] for column in compiler.select[: len(self.names)]]
        self.converters = list(compiler.get_converters(selected).items())

    def rows(self, slot=None) -> list[dict]:
        """The rows the queryset would yield, read now (with ``slot`` for its open value)."""
        if self.sql is None:
            return []
        if slot is None and self.slot is not None:
            raise ValueError("Give the open value of a compiled read.")
        connection = connections[self.using]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and settings.S6_PREPARED_READS:
                _execute_prepared(connection, cursor, self, slot)
            else:
                params = list(self.params)
                if self.slot is not None:
                    params[self.slot] = _as_param(connection, slot)
                cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        width = len(self.names)
        result = []
        for row in rows:
            values = list(row[:width])
            for position, (converters, expression) in self.converters:
                value = values[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                values[position] = value
            result.append(dict(zip(self.names, values, strict=True)))
        return result


def _as_param(connection, value):
    """``value`` as the backend's compiled parameters hold it (SQLite holds a date-time
    as text)."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


#: Prepared statements a connection keeps; preparing one more deallocates the oldest.
PREPARED_PER_CONNECTION = 64
_statement_numbers = itertools.count(1)
#: PostgreSQL's errors for a statement its session no longer has (invalid statement name)
#: and for a plan that no longer fits its tables ("cached plan must not change result
#: type", after a migration).
STALE_STATEMENT_CODES = {"26000", "0A000"}


def _prepared_statements(connection) -> OrderedDict:
    """The statements prepared on ``connection``'s current session, oldest first: a new
    session (a reconnection) starts with none."""
    session = connection.connection
    known = getattr(connection, "_s6_prepared", None)
    if known is None or known[0] is not session:
        known = connection._s6_prepared = (session, OrderedDict())
    return known[1]


def _statement_text(cursor, compiled: CompiledValues) -> str:
    """The compiled SQL with its parameters written in, the slot's as ``$1``."""
    sql, params = compiled.sql, list(compiled.params)
    if compiled.slot is not None:
        placeholders = iter(range(len(params)))

        def open_slot(match):
            if match.group() == "%%" or next(placeholders) != compiled.slot:
                return match.group()
            return "$1"

        sql = _PLACEHOLDER.sub(open_slot, sql)
        del params[compiled.slot]
    return cursor.mogrify(sql, params).decode()


def _execute_prepared(connection, cursor, compiled: CompiledValues, slot) -> None:
    try:
        _run_prepared(connection, cursor, compiled, slot)
    except DatabaseError as error:
        stale = getattr(error.__cause__, "pgcode", None) in STALE_STATEMENT_CODES
        if not stale or connection.in_atomic_block:
            raise  # nothing to start over, or the error aborted the caller's transaction
        # The session lost the statements (a pooler's reset), or a migration changed what
        # a plan returns: the session's statements start over.
        _prepared_statements(connection).clear()
        cursor.execute("DEALLOCATE ALL")
        _run_prepared(connection, cursor, compiled, slot)


def _run_prepared(connection, cursor, compiled: CompiledValues, slot) -> None:
    statements = _prepared_statements(connection)
    name = statements.get(compiled)
    execute = "EXECUTE {}"  # the statement's name goes in the braces
    if compiled.slot is not None:
        execute = cursor.mogrify("EXECUTE {}(%s)", [slot]).decode()
    if name is not None:
        statements.move_to_end(compiled)
        cursor.execute(execute.format(name))
        return
    # Names are never reused within a process: a statement left behind by a failed
    # round trip can never be mistaken for another.
    name = f"s6_read_{next(_statement_numbers)}"
    commands = []
    while statements and len(statements) >= PREPARED_PER_CONNECTION:
        _oldest, evicted = statements.popitem(last=False)
        commands.append(f"DEALLOCATE {evicted}")
    commands += [f"PREPARE {name} AS {_statement_text(cursor, compiled)}", execute.format(name)]
    # One round trip; the rows are those of the last command.
    cursor.execute("; ".join(commands))
    statements[compiled] = name


_compiled: dict[tuple, CompiledValues] = {}


def values_rows(key: tuple | None, build: Callable[[], QuerySet], slot=None) -> list[dict]:
    """The rows of the ``values()`` queryset ``build()`` makes, its SQL compiled once per
    ``key``; built and compiled every time when ``key`` is None (a read whose SQL depends
    on more than a key can say, such as the ids a search found).

    ``slot`` is the value of the read's open parameter: where ``build()`` put
    :data:`SLOT` (a detail's id: one key for every page), or else where it used ``slot``
    itself (the instant of a list that follows the clock: one key for every second)."""
    if key is None:
        return list(build())
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = CompiledValues(build(), slot)
        if not compiled.reusable:
            return compiled.rows(slot)
        if len(_compiled) >= KEPT:
            _compiled.clear()
        _compiled[key] = compiled
    return compiled.rows(slot)


def forget() -> None:
    """Drop every compiled query (for tests that change what a key cannot see)."""
    _compiled.clear()
