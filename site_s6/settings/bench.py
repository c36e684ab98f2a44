"""Benchmark settings (``make bench``): production, plus bench-only URLs and query counts.

The bench URL configuration adds two baselines (``/bench/hello/``, ``/bench/query/``) in
front of the project's URLs, and a middleware reports each response's SQL queries in
``X-Query-Count``. Neither exists in production: only this module refers to them.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
