"""Local development: debug on, e-mail into files, every host of the demo allowed."""

from site_s6.security.keys import local_secret_key

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", default=True)
# A random key per installation, kept in an ignored file (never a key from the repository).
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(BASE_DIR / "var" / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", ".localhost"])
# E-mail: SMTP when EMAIL_HOST is set; otherwise each message is written as a file into
# EMAIL_FILE_PATH (var/mail/), which `make run` names at start-up (demo_summary).
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Webhook receivers and feeds of a development machine listen on loopback.
S6_OUTBOUND_ALLOW_PRIVATE = env_bool("S6_OUTBOUND_ALLOW_PRIVATE", default=True)
