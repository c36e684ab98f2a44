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
"""

from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

#: Compiled queries kept per process (a bound, not a policy: a full table starts over).
KEPT = 512


class CompiledValues:
    """A ``values()`` queryset compiled to SQL, ready to run again."""

    def __init__(self, queryset: QuerySet):
        self.using = queryset.db
        query = queryset.query
        self.names = (*query.extra_select, *query.values_select, *query.annotation_select)
        compiler = query.get_compiler(using=self.using)
        try:
            self.sql, self.params = compiler.as_sql()
        except EmptyResultSet:
            self.sql, self.params = None, ()
            self.converters = []
            return
        selected = [column[0] for column in compiler.select[: len(self.names)]]
        self.converters = list(compiler.get_converters(selected).items())

    def rows(self) -> list[dict]:
        """The rows the queryset would yield, read now."""
        if self.sql is None:
            return []
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
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


_compiled: dict[tuple, CompiledValues] = {}


def values_rows(key: tuple | None, build: Callable[[], QuerySet]) -> list[dict]:
    """The rows of the ``values()`` queryset ``build()`` makes, its SQL compiled once per
    ``key``; built and compiled every time when ``key`` is None (a read whose SQL depends
    on more than a key can say, such as the ids a search found)."""
    if key is None:
        return list(build())
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = CompiledValues(build())
        if len(_compiled) >= KEPT:
            _compiled.clear()
        _compiled[key] = compiled
    return compiled.rows()


def forget() -> None:
    """Drop every compiled query (for tests that change what a key cannot see)."""
    _compiled.clear()
