"""The secret key: one random key per installation, never a public one.

Imported by the settings modules, so it uses nothing that needs configured settings.
Django signs sessions, password-reset links, CSRF tokens and our preview tokens with
``SECRET_KEY``: anyone who knows it can forge them.
"""

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MIN_LENGTH = 50
MIN_UNIQUE_CHARACTERS = 5
# Keys that were published (ours, in earlier versions of the settings; common examples).
KNOWN_KEYS = frozenset(
    {
        "dev-only-insecure-key-change-me",
        "test-only-key",
        "changeme",
        "change-me",
        "secret",
        "secret-key",
        "your-secret-key",
        "django-secret-key",
    }
)
# Django's startproject writes keys with this prefix: they were never meant for production.
INSECURE_PREFIX = "django-insecure-"


def weak_key_reason(key: str | None) -> str | None:
    """Why ``key`` must not sign anything in production, or ``None`` when it is strong."""
    if not key:
        return "SECRET_KEY must be set in production."
    if key in KNOWN_KEYS or key.startswith(INSECURE_PREFIX):
        return "SECRET_KEY is a published key: generate a new one."
    if len(key) < MIN_LENGTH:
        return f"SECRET_KEY must be at least {MIN_LENGTH} characters long."
    if len(set(key)) < MIN_UNIQUE_CHARACTERS:
        return f"SECRET_KEY must have at least {MIN_UNIQUE_CHARACTERS} different characters."
    return None


def require_strong_key(key: str | None) -> str:
    """``key`` when it is strong; otherwise refuse to start with the reason and a way out."""
    reason = weak_key_reason(key)
    if reason:
        raise ImproperlyConfigured(
            f"{reason} For example: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return key


def local_secret_key(path: Path) -> str:
    """The key stored in ``path`` (an ignored file), created at random on first use.

    Used by the development settings: every installation signs with its own key, so a
    demo's preview tokens and sessions cannot be forged from the repository.
    """
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if key:
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # Created readable by its owner only; O_EXCL: two processes starting at once keep one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as file:
        file.write(key + "\n")
    return key
