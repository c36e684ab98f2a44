"""Hear of page publish, unpublish, move and delete (``site_s6.core.invalidation``) and
enqueue one delivery per subscribed endpoint once the transaction commits.

The event is described while the page still exists (a deleted page is described before
its row goes); the endpoints are read and the tasks enqueued only after the commit, so a
rolled-back change sends nothing. Nothing here sends HTTP: a slow or failing receiver can
neither slow nor fail the change. Connected from ``site_s6.api.models``.
"""

import logging
import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from site_s6.core.invalidation import DELETED, MOVED, PUBLISHED, UNPUBLISHED, content_changed

from .models import Event, WebhookEndpoint

logger = logging.getLogger(__name__)

DISPATCH_PREFIX = "s6-api-webhooks"


def describe(event: str, page: Page, revision_id=None) -> dict | None:
    """The event's payload without its delivery id, or None for a page of no site."""
    site = page.get_site()
    if site is None:
        return None
    specific_class = page.specific_class or Page
    return {
        "event": event,
        "site": site.hostname,
        "locale": page.locale.language_code,
        "page": {
            "id": page.pk,
            "type": f"{specific_class._meta.app_label}.{specific_class.__name__}",
            "title": page.title,
            "url": page.get_full_url(),
            "api_url": f"{site.root_url}/api/v3/pages/{page.pk}/",
        },
        "revision_id": revision_id if revision_id is not None else page.live_revision_id,
        "occurred_at": timezone.now().isoformat(),
        "_site_id": site.pk,
    }


def enqueue_deliveries(payload: dict) -> int:
    """Enqueue a delivery of ``payload`` to every active endpoint of its site that
    subscribes to its event; return how many."""
    from .delivery import deliver_webhook

    payload = dict(payload)
    site_id = payload.pop("_site_id")
    count = 0
    for endpoint in WebhookEndpoint.objects.filter(site_id=site_id, active=True):
        if not endpoint.subscribes_to(payload["event"]):
            continue
        try:
            deliver_webhook.enqueue(endpoint.pk, {**payload, "delivery_id": str(uuid.uuid4())})
            count += 1
        except Exception:
            logger.exception("Could not enqueue a webhook delivery to %s", endpoint.url)
    return count


def notify(event: str, page: Page, revision_id=None) -> None:
    """Enqueue the event's deliveries once the current transaction commits; never raise."""
    try:
        payload = describe(event, page, revision_id)
    except Exception:
        logger.exception("Could not describe the %s event of page %s", event, page.pk)
        return
    if payload is not None:
        transaction.on_commit(partial(enqueue_deliveries, payload), robust=True)


#: The webhook event of each kind of change that ``site_s6.core.invalidation`` reports.
EVENTS = {
    PUBLISHED: Event.PUBLISHED,
    UNPUBLISHED: Event.UNPUBLISHED,
    MOVED: Event.MOVED,
    DELETED: Event.DELETED,
}


def _changed(sender, page, action, revision=None, **kwargs):
    notify(EVENTS[action], page, getattr(revision, "pk", None))


def connect_signals() -> None:
    content_changed.connect(_changed, dispatch_uid=f"{DISPATCH_PREFIX}-changed")
