"""Local development: debug on, console e-mail, every host of the demo allowed."""

from site_s6.security.keys import local_secret_key

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", default=True)
# A random key per installation, kept in an ignored file (never a key from the repository).
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(BASE_DIR / "var" / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", ".localhost"])
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Webhook receivers and feeds of a development machine listen on loopback.
S6_OUTBOUND_ALLOW_PRIVATE = env_bool("S6_OUTBOUND_ALLOW_PRIVATE", default=True)
