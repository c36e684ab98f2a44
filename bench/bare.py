"""The bare baselines: a tiny Django WSGI app outside the project, served the same way.

``make bench`` serves this module with gunicorn next to the project (same workers, same
database) to measure the framework's ceiling on this machine: a JSON hello and a view
that reads 20 news rows in one query. Only two middlewares run (security and common);
no sessions, locale, CSRF, messages, Wagtail or API routing. The project's scenarios
are reported against these rates (``bench/run.py``'s goals).

    DATABASE_URL=postgres://... gunicorn bench.bare:application
"""

import os

import dj_database_url
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import JsonResponse
from django.urls import path

#: The same 20 rows the news list shows first: the newest live news, by publication date.
NEWS_ROWS = """
    SELECT page.id, page.title, page.slug, page.url_path, page.last_published_at,
           news.publication_date, news.kind
      FROM news_newspage AS news
      JOIN wagtailcore_page AS page ON page.id = news.page_ptr_id
     WHERE page.live
     ORDER BY news.publication_date DESC, page.id DESC
     LIMIT 20
"""


def hello(request):
    """A bare JSON answer: gunicorn, two middlewares and Django's routing."""
    return JsonResponse({"hello": "world"})


def single_query(request):
    """One query of 20 news rows, as JSON: a database round trip on top of :func:`hello`."""
    with connection.cursor() as cursor:
        cursor.execute(NEWS_ROWS)
        columns = [column.name for column in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return JsonResponse({"count": len(rows), "items": rows})


urlpatterns = [
    path("hello/", hello),
    path("query/", single_query),
]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-bare-baseline-only"),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=[],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
        ],
        DATABASES={"default": dj_database_url.config(conn_max_age=60)},
        USE_TZ=True,
    )

application = get_wsgi_application()
