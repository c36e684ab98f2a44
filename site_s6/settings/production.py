"""Production: everything from the environment, secure by default."""

from django.core.exceptions import ImproperlyConfigured

from site_s6.channels.crypto import require_channels_key
from site_s6.security.keys import require_strong_key

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", default=False)
# A missing, short, low-variety or published key refuses to start (site_s6.security.keys).
require_strong_key(SECRET_KEY)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
# Every process (web, task worker, scheduler, on every machine) must see one cache, or a
# change retires the cached pages of one process only: Redis, or the database's cache
# table when S6_DATABASE_CACHE says a deployment runs without Redis on purpose.
if not REDIS_URL and not env_bool("S6_DATABASE_CACHE", default=False):
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production: a cache that every process shares "
        "(or S6_DATABASE_CACHE=1 for the database's cache table; docs/deployment.md)"
    )
# Facebook Page access tokens are encrypted under S6_CHANNELS_KEY: never under a key
# derived from the repository or SECRET_KEY (site_s6.channels.crypto).
require_channels_key(S6_CHANNELS_KEY)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
# includeSubDomains and preload bind every host under the domain to HTTPS for good (the
# preload list is hard to leave): a city hall's domain may not be able to keep that
# promise, so both are opt-in (docs/deployment.md).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
# The interactive API docs are for development; production turns them on when it says so.
S6_API_DOCS = env_bool("S6_API_DOCS", default=False)
# Behind the reverse proxy (docs/deployment.md), which appends the client's address.
S6_PROXY_COUNT = env_int("S6_PROXY_COUNT", 1)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]
# Wagtail's live preview shows the page in a same-origin frame inside the admin.
X_FRAME_OPTIONS = "SAMEORIGIN"
# W019: see X_FRAME_OPTIONS. W005 (no includeSubDomains) and W021 (no preload): both are
# a deliberate opt-in above, not an oversight.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W005", "security.W021"]

# Wagtail's PostgreSQL full-text search when the database is PostgreSQL.
if ON_POSTGRESQL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }

if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env_str("AWS_STORAGE_BUCKET_NAME")},
    }
