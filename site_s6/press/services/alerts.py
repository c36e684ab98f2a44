"""E-mail alerts: one message per published page and confirmed subscriber, at most once.

A page qualifies when it is a news page (press release, announcement, news) or a press
conference, in the default language, visible to the public, and first published within
``S6_ALERT_WINDOW_HOURS``; it goes to the subscribers confirmed before it first came out
(so that correcting an old release does not announce it to everyone who subscribed since).
Each subscriber gets it in their language: the English translation when one is published,
else the original.

Before a message is sent, its :class:`~site_s6.press.models.AlertDelivery` row is created
with ``get_or_create`` on the unique pair (page, subscriber): a retried task, a second
worker or a republished page finds the row and sends nothing. A message that fails keeps
its row with the error (at most once, never twice). Messages leave at no more than
``S6_ALERT_RATE_PER_MINUTE`` a minute over one SMTP connection. No tracking: the links
are the pages' own addresses.
"""

from __future__ import annotations

import datetime
import logging
import time

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from wagtail.models import Locale, Page

from site_s6.core.mail import branding_context, send_templated
from site_s6.core.querysets import is_visible
from site_s6.core.sites import site_index

from ..models import AlertDelivery, Subscriber
from .subscriptions import subscriber_links

logger = logging.getLogger(__name__)

PRESS_CONFERENCE = Subscriber.Kind.PRESS_CONFERENCE


def alert_rate_per_minute() -> int:
    """Messages a minute (``S6_ALERT_RATE_PER_MINUTE``); 0 sends without pause."""
    return int(getattr(settings, "S6_ALERT_RATE_PER_MINUTE", 60))


def alert_window() -> datetime.timedelta:
    return datetime.timedelta(hours=int(getattr(settings, "S6_ALERT_WINDOW_HOURS", 24)))


def alert_kind(page) -> str | None:
    """What subscribers call ``page`` (a :class:`Subscriber.Kind`), or ``None``."""
    from site_s6.events.models import EventPage
    from site_s6.news.models import NewsPage

    if isinstance(page, NewsPage):
        return page.kind
    if isinstance(page, EventPage) and page.event_type == EventPage.EventType.PRESS_CONFERENCE:
        return PRESS_CONFERENCE
    return None


def page_is_alertable(page, *, now=None) -> bool:
    """Whether publishing ``page`` (specific) is news for subscribers."""
    now = now or timezone.now()
    return bool(
        alert_kind(page)
        and page.locale_id == Locale.get_default().pk
        and page.first_published_at
        and page.first_published_at >= now - alert_window()
        and is_visible(page)
    )


def subscribers_for(page, site_id: int) -> list[Subscriber]:
    """Confirmed subscribers who chose the page's kind and its site, and who had
    confirmed before the page first came out: a subscription brings what follows it."""
    kind = alert_kind(page)
    subscribers = Subscriber.objects.active().filter(
        sites=site_id, confirmed_at__lte=page.first_published_at
    )
    return [subscriber for subscriber in subscribers.order_by("pk") if kind in subscriber.kinds]


def page_in_language(page, language: str):
    """``page`` as a reader of ``language`` should get it: its published translation
    (not an alias of the original), or the original."""
    if page.locale.language_code == language:
        return page
    locale = Locale.objects.filter(language_code=language).first()
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is not None and is_visible(translation):
        return translation.specific
    return page


class Throttle:
    """At most ``per_minute`` calls of :meth:`wait` a minute, paced evenly."""

    def __init__(self, per_minute: int, *, clock=time.monotonic, sleep=time.sleep):
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.last = None

    def wait(self) -> None:
        if self.interval and self.last is not None:
            remaining = self.interval - (self.clock() - self.last)
            if remaining > 0:
                self.sleep(remaining)
        self.last = self.clock()


def send_page_alerts(*, page_id: int, throttle: Throttle | None = None) -> int:
    """Send the alerts of one published page; how many messages left now."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    if not page_is_alertable(page):
        return 0
    entry = site_index().entry_for(page)
    if entry is None:
        return 0
    subscribers = subscribers_for(page, entry.pk)
    if not subscribers:
        return 0
    throttle = throttle or Throttle(alert_rate_per_minute())
    sent = 0
    with get_connection() as connection:
        for subscriber in subscribers:
            delivery, created = AlertDelivery.objects.get_or_create(
                page=page, subscriber=subscriber, defaults={"language": subscriber.language}
            )
            if not created:
                continue
            throttle.wait()
            sent += send_alert(page, subscriber, delivery, entry.site, connection)
    return sent


def send_alert(page, subscriber, delivery, site, connection) -> bool:
    """Send one alert and record its outcome on ``delivery``."""
    shown = page_in_language(page, subscriber.language)
    links = subscriber_links(subscriber, site.root_url)
    try:
        send_templated(
            to=subscriber.email,
            subject=shown.title,
            template="press/mail/alert",
            context={
                "page": shown,
                "page_url": shown.get_full_url(),
                "summary": getattr(shown, "lead", "") or shown.intro,
                "kind_label": Subscriber.Kind(alert_kind(page)).label,
                **links,
                **branding_context(site),
            },
            language=subscriber.language,
            headers={
                "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
            connection=connection,
        )
    except Exception as error:
        delivery.error = f"{type(error).__name__}: {error}"[:2000]
        delivery.save(update_fields=["error"])
        logger.exception("Alert for page %s to subscriber %s failed", page.pk, subscriber.pk)
        return False
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["sent_at"])
    logger.info("Alert for page %s sent to subscriber %s", page.pk, subscriber.pk)
    return True
