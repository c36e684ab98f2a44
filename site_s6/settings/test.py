"""Test settings: fast hashing, in-memory e-mail, tasks run at once."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
# Unit tests run tasks at once. The worker process of the integration tests
# (tests/runtime) is started with TASKS_BACKEND=django_tasks_db.DatabaseBackend.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}
# Each test process keeps its own cache.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that the worker process of the integration tests opens the
    # same test database; one per test run, so that runs side by side do not collide; in
    # shared memory where there is some, as fast as an in-memory database.
    _shm = Path("/dev/shm")  # noqa: S108
    _test_dir = _shm if _shm.is_dir() and os.access(_shm, os.W_OK) else Path(tempfile.gettempdir())
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(
        _test_dir / f"s6-test-{os.getpid()}.sqlite3"
    )
# One media folder per test process, so that parallel workers never remove each other's
# files; a process a test starts (the task worker) inherits it through the environment.
os.environ.setdefault(
    "TEST_MEDIA_ROOT", str(Path(tempfile.gettempdir()) / f"s6-test-media-{os.getpid()}")
)
MEDIA_ROOT = Path(os.environ["TEST_MEDIA_ROOT"])
WAGTAILADMIN_BASE_URL = "http://testserver"
# Test receivers listen on loopback; tests of the outbound policy turn this off.
S6_OUTBOUND_ALLOW_PRIVATE = True
