"""Settings shared by every environment; each value can come from the environment."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    # The plugin: content apps first so their templates and translations win.
    "site_s6.core",
    "site_s6.home",
    "site_s6.news",
    "site_s6.campaigns",
    "site_s6.events",
    "site_s6.protocol",
    "site_s6.search",
    "site_s6.media",
    "site_s6.press",
    "subsites",
    "site_s6.api",
    "site_s6.runtime",
    "site_s6.security",
    "site_s6.monitoring",
    "site_s6.channels",
    # Demo and benchmark seeding (load_demo, seed_bulk): above every other app.
    "site_s6.demo",
    # Translation of pages and snippets.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail.
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Country names with their translations (Romanian among them) for protocol visits.
    "django_countries",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "csp",
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may answer, so that every answer carries CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # Refuses a body larger than any upload before anything reads it.
    "site_s6.security.middleware.RequestBodyLimitMiddleware",
    # Hits of the API's cache need nothing below (docs/performance.md).
    "site_s6.api.caching.CachedReadMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_s6.api.bounds.PaginationBoundsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "site_s6.security.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "site_s6.security.middleware.ContentSecurityPolicyMiddleware",
    # Last: turns the lockout of a login into its answer (site_s6.security).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_s6.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_s6.wsgi.application"

# SQLite is the embedded default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A kept connection is checked before a request reuses it: after the database
        # restarts, the first request opens a new one instead of failing on the dead one.
        conn_health_checks=True,
    )
}
ON_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if ON_POSTGRESQL:
    # Django's backend, with a health check that reads the socket rather than sending a
    # query before each request's first (site_s6.core.postgresql.base).
    DATABASES["default"]["ENGINE"] = "site_s6.core.postgresql"
    # Requests run many short queries side by side. A parallel plan makes one query take
    # two more processes' CPU from the requests beside it (and pay their start-up), which
    # on a small host halves the API's throughput at 100,000 pages (docs/performance.md).
    # Off by default for the app's connections; a larger host may raise it.
    # The prepared reads (below) are planned once, for any value of their open parameter
    # (site_s6.api.compiled): a plan made for one instant would trust estimates that the
    # conditions a list of upcoming events combines do not bear out.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        f"-c max_parallel_workers_per_gather={env_int('DATABASE_PARALLEL_WORKERS', 0)} "
        "-c plan_cache_mode=force_generic_plan",
    )
# The API's compiled list reads run as prepared statements on PostgreSQL, planned once per
# connection (site_s6.api.compiled). Off behind a pooler that hands one client's
# statements to several server sessions (PgBouncer in transaction mode).
S6_PREPARED_READS = env_bool("DATABASE_PREPARED_READS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run`'s processes (web, task worker, scheduler, a shell) write to one file side
    # by side. Write-ahead logging lets readers go on beside a writer; a transaction that
    # takes the write lock as it begins (IMMEDIATE) waits its turn (timeout, seconds)
    # instead of failing with "database is locked" when it would upgrade a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        transaction_mode="IMMEDIATE",
        timeout=env_int("SQLITE_TIMEOUT", 20),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache that every process (web, task worker, scheduler) sees, since a change made
# in one must retire what the others cached: Redis when REDIS_URL is set, else a table of
# the database (created by `migrate`), which a machine without Redis still shares.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "s6"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down is a cache that misses, not an error: reads find nothing,
                # writes and counters do nothing, and pages are built from the database
                # until it is back (docs/operations.md, "Faults"). Short timeouts keep
                # a Redis that hangs from holding requests.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "s6_cache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "s6"),
            # Past this many entries a write deletes a third of them (expired first).
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 20_000)},
        }
    }

# Background jobs (webhooks, reference index, image renditions) run from the database queue.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A task RUNNING this many seconds lost its worker and is run again (site_s6.runtime.recovery).
S6_TASK_STALE_AFTER = env_int("S6_TASK_STALE_AFTER", 30 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Romanian is the default for content and for the admin, English the second.
LANGUAGE_CODE = "ro"
LANGUAGES = [
    ("ro", "Română"),
    ("en", "English"),
]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
# Times are stored in UTC and shown in Bucharest time.
USE_TZ = True
TIME_ZONE = "Europe/Bucharest"

WAGTAIL_I18N_ENABLED = True
# The languages of the content, named in the admin's language ("Publică în engleză",
# "Traducere din română în engleză"); the language switcher names each one in itself.
WAGTAIL_CONTENT_LANGUAGES = [
    ("ro", pgettext_lazy("content language", "Romanian")),
    ("en", pgettext_lazy("content language", "English")),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Most visits are domestic: România heads the country list, the rest follow by name.
COUNTRIES_FIRST = ["RO"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Complex page forms (StreamFields, inline panels) exceed Django's default.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "presa@primarie6.localhost")

# Wagtail
WAGTAIL_SITE_NAME = _("Sector 6 Newsroom")
# Links in e-mails and the API's absolute URLs: in development the port `make run` serves
# (PORT); in production the public address behind the proxy (docs/deployment.md).
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL", f"http://localhost:{env_int('PORT', 8000)}"
)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# Slugs are plain ASCII: Romanian letters are transliterated (see core.text).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Workflow notifications (submitted, approved, changes requested) go out by e-mail to the
# central team and to the submitting editor; superusers only when asked for.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env_str(
    "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL
)
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = env_bool("S6_NOTIFY_SUPERUSERS", default=False)
# Rich text reaches API clients as display HTML (links resolved), not database HTML.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# Upload limits: size and type.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("S6_IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
# Pixels of an upload, every frame of an animated GIF or WebP counted (Wagtail multiplies
# by the frame count). A rendition decodes the whole original: about 4 bytes a pixel, so
# 36 megapixels (6000x6000) keeps one rendering near 150 MB where 8000x8000 took 350 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("S6_IMAGE_MAX_MEGAPIXELS", 36) * 1_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "pptx", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("S6_DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Uploads stay private until a published page uses them or an editor marks them public
# (site_s6/media): documents go out only through Wagtail's view, which checks that.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_s6.media.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "site_s6.media.forms.DocumentForm"

# Outbound requests (webhooks, feeds, page metadata, Facebook) go through one policy
# (site_s6.core.outbound): private, loopback and link-local targets only when this is on.
S6_OUTBOUND_ALLOW_PRIVATE = False

# Facebook Page posting (site_s6.channels, docs/channels.md): the Fernet key(s) that
# encrypt Page access tokens at rest (production refuses to start without one), and the
# base URL of Meta's Graph API, versioned (tests point it at a local fake server).
S6_CHANNELS_KEY = env_str("S6_CHANNELS_KEY", "")
S6_FACEBOOK_GRAPH_URL = env_str("S6_FACEBOOK_GRAPH_URL", "https://graph.facebook.com/v23.0")

# Headless front ends allowed to call the API from a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
# Front ends revalidate with If-None-Match and need to read the ETag the API answers.
CORS_ALLOW_HEADERS = (*default_headers, "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag"]

# Security (docs/deployment.md, "Security").
# Admin logins: after S6_LOGIN_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is locked out for S6_LOGIN_COOLOFF_MINUTES or until a superuser
# unlocks it. Locking the pair, not the username, keeps an attacker from locking a user
# out everywhere; not the address alone, so that one office behind one address stays open.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("S6_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("S6_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_CLIENT_IP_CALLABLE = "site_s6.security.logins.client_ip"
# How many proxies in front of the app append the client's address to X-Forwarded-For
# (0: the app is reached directly and REMOTE_ADDR is the client).
S6_PROXY_COUNT = env_int("S6_PROXY_COUNT", 0)
# Two-factor login (TOTP): when on, superusers and the central team verify a code before
# they reach the admin; everyone can enrol from their account.
S6_REQUIRE_2FA = env_bool("S6_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Sector 6 Newsroom"

# Request bodies: a form's fields in memory up to this size; an upload's file goes to a
# temporary file past FILE_UPLOAD_MAX_MEMORY_SIZE; any body beyond the largest upload
# allowed (plus room for the form around it) is refused with 413 before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("S6_FORM_MAX_MB", 10) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
S6_REQUEST_BODY_MAX_SIZE = max(
    WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE, DATA_UPLOAD_MAX_MEMORY_SIZE
) + (1024 * 1024)

# The interactive API documentation (/api/v3/docs/); /api/v3/openapi.json is always served.
S6_API_DOCS = env_bool("S6_API_DOCS", default=True)


def origin_of(url: str) -> list[str]:
    """``[scheme://host]`` of an absolute URL, ``[]`` for a path on this site."""
    parts = urlsplit(url or "")
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


# Content-Security-Policy: enforced on the public sites, report-only in the admin (whose
# scripts are inline); site_s6.security.middleware. Only the inline brand colours carry a
# nonce. The admin's origin serves the userbar an editor sees on the public pages.
CSP_EXTRA_IMG_SRC = env_list("S6_CSP_EXTRA_IMG_SRC", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *origin_of(WAGTAILADMIN_BASE_URL)],
        "style-src": [SELF, NONCE, *origin_of(WAGTAILADMIN_BASE_URL)],
        "img-src": [
            SELF,
            "data:",
            *origin_of(MEDIA_URL),
            *origin_of(WAGTAILADMIN_BASE_URL),
            *CSP_EXTRA_IMG_SRC,
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "report-uri": env_str("S6_CSP_REPORT_URI"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "wagtail": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
