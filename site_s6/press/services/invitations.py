"""Inviting journalists to press conferences, interviews and briefings; their answers.

:func:`invitations_create` queues one :class:`~site_s6.press.models.Invitation` per new
address (people of lists, people chosen by name, accredited journalists); the task sends
each once (claimed queued → sending with a conditional UPDATE), with the event's
``.ics`` (built by ``site_s6.events.calendar``) and two signed links: coming and not
coming. A link is ``django.core.signing`` of the invitation's id and the answer, with a
salt of its own: it cannot be made up, nor turned into another invitee's. Once the event
is over the links answer with a page that says so (HTTP 410).

When an event with invitations is published with another start or status (postponed,
cancelled), a signal handler enqueues :func:`notify_event_change`, which mails each
invitee the change once, with the same ``UID`` and the next ``SEQUENCE`` (``METHOD:
CANCEL`` for a cancellation), claimed by a conditional UPDATE on what they were last told.
"""

from __future__ import annotations

import logging

from django.core import signing
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from site_s6.core.mail import branding_context, send_templated
from site_s6.core.sites import site_index

from ..models import AccreditationRequest, Invitation
from ..models.invitations import INVITABLE_EVENT_TYPES
from .alerts import Throttle, alert_rate_per_minute, page_in_language
from .distribution import recipients_for, reply_to_for, smtp_answer
from .subscriptions import absolute

logger = logging.getLogger(__name__)

RSVP_SALT = "site_s6.press.invitation.rsvp"
ICS_FILENAME = "invitatie.ics"


def is_invitable(page) -> bool:
    """Whether journalists are invited to ``page`` (specific): a press conference, an
    interview or a briefing."""
    from site_s6.events.models import EventPage

    return isinstance(page, EventPage) and page.event_type in INVITABLE_EVENT_TYPES


def event_is_over(event, now=None) -> bool:
    """Whether ``event`` is over, by the one rule of ``site_s6.events.querysets``."""
    from site_s6.events.models import EventPage
    from site_s6.events.querysets import not_over_q

    return not EventPage.objects.filter(pk=event.pk).filter(not_over_q(now)).exists()


def accredited_for(event):
    """Approved, valid accreditations of the event's site: annual ones and those for
    this very event, one per address (the latest)."""
    site = site_of(event)
    today = timezone.localdate()
    accredited = AccreditationRequest.objects.filter(
        status=AccreditationRequest.Status.APPROVED
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    accredited = accredited.filter(Q(kind=AccreditationRequest.Kind.ANNUAL) | Q(event=event.pk))
    if site is not None:
        accredited = accredited.filter(site=site)
    return accredited.order_by("name", "pk")


def site_of(page):
    entry = site_index().entry_for(page, serving_only=False)
    return entry.site if entry else None


@transaction.atomic
def invitations_create(
    *, event, lists=(), journalists=(), accreditations=(), user=None
) -> tuple[list[Invitation], int]:
    """Invite the people of ``lists``, ``journalists`` and ``accreditations`` to
    ``event``; an address already invited is skipped. Returns the new invitations and
    how many were already invited, and enqueues the sending."""
    from ..models import Journalist
    from ..tasks import send_invitations_task

    people: dict[str, dict] = {}
    for recipient in recipients_for(lists=lists, journalists=journalists):
        people[recipient.email] = {
            "name": recipient.name,
            "language": recipient.language,
            "journalist_id": recipient.journalist_id,
        }
    for accreditation in accreditations:
        email = accreditation.email.strip().lower()
        people.setdefault(
            email,
            {
                "name": accreditation.name,
                "language": accreditation.language,
                "journalist_id": None,
                "outlet": accreditation.outlet,
            },
        )
    journalists_by_email = {
        journalist.email: journalist
        for journalist in Journalist.objects.filter(email__in=list(people)).select_related("outlet")
    }
    known = set(
        Invitation.objects.filter(event=event, email__in=list(people)).values_list(
            "email", flat=True
        )
    )
    created = []
    for email, person in sorted(people.items(), key=lambda item: item[1]["name"].lower()):
        if email in known:
            continue
        journalist = journalists_by_email.get(email)
        if journalist is not None and journalist.opted_out:
            continue
        outlet = person.get("outlet") or (
            journalist.outlet.name if journalist and journalist.outlet_id else ""
        )
        created.append(
            Invitation(
                event=event,
                journalist=journalist,
                email=email,
                name=person["name"],
                outlet=outlet,
                language=person["language"] or "ro",
                created_by=user,
            )
        )
    Invitation.objects.bulk_create(created)
    if created:
        send_invitations_task.enqueue(event.pk)
    return created, len(known)


def rsvp_token(invitation: Invitation, response: str) -> str:
    """The signed token of ``invitation``'s answer ``response`` (coming, not coming)."""
    return signing.dumps({"i": invitation.pk, "r": response}, salt=RSVP_SALT)


def read_rsvp_token(token: str) -> tuple[int, str] | None:
    """The invitation id and answer a token carries, or ``None`` when it is not one of
    ours (altered, truncated, made up)."""
    try:
        value = signing.loads(token, salt=RSVP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict):
        return None
    invitation_id, response = value.get("i"), value.get("r")
    answers = (Invitation.Response.COMING, Invitation.Response.NOT_COMING)
    if not isinstance(invitation_id, int) or response not in answers:
        return None
    return invitation_id, response


def rsvp_links(invitation: Invitation, root_url: str) -> dict[str, str]:
    """The invitee's two answer links on the site at ``root_url``, in their language."""
    with translation.override(invitation.language):
        return {
            f"{response}_url": absolute(
                root_url, reverse("press_rsvp", args=[rsvp_token(invitation, response)])
            )
            for response in (Invitation.Response.COMING, Invitation.Response.NOT_COMING)
        }


@transaction.atomic
def invitation_respond(*, invitation: Invitation, response: str) -> Invitation:
    """Record the invitee's answer; the journalist's last activity is now."""
    from ..models import Journalist
    from .contacts import journalist_touch

    now = timezone.now()
    invitation.response = response
    invitation.responded_at = now
    invitation.save(update_fields=["response", "responded_at"])
    if invitation.journalist_id is not None:
        Journalist.objects.filter(pk=invitation.journalist_id).update(last_activity_at=now)
    else:
        # Invited as an accredited journalist: the register's contact of that address.
        journalist_touch(email=invitation.email, at=now)
    return invitation


def event_calendar(event, *, site, sequence: int, cancel: bool = False) -> bytes:
    """The ``.ics`` of ``event``: the calendar file of ``site_s6.events.calendar`` with
    the ``SEQUENCE`` of this message, ``METHOD:CANCEL`` when it is called off."""
    from site_s6.events.calendar import build_calendar

    hostname = site.hostname if site else "localhost"
    calendar = build_calendar([event], name=event.title, hostname=hostname, request=None)
    calendar.pop("METHOD")
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    organiser = reply_to_for(site)
    for component in calendar.walk("VEVENT"):
        component.add("sequence", sequence)
        if cancel:
            component["status"] = "CANCELLED"
        if organiser:
            component.add("organizer", f"mailto:{organiser}")
    return calendar.to_ical()


def send_invitations(*, event_id: int, throttle: Throttle | None = None) -> int:
    """Send the queued invitations of an event; how many messages left now."""
    from site_s6.events.models import EventPage

    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    site = site_of(event)
    throttle = throttle or Throttle(alert_rate_per_minute())
    sent = 0
    queued = Invitation.objects.filter(event=event, status=Invitation.Status.QUEUED)
    with get_connection() as connection:
        for invitation in list(queued.order_by("pk")):
            claimed = Invitation.objects.filter(
                pk=invitation.pk, status=Invitation.Status.QUEUED
            ).update(
                status=Invitation.Status.SENDING,
                notified_start=event.start,
                notified_status=event.status,
            )
            if not claimed:
                continue
            throttle.wait()
            sent += send_invitation(event, invitation, site, connection)
    return sent


def invitation_context(event, invitation, site) -> dict:
    shown = page_in_language(event, invitation.language)
    return {
        "event": shown,
        "event_url": shown.get_full_url() if shown.live else "",
        "invitation": invitation,
        **rsvp_links(invitation, site.root_url if site else ""),
        **branding_context(site),
    }


def in_language(language: str, message, **values) -> str:
    """``message`` (a lazy translation with named placeholders) in ``language``."""
    with translation.override(language):
        return str(message) % values


def headers_for(site) -> dict[str, str]:
    reply_to = reply_to_for(site)
    return {"Reply-To": reply_to} if reply_to else {}


def send_invitation(event, invitation, site, connection) -> bool:
    """Send one claimed invitation with its ``.ics`` and record the outcome."""
    try:
        send_templated(
            to=invitation.email,
            subject=in_language(
                invitation.language,
                _("Invitation: %(title)s"),
                title=page_in_language(event, invitation.language).title,
            ),
            template="press/mail/invitation",
            context=invitation_context(event, invitation, site),
            language=invitation.language,
            headers=headers_for(site),
            connection=connection,
            attachments=[
                (ICS_FILENAME, event_calendar(event, site=site, sequence=0), "text/calendar")
            ],
        )
    except Exception as error:
        invitation.status = Invitation.Status.FAILED
        invitation.error = smtp_answer(error)[:2000]
        invitation.save(update_fields=["status", "error"])
        logger.warning("Invitation %s failed", invitation.pk)
        return False
    invitation.status = Invitation.Status.SENT
    invitation.sent_at = timezone.now()
    invitation.error = ""
    invitation.save(update_fields=["status", "sent_at", "error"])
    return True


def stale_invitations(event):
    """Invitations sent whose invitee was told another start or status than the event's."""
    return Invitation.objects.filter(event=event, status=Invitation.Status.SENT).exclude(
        notified_start=event.start, notified_status=event.status
    )


def notify_event_change(*, event_id: int, throttle: Throttle | None = None) -> int:
    """Mail every invitee told another start or status the event's change, once each;
    how many messages left now."""
    from site_s6.events.models import EventPage

    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        return 0
    site = site_of(event)
    throttle = throttle or Throttle(alert_rate_per_minute())
    sent = 0
    with get_connection() as connection:
        for invitation in list(stale_invitations(event).order_by("pk")):
            # Claimed on what the invitee was last told: a second run finds it changed.
            claimed = Invitation.objects.filter(
                pk=invitation.pk,
                notified_start=invitation.notified_start,
                notified_status=invitation.notified_status,
                sequence=invitation.sequence,
            ).update(
                notified_start=event.start,
                notified_status=event.status,
                sequence=F("sequence") + 1,
            )
            if not claimed:
                continue
            throttle.wait()
            sent += send_change(
                event, invitation, site, connection, sequence=invitation.sequence + 1
            )
    return sent


def send_change(event, invitation, site, connection, *, sequence: int) -> bool:
    from site_s6.events.models import EventPage

    cancelled = event.status == EventPage.Status.CANCELLED
    subject = in_language(
        invitation.language,
        _("Cancelled: %(title)s") if cancelled else _("Changed: %(title)s"),
        title=page_in_language(event, invitation.language).title,
    )
    try:
        send_templated(
            to=invitation.email,
            subject=subject,
            template="press/mail/invitation_change",
            context={**invitation_context(event, invitation, site), "cancelled": cancelled},
            language=invitation.language,
            headers=headers_for(site),
            connection=connection,
            attachments=[
                (
                    ICS_FILENAME,
                    event_calendar(event, site=site, sequence=sequence, cancel=cancelled),
                    "text/calendar",
                )
            ],
        )
    except Exception as error:
        Invitation.objects.filter(pk=invitation.pk).update(error=smtp_answer(error)[:2000])
        logger.warning("Change notice of invitation %s failed", invitation.pk)
        return False
    return True


def invitation_counts(event) -> dict[str, int]:
    """How many invitees answered ``coming``, ``not_coming``, and not yet (``pending``)."""
    from django.db.models import Count

    counts = {"coming": 0, "not_coming": 0, "pending": 0}
    rows = Invitation.objects.filter(event=event).values("response").annotate(n=Count("pk"))
    for row in rows:
        counts[row["response"] or "pending"] = row["n"]
    return counts
