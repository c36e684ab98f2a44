"""The demo's press distribution and invitations: one press release of the city hall sent
to the press two days ago (its log: every message sent but one, refused by the mail
server), and the next press conference with its invitations and answers (two coming,
one not coming, the rest not answered yet).

It reaches the journalists of the contacts register (``press_contacts``, loaded before
it); only when the register is empty does it add three of its own, on reserved domains.
Nothing is mailed while loading: the rows are written as they stand after sending. A
second run finds the distribution and the invitations and changes nothing.
"""

import datetime

from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

FALLBACK_JOURNALISTS = [
    ("Elena Dobre", "elena.dobre@stiri-bucuresti.example", "ro"),
    ("Andrei Pavel", "andrei.pavel@radio-capitala.example", "ro"),
    ("Maria Stan", "maria.stan@city-wire.example", "en"),
]
REFUSAL = "550 5.1.1 <{email}>: Recipient address rejected: mailbox unavailable"
ANSWERS = ["coming", "coming", "not_coming"]


def demo_journalists(loader) -> list:
    """The reachable journalists of the register (at most eight); three made for the demo
    when the register is empty."""
    journalist_model = apps.get_model("press", "Journalist")
    if not journalist_model.objects.exists():
        for name, email, language in FALLBACK_JOURNALISTS:
            journalist_model.objects.create(
                name=name,
                email=email,
                language=language,
                lawful_basis=journalist_model.LawfulBasis.LEGITIMATE_INTEREST,
                source="Demo",
            )
            loader.report.count("journalists")
    return list(journalist_model.objects.reachable().select_related("outlet").order_by("pk")[:8])


def load_press_distribution(loader) -> None:
    """The sent distribution with its log, and the upcoming press conference's RSVPs."""
    site_data = loader.sites.get("primarie")
    if site_data is None:
        return
    home = site_data["home"]
    news_model = apps.get_model("news", "NewsPage")
    event_model = apps.get_model("events", "EventPage")
    default = Locale.get_default()
    release = (
        news_model.objects.descendant_of(home)
        .live()
        .filter(kind=news_model.Kind.PRESS_RELEASE, locale=default)
        .order_by("-publication_date", "-pk")
        .first()
    )
    conference = (
        event_model.objects.descendant_of(home)
        .live()
        .filter(event_type=event_model.EventType.PRESS_CONFERENCE, locale=default)
        .exclude(status=event_model.Status.CANCELLED)
        .upcoming()
        .first()
    )
    people = demo_journalists(loader)
    if not people:
        return
    if release is not None:
        _sent_distribution(loader, release, people)
    if conference is not None:
        _invitations(loader, conference, people)


def _sent_distribution(loader, release, people) -> None:
    distribution_model = apps.get_model("press", "Distribution")
    delivery_model = apps.get_model("press", "Delivery")
    if distribution_model.objects.filter(page=release).exists():
        return
    sent_at = timezone.now() - datetime.timedelta(days=2)
    distribution = distribution_model.objects.create(
        page=release,
        send_at=sent_at,
        status=distribution_model.Status.SENT,
        finished_at=sent_at + datetime.timedelta(minutes=1),
    )
    lists = apps.get_model("press", "DistributionList").objects.order_by("pk")[:2]
    distribution.lists.set(lists)
    for position, person in enumerate(people):
        failed = position == len(people) - 1
        delivery_model.objects.create(
            distribution=distribution,
            journalist=person,
            email=person.email,
            name=person.name,
            language=person.language,
            status=delivery_model.Status.FAILED if failed else delivery_model.Status.SENT,
            sent_at=None if failed else sent_at,
            error=REFUSAL.format(email=person.email) if failed else "",
            attempts=1,
        )
    loader.report.count("press distributions")


def _invitations(loader, conference, people) -> None:
    invitation_model = apps.get_model("press", "Invitation")
    if invitation_model.objects.filter(event=conference).exists():
        return
    invited_at = timezone.now() - datetime.timedelta(days=1)
    for position, person in enumerate(people[:6]):
        answer = ANSWERS[position] if position < len(ANSWERS) else ""
        invitation_model.objects.create(
            event=conference,
            journalist=person,
            email=person.email,
            name=person.name,
            outlet=person.outlet.name if person.outlet_id else "",
            language=person.language,
            status=invitation_model.Status.SENT,
            sent_at=invited_at,
            response=answer,
            responded_at=invited_at + datetime.timedelta(hours=position + 1) if answer else None,
            # What they were told: publishing the event unchanged writes to nobody.
            notified_start=conference.start,
            notified_status=conference.status,
        )
        loader.report.count("press invitations")
