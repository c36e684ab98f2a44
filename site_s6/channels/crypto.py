"""Encryption at rest of the channels' secrets (the Facebook Page access tokens).

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``) under the key in the
``S6_CHANNELS_KEY`` setting, read from the environment variable of the same name.
Production refuses to start without it (``settings/production.py``); development and
tests, when it is unset, derive one from ``SECRET_KEY`` (:func:`derived_key`), which is
never published for them either (``site_s6.security.keys``).

Rotating the key: put the new key first and the old one after it, comma-separated;
every key decrypts, the first encrypts (``MultiFernet``), and saving a connection's token
again re-encrypts it.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class TokenUnreadable(Exception):
    """The ciphertext was made under a key we no longer hold, or was altered."""


def derived_key(secret: str) -> str:
    """A Fernet key derived from ``secret`` (development and tests only)."""
    digest = hashlib.sha256(b"s6-channels-key:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def _fernet() -> MultiFernet:
    configured = getattr(settings, "S6_CHANNELS_KEY", "") or ""
    keys = [key.strip() for key in configured.split(",") if key.strip()]
    if not keys:
        keys = [derived_key(settings.SECRET_KEY)]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "S6_CHANNELS_KEY must be Fernet keys (32 url-safe base64-encoded bytes), "
            "comma-separated: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from error


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode("ascii")


def decrypt(ciphertext: str) -> str:
    try:
        return _fernet().decrypt(ciphertext.encode("ascii")).decode()
    except InvalidToken as error:
        raise TokenUnreadable("the token cannot be decrypted with S6_CHANNELS_KEY") from error


def require_channels_key(configured: str | None) -> str:
    """``configured`` when it holds valid Fernet keys; otherwise refuse to start.

    Called by the production settings: production never falls back on a derived key.
    """
    keys = [key.strip() for key in (configured or "").split(",") if key.strip()]
    if not keys:
        raise ImproperlyConfigured(
            "S6_CHANNELS_KEY must be set in production (it encrypts Facebook Page access "
            "tokens): python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        )
    for key in keys:
        try:
            Fernet(key)
        except ValueError as error:
            raise ImproperlyConfigured(
                "S6_CHANNELS_KEY must be Fernet keys (32 url-safe base64-encoded bytes), "
                "comma-separated."
            ) from error
    return configured
