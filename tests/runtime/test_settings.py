"""The cache and e-mail settings of production and development, read in a fresh process
(settings are read once per process)."""

import os
import subprocess
import sys

from cryptography.fernet import Fernet
from django.conf import settings

SHOW = "import {module} as s; print(s.CACHES['default']['BACKEND']); print(s.EMAIL_BACKEND)"


def read_settings(module: str, **env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "EMAIL_HOST", "EMAIL_BACKEND", "S6_DATABASE_CACHE"}
    }
    environment.update(
        SECRET_KEY="k" * 10 + "Zq8#vR2!mW5@xT9$pL3^nB6&cF1*hJ4(gD7)sA0-eY",
        ALLOWED_HOSTS="primarie6.example",
        S6_CHANNELS_KEY=Fernet.generate_key().decode(),
        **env,
    )
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", SHOW.format(module=module)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = read_settings("site_s6.settings.production")

    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL must be set in production" in result.stderr


def test_production_uses_redis_or_the_database_cache_when_told_to():
    redis = read_settings("site_s6.settings.production", REDIS_URL="redis://127.0.0.1:6379/15")
    database = read_settings("site_s6.settings.production", S6_DATABASE_CACHE="1")

    assert redis.stdout.splitlines()[0] == "django_redis.cache.RedisCache", redis.stderr
    assert database.stdout.splitlines()[0] == "django.core.cache.backends.db.DatabaseCache"


def test_development_shares_the_database_cache_and_writes_mail_to_files_without_a_host():
    without_host = read_settings("site_s6.settings.dev")
    with_host = read_settings("site_s6.settings.dev", EMAIL_HOST="smtp.example")

    assert without_host.stdout.splitlines() == [
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.mail.backends.filebased.EmailBackend",
    ], without_host.stderr
    assert with_host.stdout.splitlines()[1] == "django.core.mail.backends.smtp.EmailBackend"
