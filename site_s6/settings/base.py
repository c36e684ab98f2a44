"""Settings shared by every environment; each value can come from the environment."""

from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from django.utils.translation import gettext_lazy as _

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
    "subsites",
    "site_s6.api",
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
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
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
    # Hits of the API's cache need nothing below (docs/performance.md).
    "site_s6.api.caching.CachedReadMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_s6.api.bounds.PaginationBoundsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Requests run many short queries side by side. A parallel plan makes one query take
    # two more processes' CPU from the requests beside it (and pay their start-up), which
    # on a small host halves the API's throughput at 100,000 pages (docs/performance.md).
    # Off by default for the app's connections; a larger host may raise it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        f"-c max_parallel_workers_per_gather={env_int('DATABASE_PARALLEL_WORKERS', 0)}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "s6"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "s6-newsroom",
        }
    }

# Background jobs (webhooks, reference index, image renditions) run from the database queue.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

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
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

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
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
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
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "csv", "pptx", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("S6_DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024

# Outbound requests (webhooks, feeds, page metadata, Facebook) go through one policy
# (site_s6.core.outbound): private, loopback and link-local targets only when this is on.
S6_OUTBOUND_ALLOW_PRIVATE = False

# Headless front ends allowed to call the API from a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
# Front ends revalidate with If-None-Match and need to read the ETag the API answers.
CORS_ALLOW_HEADERS = (*default_headers, "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag"]

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
