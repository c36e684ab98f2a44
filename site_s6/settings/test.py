"""Test settings: fast hashing, in-memory e-mail, tasks run at once."""

from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = Path(env_str("TEST_MEDIA_ROOT", "/tmp/s6-test-media"))  # noqa: S108
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test receivers listen on loopback; tests of the outbound policy turn this off.
S6_OUTBOUND_ALLOW_PRIVATE = True
