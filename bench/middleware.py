"""Bench-only middleware: how many SQL queries a response cost, in ``X-Query-Count``."""

from contextlib import ExitStack

from django.db import connections

HEADER = "X-Query-Count"
#: The request header that asks for the count (``X-Count-Queries: 1``).
REQUEST_HEADER = "HTTP_X_COUNT_QUERIES"


class QueryCountMiddleware:
    """Counts the queries of every database connection while a request that asks for it
    (``X-Count-Queries``) is handled.

    Works with ``DEBUG = False`` (an execute wrapper, not ``connection.queries``); enabled
    only by ``site_s6.settings.bench``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if REQUEST_HEADER not in request.META:
            # Only the bench's sample request asks: the load itself runs uninstrumented,
            # like the bare baselines it is compared with.
            return self.get_response(request)
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
