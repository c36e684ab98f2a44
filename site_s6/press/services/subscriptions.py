"""Subscriptions: double opt-in, preferences and one-click unsubscribe.

Nothing is sent to an address before its owner follows the signed link of the
confirmation e-mail. The link carries the subscriber's id and address, signed with a salt
of its own and valid for ``S6_SUBSCRIPTION_CONFIRM_DAYS`` days. The preferences and
unsubscribe links carry the subscriber's random token instead: they stay valid in every
alert sent, and a new token retires them all.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from site_s6.core.mail import branding_context, send_templated

from ..models import Subscriber

logger = logging.getLogger(__name__)

CONFIRM_SALT = "site_s6.press.subscription.confirm"


def confirm_max_age() -> int:
    return int(getattr(settings, "S6_SUBSCRIPTION_CONFIRM_DAYS", 7)) * 24 * 3600


def confirmation_token(subscriber: Subscriber) -> str:
    return signing.dumps({"id": subscriber.pk, "email": subscriber.email}, salt=CONFIRM_SALT)


def absolute(root_url: str, path: str) -> str:
    return root_url.rstrip("/") + path


def subscriber_links(subscriber: Subscriber, root_url: str) -> dict[str, str]:
    """The subscriber's own addresses on the site at ``root_url``, in their language."""
    with translation.override(subscriber.language):
        return {
            "preferences_url": absolute(
                root_url, reverse("press_subscription_preferences", args=[subscriber.token])
            ),
            "unsubscribe_url": absolute(
                root_url, reverse("press_unsubscribe", args=[subscriber.token])
            ),
        }


def confirmation_url(subscriber: Subscriber, root_url: str) -> str:
    with translation.override(subscriber.language):
        path = reverse("press_subscription_confirm", args=[confirmation_token(subscriber)])
    return absolute(root_url, path)


def subscriber_subscribe(*, email: str, language: str, kinds: list[str], sites, site) -> Subscriber:
    """Record a subscription request and send its confirmation e-mail.

    An address already confirmed keeps its preferences and gets a message with the link
    to change them: a stranger typing someone's address changes nothing. Any other
    address (new, unconfirmed, unsubscribed) takes the new choices and waits, unconfirmed,
    for its owner to follow the link.
    """
    email = email.strip().lower()
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and subscriber.is_active:
        _send(
            subscriber,
            site=site,
            subject=_("Your subscription to press alerts"),
            template="press/mail/already_subscribed",
            context=subscriber_links(subscriber, site.root_url),
        )
        return subscriber
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.language = language
    subscriber.kinds = sorted(set(kinds))
    subscriber.site = site
    subscriber.confirmed_at = None
    subscriber.unsubscribed_at = None
    subscriber.save()
    subscriber.sites.set(sites)
    _send(
        subscriber,
        site=site,
        subject=_("Confirm your subscription to press alerts"),
        template="press/mail/confirm_subscription",
        context={"confirm_url": confirmation_url(subscriber, site.root_url)},
    )
    return subscriber


def subscriber_confirm(token: str) -> Subscriber | None:
    """The subscriber a valid confirmation ``token`` names, now confirmed; else ``None``.

    An expired or altered token, or one issued to an address since changed, confirms
    nothing. Following a link twice is harmless.
    """
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    subscriber = Subscriber.objects.filter(pk=data.get("id"), email=data.get("email")).first()
    if subscriber is None:
        return None
    if subscriber.confirmed_at is None or subscriber.unsubscribed_at is not None:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscriber


def subscriber_update(*, subscriber: Subscriber, language: str, kinds: list[str], sites) -> None:
    """Change what a subscriber receives (the preferences page)."""
    subscriber.language = language
    subscriber.kinds = sorted(set(kinds))
    subscriber.save(update_fields=["language", "kinds"])
    subscriber.sites.set(sites)


def subscriber_unsubscribe(subscriber: Subscriber) -> bool:
    """Stop every alert to ``subscriber``; whether anything changed. Idempotent."""
    if subscriber.unsubscribed_at is not None:
        return False
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["unsubscribed_at"])
    logger.info("Subscriber %s unsubscribed", subscriber.pk)
    return True


def _send(subscriber: Subscriber, *, site, subject, template: str, context: dict) -> bool:
    try:
        send_templated(
            to=subscriber.email,
            subject=subject,
            template=template,
            context={"subscriber": subscriber, **branding_context(site), **context},
            language=subscriber.language,
        )
    except Exception:
        logger.exception("Subscriber %s: e-mail not sent", subscriber.pk)
        return False
    return True
