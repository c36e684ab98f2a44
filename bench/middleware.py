"""Bench-only middleware: how many SQL queries a response cost, in ``X-Query-Count``."""

from contextlib import ExitStack

from django.db import connections

HEADER = "X-Query-Count"


class QueryCountMiddleware:
    """Counts the queries of every database connection while the request is handled.

    Works with ``DEBUG = False`` (an execute wrapper, not ``connection.queries``); enabled
    only by ``site_s6.settings.bench``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
