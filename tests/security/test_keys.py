"""The secret key: random per installation in development, refused in production when it
is missing, short, low-variety or published."""

import os
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from site_s6.security.keys import local_secret_key, require_strong_key, weak_key_reason

BASE_DIR = Path(__file__).resolve().parents[2]


def test_development_key_is_created_once_private_and_random(tmp_path):
    path = tmp_path / "var" / "secret_key"

    key = local_secret_key(path)

    assert len(key) >= 50
    assert weak_key_reason(key) is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert local_secret_key(path) == key
    assert local_secret_key(tmp_path / "other" / "secret_key") != key


def test_no_published_key_remains_in_the_settings():
    settings_dir = BASE_DIR / "site_s6" / "settings"
    text = "".join(path.read_text() for path in settings_dir.glob("*.py"))

    assert "dev-only-insecure-key" not in text


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "x",
        "a-key-of-forty-nine-characters-is-still-too-short",
        "ab" * 40,
        "django-insecure-" + secrets.token_urlsafe(50),
        "dev-only-insecure-key-change-me",
    ],
    ids=["unset", "empty", "one-character", "short", "low-variety", "django-insecure", "old-dev"],
)
def test_weak_keys_are_refused(key):
    with pytest.raises(ImproperlyConfigured) as raised:
        require_strong_key(key)

    assert "SECRET_KEY" in str(raised.value)


def test_a_strong_key_is_accepted():
    key = secrets.token_urlsafe(50)

    assert require_strong_key(key) == key


def deploy_check(secret_key: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_s6.settings.production",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "primarie6.example",
        "S6_CHANNELS_KEY": Fernet.generate_key().decode(),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"),
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_with_a_weak_key():
    result = deploy_check("x")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be at least 50 characters long" in result.stderr


def test_production_deploy_check_is_silent_with_a_strong_key():
    result = deploy_check(secrets.token_urlsafe(64))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_production_defaults_hsts_opt_in_and_no_api_docs():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_s6.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "primarie6.example",
        "S6_CHANNELS_KEY": Fernet.generate_key().decode(),
        "REDIS_URL": "redis://127.0.0.1:6379/15",
    }
    for name in ("SECURE_HSTS_PRELOAD", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "S6_API_DOCS"):
        env.pop(name, None)
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_PRELOAD, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        " s.S6_API_DOCS]))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[31536000, false, false, false]"
