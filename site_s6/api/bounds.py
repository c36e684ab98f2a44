"""Parameter bounds the database can hold, for every API endpoint, Wagtail's included.

Wagtail's own v3 listings (documents, images, snippets) pass ``offset`` and ``limit``
straight to the database, which overflows on numbers past a 64-bit integer and answers
500. No listing is that long: anything past :data:`MAX_PAGINATION_VALUE` is a client
error, answered as problem details before the view runs.

The same goes for the port of ``?site=host:port``: Wagtail's page lookup by path
(``/api/v3/pages/find/``) compares it with the sites' integer ports as it is, so
``?site=host:abc`` would answer 500. A port is a number up to 65535.

And for NUL characters, which PostgreSQL refuses in text: Wagtail's page endpoints pass
``site``, ``html_path``, ``slug``, ``search`` and the like to the database as typed. Our
own endpoints refuse them through ``api.filters.Text``; this refuses them everywhere.

Wagtail's page endpoints also hand ``?search=`` to the search backend as a query
language: a lone quote is an SQLite FTS syntax error, only spaces an empty query it
cannot compile, and a thousand words a query tree deeper than Python's recursion limit.
There it is reduced to its words (at most :data:`MAX_SEARCH_WORDS`), which is what
the backend matches anyway; our own endpoints go through ``site_s6.search``.
"""

import re

from django.http import HttpRequest
from wagtail.api.v3.errors import problem_response

from site_s6.core.validators import MAX_DATABASE_INTEGER

MAX_PAGINATION_VALUE = MAX_DATABASE_INTEGER
PAGINATION_PARAMETERS = ("offset", "limit")
MAX_PORT = 65535
MAX_SEARCH_WORDS = 20
#: Wagtail's endpoints whose ``search`` parameter reaches the search backend as typed.
WAGTAIL_SEARCH_PATHS = ("/api/v2/pages/", "/api/v3/pages/")
WORD = re.compile(r"\w+")


def plain_search(text: str) -> str:
    """The words of ``text``, at most :data:`MAX_SEARCH_WORDS`, separated by spaces."""
    return " ".join(WORD.findall(text)[:MAX_SEARCH_WORDS])


class PaginationBoundsMiddleware:
    """Refuses, before any API view runs, parameters the database cannot hold."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path.startswith("/api/"):
            errors = [
                {
                    "type": "less_than_equal",
                    "loc": ["query", name],
                    "msg": f"Input should be less than or equal to {MAX_PAGINATION_VALUE}",
                }
                for name in PAGINATION_PARAMETERS
                if _too_large(request.GET.get(name))
            ]
            if errors:
                names = ", ".join(error["loc"][1] for error in errors)
                return problem_response(
                    status=422,
                    detail=f"Invalid parameters: {names} at most {MAX_PAGINATION_VALUE}.",
                    errors=errors,
                )
            if not _valid_port(request.GET.get("site")):
                return problem_response(
                    status=422,
                    detail="Invalid parameters: site: the port after ':' is a number up to 65535.",
                    errors=[
                        {
                            "type": "invalid_port",
                            "loc": ["query", "site"],
                            "msg": f"The port is a number from 0 to {MAX_PORT}.",
                        }
                    ],
                )
            errors = [
                {
                    "type": "string_pattern_mismatch",
                    "loc": ["query", name.replace("\x00", "")],
                    "msg": "NUL characters are not allowed.",
                }
                for name, values in request.GET.lists()
                if "\x00" in name or any("\x00" in value for value in values)
            ]
            if errors:
                names = ", ".join(error["loc"][1] for error in errors)
                return problem_response(
                    status=422,
                    detail=f"Invalid parameters: {names}: NUL characters are not allowed.",
                    errors=errors,
                )
            if "search" in request.GET and request.path.startswith(WAGTAIL_SEARCH_PATHS):
                query = request.GET.copy()
                words = plain_search(query["search"])
                if words:
                    query["search"] = words
                else:
                    del query["search"]  # nothing to look for: the plain listing
                request.GET = query
        return self.get_response(request)


def _too_large(value: str | None) -> bool:
    # Only well-formed integers are checked here; the views refuse the rest themselves.
    try:
        return value is not None and int(value.strip()) > MAX_PAGINATION_VALUE
    except ValueError:
        return False


def _valid_port(site: str | None) -> bool:
    if not site or ":" not in site:
        return True
    port = site.split(":", 1)[1].strip()
    return port.isascii() and port.isdigit() and int(port) <= MAX_PORT
