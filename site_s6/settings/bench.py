"""Benchmark settings (``make bench``, ``make faults``): production, plus bench-only URLs
and query counts.

The bench URL configuration adds two baselines (``/bench/hello/``, ``/bench/query/``) in
front of the project's URLs, and a middleware reports each response's SQL queries in
``X-Query-Count``. Neither exists in production: only this module refers to them.
"""

from .env import env_bool
from .production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
# The fault drill (bench/faults.py) delivers webhooks to a receiver of its own on loopback.
S6_OUTBOUND_ALLOW_PRIVATE = env_bool("S6_OUTBOUND_ALLOW_PRIVATE", default=False)
