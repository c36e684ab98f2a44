"""The morning digest: what it lists, and a real delivery through a local SMTP server."""

import datetime
import email
import io
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from site_s6.monitoring.digest import WAITING_HOOK, build_digest, digest_period
from site_s6.monitoring.models import Clipping, DigestSubscription
from subsites.models import Institution
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    # aiosmtpd's controller checks its server by connecting to the port it was given,
    # so it needs a real one: a port the system just handed out and released.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            yield mailbox
    finally:
        controller.stop()


def bucharest(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def clippings():
    city_hall = Institution.objects.create(
        name="Primăria Sectorului 6", short_name="PS6", slug="ps6", kind="city_hall"
    )
    yesterday = timezone.now() - datetime.timedelta(days=1)
    relevant = Clipping.objects.create(
        url="https://ziar.example/relevant",
        title="Școala nr. 1 are o sală de sport nouă",
        outlet="Ziarul de Sector",
        published_at=yesterday,
        relevant=True,
        tone=Clipping.Tone.POSITIVE,
    )
    relevant.institutions.add(city_hall)
    Clipping.objects.create(
        url="https://ziar.example/irrelevant",
        title="Horoscopul zilei fără legătură",
        published_at=yesterday,
        relevant=False,
    )
    Clipping.objects.create(
        url="https://ziar.example/untriaged",
        title="Încă netriat",
        published_at=yesterday,
    )
    return relevant


def subscriber(username, email_address, **fields):
    user = UserFactory(username=username, email=email_address, **fields)
    DigestSubscription.objects.create(user=user)
    return user


def test_press_digest_send_now_delivers_through_smtp(smtp_server, clippings):
    subscriber("ana", "ana@primarie6.example")
    subscriber("ion", "ion@primarie6.example")
    subscriber("fost", "fost@primarie6.example", is_active=False)
    UserFactory(username="neabonat", email="neabonat@primarie6.example")
    out = io.StringIO()

    call_command("press_digest", "--send-now", stdout=out)

    assert "Digest sent to 2 subscribers." in out.getvalue()
    assert sorted(rcpt for rcpt, _message in smtp_server.messages) == [
        ["ana@primarie6.example"],
        ["ion@primarie6.example"],
    ]
    _rcpt, message = smtp_server.messages[0]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert clippings.title in body
        assert "Primăria Sectorului 6" in body
        assert "Horoscopul zilei" not in body
        assert "Încă netriat" not in body
    assert "ana@primarie6.example" not in str(smtp_server.messages[1][1])


def test_the_digest_groups_by_institution_and_tone(clippings):
    Clipping.objects.create(
        url="https://ziar.example/fara",
        title="Fără instituție",
        published_at=clippings.published_at,
        relevant=True,
        tone=Clipping.Tone.NEGATIVE,
    )
    digest = build_digest()

    assert [group.name for group in digest.groups] == ["Primăria Sectorului 6", ""]
    assert [(str(tone), [c.title for c in items]) for tone, items in digest.groups[0].tones] == [
        (str(Clipping.Tone.POSITIVE.label), [clippings.title])
    ]
    assert digest.total == 2


def test_monday_covers_the_weekend():
    since, until = digest_period(bucharest(2026, 11, 30, 8, 0))  # a Monday
    assert (since, until) == (bucharest(2026, 11, 27), bucharest(2026, 11, 30))
    since, until = digest_period(bucharest(2026, 12, 2, 8, 0))  # a Wednesday
    assert (since, until) == (bucharest(2026, 12, 1), bucharest(2026, 12, 2))


def test_the_press_office_adds_what_the_press_waits_for(smtp_server, clippings):
    subscriber("ana", "ana@primarie6.example")

    def waiting(until):
        return [
            {
                "title": "Accreditation requests due",
                "items": [{"label": "Ion Ionescu, Ziarul de Sector", "due_at": until, "url": ""}],
            }
        ]

    with hooks.register_temporarily(WAITING_HOOK, waiting):
        call_command("press_digest", "--send-now", stdout=io.StringIO())

    text = smtp_server.messages[0][1].get_body(preferencelist=("plain",)).get_content()
    assert "Ion Ionescu, Ziarul de Sector" in text


def test_the_schedule_names_weekdays():
    from site_s6.monitoring.schedule import PERIODIC

    jobs = {job.name: job for job in PERIODIC}
    assert jobs["press_morning_digest"].cron == "0 8 * * mon-fri"
    assert jobs["press_monitor_poll"].every == datetime.timedelta(minutes=30)


def test_the_digest_lists_accreditation_requests_due(site_tree, clippings):
    from django.apps import apps

    model = apps.get_model("press", "AccreditationRequest")
    now = timezone.now()
    common = {
        "site": Site.objects.get(),
        "year": now.year,
        "role": "Reporter",
        "email": "jurnalist@ziar.example",
        "phone": "0700000000",
        "consented_at": now,
    }
    model.objects.create(
        registration_number="ACR-1",
        sequence=1,
        due_at=now - datetime.timedelta(hours=2),
        name="Ion Ionescu",
        outlet="Ziarul de Sector",
        **common,
    )
    model.objects.create(
        registration_number="ACR-2",
        sequence=2,
        due_at=now + datetime.timedelta(days=5),
        name="Later Reporter",
        outlet="Ziarul de Sector",
        **common,
    )
    model.objects.create(
        registration_number="ACR-3",
        sequence=3,
        due_at=now - datetime.timedelta(hours=2),
        name="Decided Reporter",
        outlet="Ziarul de Sector",
        status="approved",
        **common,
    )

    sections = build_digest().waiting

    assert [item["label"] for section in sections for item in section["items"]] == [
        "ACR-1 · Ion Ionescu (Ziarul de Sector)"
    ]
    assert sections[0]["items"][0]["url"].startswith("http://testserver/admin/")
