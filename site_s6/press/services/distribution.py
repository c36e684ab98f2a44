"""Sending a press release to the press: queue, embargo, send once, resend failed.

:func:`distribution_create` works out the recipients (the reachable people of the chosen
lists and the people chosen by name, once each) and queues one
:class:`~site_s6.press.models.Delivery` per address. Under an embargo the release's
page is scheduled to go live at the embargo's end through Wagtail's scheduled
publishing, and the messages leave at that time too: nothing reaches the press before.

The periodic job ``press_distributions`` (``schedule.py``) enqueues the distributions
whose time has come; "send now" enqueues at once. Either claims the distribution with a
conditional UPDATE (scheduled → sending), so it is enqueued once. The task claims each
delivery the same way (queued → sending) before its message leaves, so that a task run
twice, or by two workers at once, sends one message per recipient. Messages go through
:func:`site_s6.core.mail.send_templated`, one per recipient, in their language, with the
press e-mail of the site's contact settings as Reply-To, attachments as links and no
tracking of any kind. Each message carries RFC 8058 one-click unsubscribe: a signed link
that marks the journalist as opted out of the register's mailings.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.core import signing
from django.core.mail import get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Revision

from site_s6.core.mail import branding_context, render_templated, send_templated
from site_s6.core.sites import site_index

from ..models import Delivery, Distribution
from .alerts import Throttle, alert_rate_per_minute, page_in_language
from .subscriptions import absolute

logger = logging.getLogger(__name__)

TEMPLATE = "press/mail/distribution"
OPT_OUT_SALT = "site_s6.press.distribution.opt_out"


@dataclass(frozen=True)
class Recipient:
    """Who a message goes to, as copied into the delivery row."""

    email: str
    name: str
    language: str
    journalist_id: int | None = None


def is_press_release(page) -> bool:
    """Whether ``page`` (specific) is a press release, the only kind sent to the press."""
    from site_s6.news.models import NewsPage

    return isinstance(page, NewsPage) and page.kind == NewsPage.Kind.PRESS_RELEASE


def recipients_for(*, lists, journalists) -> list[Recipient]:
    """The reachable people of ``lists`` and ``journalists``, once per address, by name."""
    from ..models import Journalist

    found: dict[str, Recipient] = {}
    people = list(Journalist.objects.reachable().filter(pk__in=[j.pk for j in journalists]))
    for distribution_list in lists:
        people.extend(distribution_list.recipients())
    for person in people:
        email = person.email.strip().lower()
        if email and email not in found:
            found[email] = Recipient(
                email=email,
                name=person.name,
                language=person.language or "ro",
                journalist_id=person.pk,
            )
    return sorted(found.values(), key=lambda recipient: (recipient.name.lower(), recipient.email))


def already_sent_to(page, emails) -> set[str]:
    """Which of ``emails`` already got ``page`` (any distribution, sent)."""
    return set(
        Delivery.objects.filter(
            distribution__page=page, status=Delivery.Status.SENT, email__in=list(emails)
        ).values_list("email", flat=True)
    )


def schedule_go_live(*, page, at: datetime.datetime, user=None) -> Revision:
    """Schedule ``page`` (not live) to go live at ``at`` through Wagtail's scheduled
    publishing: its latest revision, with ``go_live_at``, is published for that time."""
    latest = page.get_latest_revision_as_object()
    latest.go_live_at = at
    revision = latest.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return revision


@transaction.atomic
def distribution_create(
    *,
    page,
    lists,
    journalists,
    user=None,
    send_at: datetime.datetime | None = None,
    embargo_until: datetime.datetime | None = None,
) -> Distribution:
    """Queue ``page`` for the recipients of ``lists`` and ``journalists``.

    ``send_at`` ``None`` means now; under an embargo the messages leave at its end at the
    earliest, and the page (which must not be live yet) is scheduled to go live then.
    """
    now = timezone.now()
    when = send_at or now
    if embargo_until is not None:
        when = max(when, embargo_until)
        schedule_go_live(page=page, at=embargo_until, user=user)
    distribution = Distribution.objects.create(
        page=page, embargo_until=embargo_until, send_at=when, created_by=user
    )
    distribution.lists.set(lists)
    Delivery.objects.bulk_create(
        [
            Delivery(
                distribution=distribution,
                journalist_id=recipient.journalist_id,
                email=recipient.email,
                name=recipient.name,
                language=recipient.language,
            )
            for recipient in recipients_for(lists=lists, journalists=journalists)
        ]
    )
    if when <= now:
        # The database backend stores the task in this transaction: no worker sees it
        # before the deliveries it sends.
        enqueue_distribution(distribution.pk)
    return distribution


def enqueue_distribution(distribution_id: int) -> bool:
    """Enqueue the sending of a scheduled distribution, once: whoever moves it from
    scheduled to sending enqueues it; anybody else finds it claimed."""
    from ..tasks import send_distribution_task

    claimed = Distribution.objects.filter(
        pk=distribution_id, status=Distribution.Status.SCHEDULED
    ).update(status=Distribution.Status.SENDING)
    if claimed:
        send_distribution_task.enqueue(distribution_id)
    return bool(claimed)


def enqueue_due_distributions(*, now: datetime.datetime | None = None) -> int:
    """What the periodic job does: enqueue every scheduled distribution whose time has
    come; how many were enqueued."""
    now = now or timezone.now()
    due = Distribution.objects.filter(
        status=Distribution.Status.SCHEDULED, send_at__lte=now
    ).values_list("pk", flat=True)
    return sum(enqueue_distribution(pk) for pk in list(due))


def publish_if_due(distribution: Distribution, now: datetime.datetime) -> None:
    """Publish the release's scheduled revision when its time has come, as Wagtail's
    ``publish_scheduled`` would a moment later: the messages never link to a page that
    is not out yet."""
    revision = (
        Revision.page_revisions.filter(
            object_id=str(distribution.page_id), approved_go_live_at__lte=now
        )
        .order_by("approved_go_live_at")
        .first()
    )
    if revision is not None:
        # Publishing clears every revision's approved_go_live_at: whichever of this and
        # publish_scheduled comes second finds nothing left to publish.
        revision.publish(log_action="wagtail.publish.scheduled")


def send_distribution(*, distribution_id: int, throttle: Throttle | None = None) -> int:
    """Send every queued delivery of a distribution; how many messages left now.

    Each delivery is claimed (queued → sending) before its message leaves, so that a
    second run, or a second worker, sends nothing twice.
    """
    distribution = Distribution.objects.select_related("page").filter(pk=distribution_id).first()
    if distribution is None:
        return 0
    now = timezone.now()
    if distribution.send_at > now:
        # Enqueued early by mistake: the periodic job enqueues it again when it is due.
        Distribution.objects.filter(pk=distribution.pk).update(status=Distribution.Status.SCHEDULED)
        return 0
    if distribution.embargo_until:
        publish_if_due(distribution, now)
    page = distribution.page.specific
    page.refresh_from_db()
    entry = site_index().entry_for(page, serving_only=False)
    site = entry.site if entry else None
    throttle = throttle or Throttle(alert_rate_per_minute())
    sent = 0
    queued = distribution.deliveries.filter(status=Delivery.Status.QUEUED).order_by("pk")
    with get_connection() as connection:
        for delivery in list(queued):
            claimed = Delivery.objects.filter(pk=delivery.pk, status=Delivery.Status.QUEUED).update(
                status=Delivery.Status.SENDING
            )
            if not claimed:
                continue
            throttle.wait()
            sent += send_delivery(distribution, page, delivery, site, connection)
    Distribution.objects.filter(pk=distribution.pk).update(
        status=Distribution.Status.SENT, finished_at=timezone.now()
    )
    return sent


def smtp_answer(error: Exception) -> str:
    """What the mail server answered, as the delivery log shows it."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{code} {answer.decode(errors='replace') if isinstance(answer, bytes) else answer}"
            for code, answer in error.recipients.values()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        answer = error.smtp_error
        if isinstance(answer, bytes):
            answer = answer.decode(errors="replace")
        return f"{error.smtp_code} {answer}"
    return f"{type(error).__name__}: {error}"


def message_context(distribution: Distribution, page, site, language: str) -> dict:
    """What the message's templates show: the release in the reader's language, its
    embargo, its attachments as links and the site's branding."""
    shown = page_in_language(page, language)
    root = site.root_url if site else ""
    attachments = [
        {"title": item.title or item.document.title, "url": root + item.document.url}
        for item in shown.attachments.select_related("document")
        if item.document_id
    ]
    return {
        "page": shown,
        "page_url": shown.get_full_url() or "",
        "summary": getattr(shown, "lead", "") or shown.intro,
        "embargo_until": distribution.embargo_until,
        "attachments": attachments,
        **branding_context(site),
    }


def reply_to_for(site) -> str:
    """The press e-mail of ``site``'s contact settings, where journalists answer."""
    from site_s6.core.models import ContactSettings

    if site is None:
        return ""
    return ContactSettings.for_site(site).press_email


def opt_out_token(delivery: Delivery) -> str:
    """The signed token of the opt-out link of ``delivery``'s message."""
    return signing.dumps({"d": delivery.pk}, salt=OPT_OUT_SALT)


def delivery_for_opt_out(token: str) -> Delivery | None:
    """The delivery an opt-out token names, or ``None`` for a token not of ours or a
    person since erased."""
    try:
        value = signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    delivery_id = value.get("d") if isinstance(value, dict) else None
    if not isinstance(delivery_id, int):
        return None
    return Delivery.objects.filter(pk=delivery_id).exclude(email="").first()


def journalist_opt_out(*, delivery: Delivery) -> int:
    """The person a delivery reached asks for no more mailings: their contact is marked
    opted out (lists and distributions skip them from now on); how many contacts."""
    from ..models import Journalist

    people = Journalist.objects.filter(email=delivery.email)
    if delivery.journalist_id is not None:
        people = Journalist.objects.filter(pk=delivery.journalist_id)
    return people.update(opted_out=True, last_activity_at=timezone.now())


def opt_out_url(delivery: Delivery, site) -> str:
    with translation.override(delivery.language):
        path = reverse("press_distribution_opt_out", args=[opt_out_token(delivery)])
    return absolute(site.root_url if site else "", path)


def send_delivery(distribution, page, delivery, site, connection) -> bool:
    """Send one claimed delivery and record its outcome."""
    delivery.attempts += 1
    unsubscribe = opt_out_url(delivery, site)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    reply_to = reply_to_for(site)
    if reply_to:
        headers["Reply-To"] = reply_to
    try:
        send_templated(
            to=delivery.email,
            subject=page_in_language(page, delivery.language).title,
            template=TEMPLATE,
            context={
                **message_context(distribution, page, site, delivery.language),
                "opt_out_url": unsubscribe,
            },
            language=delivery.language,
            headers=headers,
            connection=connection,
        )
    except Exception as error:
        delivery.status = Delivery.Status.FAILED
        delivery.error = smtp_answer(error)[:2000]
        delivery.save(update_fields=["status", "error", "attempts"])
        logger.warning("Delivery %s of distribution %s failed", delivery.pk, distribution.pk)
        return False
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = timezone.now()
    delivery.error = ""
    delivery.save(update_fields=["status", "sent_at", "error", "attempts"])
    return True


def distribution_preview(
    *, page, embargo_until: datetime.datetime | None = None, language: str = "ro"
) -> tuple[str, str]:
    """The message as a recipient in ``language`` would get it: subject and HTML."""
    entry = site_index().entry_for(page, serving_only=False)
    site = entry.site if entry else None
    draft = Distribution(page=page, embargo_until=embargo_until, send_at=timezone.now())
    _text, html = render_templated(
        template=TEMPLATE,
        # Each recipient's message carries their own opt-out link; the preview a sample.
        context={**message_context(draft, page, site, language), "opt_out_url": "#"},
        language=language,
    )
    return page_in_language(page, language).title, html


@transaction.atomic
def distribution_resend_failed(*, distribution: Distribution) -> int:
    """Queue the failed deliveries again and enqueue the sending; how many."""
    from ..tasks import send_distribution_task

    count = distribution.deliveries.filter(status=Delivery.Status.FAILED).update(
        status=Delivery.Status.QUEUED, error=""
    )
    if count:
        Distribution.objects.filter(pk=distribution.pk).update(
            status=Distribution.Status.SENDING, finished_at=None
        )
        send_distribution_task.enqueue(distribution.pk)
    return count


def distribution_counts(distribution: Distribution) -> dict[str, int]:
    """How many deliveries are in each status (every status named, zeros included)."""
    from django.db.models import Count

    counts = dict.fromkeys(Delivery.Status.values, 0)
    rows = distribution.deliveries.values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
