"""Sending a press release to the press: recipients, the form, the log, resending,
the press list's channel status and the personal data registry.

Tasks run at once here (the immediate backend); the worker's path, the embargo and the
real SMTP server are in ``test_distribution_smtp.py``.
"""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from site_s6.channels.status import DONE, FAILED, NONE, SCHEDULED
from site_s6.press.channel_status import press_list_status
from site_s6.press.models import Delivery, Distribution, Journalist
from site_s6.press.personal_data import personal_data_sources
from site_s6.press.services.distribution import (
    distribution_create,
    recipients_for,
    send_distribution,
)
from tests.conftest import for_test

from .outreach import PRESS_EMAIL, build_outreach_world

HOST = {"HTTP_HOST": "primarie6.localhost"}


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build_outreach_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


@pytest.fixture
def central_client(client, world):
    client.force_login(world["users"]["central"])
    return client


def distribute_url(page):
    return f"/admin/press/distribution/release/{page.pk}/"


def send_form(world, **extra):
    data = {
        "lists": [world["lists"]["tv"].pk, world["lists"]["papers"].pk],
        "when": "now",
        "send": "1",
    }
    data.update(extra)
    return data


def test_recipients_are_the_reachable_people_of_lists_and_names_once_each(world):
    people, lists = world["people"], world["lists"]

    recipients = recipients_for(
        lists=[lists["tv"], lists["papers"]], journalists=[people["ana"], people["quiet"]]
    )

    assert [r.email for r in recipients] == [
        "ana@tv.example",
        "ioana@ziar.example",
        "radu@tv.example",
    ]
    assert {r.email: r.language for r in recipients}["radu@tv.example"] == "en"


def test_sending_now_mails_each_recipient_once_in_their_language_with_reply_to(
    central_client, world
):
    release = world["release"]

    response = central_client.post(distribute_url(release), send_form(world))

    distribution = Distribution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/press/distribution/{distribution.pk}/"
    assert distribution.status == Distribution.Status.SENT
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@tv.example",
        "ioana@ziar.example",
        "radu@tv.example",
    ]
    message = mail.outbox[0]
    assert message.extra_headers["Reply-To"] == PRESS_EMAIL
    assert message.subject == release.title
    html = message.alternatives[0][0]
    assert release.get_full_url() in html
    # No tracking: no image and no address other than the release's own.
    assert "<img" not in html
    links = set(re.findall(r'href="([^"]+)"', html))
    assert links == {release.get_full_url(), message.extra_headers["List-Unsubscribe"][1:-1]}
    deliveries = Delivery.objects.filter(distribution=distribution)
    assert set(deliveries.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert all(d.sent_at and d.attempts == 1 for d in deliveries)


def test_one_click_opt_out_stops_every_later_mailing_to_that_person(client, world):
    distribution_create(page=world["release"], lists=[world["lists"]["papers"]], journalists=[])
    (message,) = mail.outbox
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"][1:-1]
    path = url.split("primarie6.localhost", 1)[1]
    assert path.startswith("/press-opt-out/") and url in message.body

    assert client.get(path, **HOST).status_code == 200
    assert not Journalist.objects.get(email="ioana@ziar.example").opted_out
    forged = client.post(path[:-3] + "xx/", **HOST)
    assert forged.status_code == 404
    one_click = Client(enforce_csrf_checks=True).post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        **HOST,
    )

    assert one_click.status_code == 200
    assert Journalist.objects.get(email="ioana@ziar.example").opted_out
    assert recipients_for(lists=[world["lists"]["papers"]], journalists=[]) == []


def test_the_preview_shows_the_message_with_its_embargo_and_sends_nothing(central_client, world):
    release = world["draft_release"]
    embargo = timezone.now() + datetime.timedelta(days=1)

    response = central_client.post(
        distribute_url(release),
        {
            "lists": [world["lists"]["papers"].pk],
            "when": "now",
            "embargo_until": timezone.localtime(embargo).strftime("%Y-%m-%d %H:%M"),
            "preview": "1",
        },
    )

    assert response.status_code == 200
    preview = response.context["preview"]
    assert "EMBARGO" in preview["html"]
    assert [r.email for r in preview["recipients"]] == ["ioana@ziar.example"]
    assert not Distribution.objects.exists()
    assert mail.outbox == []


def test_an_embargo_schedules_the_release_and_its_go_live_and_sends_nothing_yet(world):
    release = world["draft_release"]
    embargo = timezone.now() + datetime.timedelta(hours=3)

    distribution = distribution_create(
        page=release,
        lists=[world["lists"]["tv"]],
        journalists=[],
        user=world["users"]["central"],
        embargo_until=embargo,
    )

    release.refresh_from_db()
    assert distribution.send_at == embargo
    assert distribution.status == Distribution.Status.SCHEDULED
    assert not release.live
    assert release.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == embargo
    assert mail.outbox == []
    # Run early by mistake, the task sends nothing and leaves it scheduled.
    assert send_distribution(distribution_id=distribution.pk) == 0
    distribution.refresh_from_db()
    assert distribution.status == Distribution.Status.SCHEDULED
    assert press_list_status(release)[0].state == SCHEDULED


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"lists": []}, "__all__"),
        ({"lists": [], "journalists": ["quiet"]}, "journalists"),
        ({"embargo_until": "2001-01-01 10:00"}, "embargo_until"),
        ({"when": "later", "send_at": ""}, "send_at"),
        ({"when": "later", "send_at": "2001-01-01 10:00"}, "send_at"),
    ],
)
def test_bad_choices_are_refused_with_a_message_and_change_nothing(
    central_client, world, extra, field
):
    if extra.get("journalists") == ["quiet"]:
        extra = {**extra, "journalists": [world["people"]["quiet"].pk]}

    response = central_client.post(
        distribute_url(world["draft_release"]), send_form(world, **extra)
    )

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Distribution.objects.exists()
    assert mail.outbox == []


def test_an_embargo_on_a_release_already_public_is_refused(central_client, world):
    tomorrow = timezone.localtime(timezone.now() + datetime.timedelta(days=1))

    response = central_client.post(
        distribute_url(world["release"]),
        send_form(world, embargo_until=tomorrow.strftime("%Y-%m-%d %H:%M")),
    )

    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["embargo_until"]
    assert not Distribution.objects.exists()


def test_sending_again_to_people_who_got_it_needs_the_confirmation_box(central_client, world):
    release = world["release"]
    central_client.post(distribute_url(release), send_form(world))
    assert len(mail.outbox) == 3

    refused = central_client.post(distribute_url(release), send_form(world))

    assert refused.status_code == 400
    assert "Ana Ionescu" in " ".join(refused.context["form"].errors["confirm_resend"])
    assert Distribution.objects.count() == 1
    assert len(mail.outbox) == 3

    confirmed = central_client.post(distribute_url(release), send_form(world, confirm_resend="on"))

    assert confirmed.status_code == 302
    assert Distribution.objects.count() == 2
    assert len(mail.outbox) == 6


def test_the_log_shows_the_servers_answer_and_resends_only_the_failed(
    central_client, world, monkeypatch
):
    import smtplib

    from site_s6.press.services import distribution as service

    real_send = service.send_templated

    def refuse_ioana(**kwargs):
        if kwargs["to"] == "ioana@ziar.example":
            raise smtplib.SMTPRecipientsRefused(
                {"ioana@ziar.example": (550, b"5.1.1 Mailbox unavailable")}
            )
        return real_send(**kwargs)

    monkeypatch.setattr(service, "send_templated", refuse_ioana)
    central_client.post(distribute_url(world["release"]), send_form(world))
    distribution = Distribution.objects.get()
    failed = distribution.deliveries.get(status=Delivery.Status.FAILED)
    assert failed.error == "550 5.1.1 Mailbox unavailable"
    assert press_list_status(world["release"])[0].state == FAILED

    log = central_client.get(f"/admin/press/distribution/{distribution.pk}/")
    assert log.status_code == 200
    assert b"550 5.1.1 Mailbox unavailable" in log.content

    monkeypatch.setattr(service, "send_templated", real_send)
    resent = central_client.post(f"/admin/press/distribution/{distribution.pk}/")

    assert resent.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SENT
    assert failed.attempts == 2
    assert [m.to[0] for m in mail.outbox].count("ioana@ziar.example") == 1
    assert [m.to[0] for m in mail.outbox].count("ana@tv.example") == 1
    assert press_list_status(world["release"])[0].state == DONE


def test_the_list_of_distributions_costs_the_same_queries_for_one_or_many(central_client, world):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert central_client.get("/admin/press/distribution/").status_code == 200
        return len(captured)

    distribution_create(page=world["release"], lists=[world["lists"]["tv"]], journalists=[])
    one = queries()
    for _ in range(4):
        distribution_create(page=world["release"], lists=[world["lists"]["tv"]], journalists=[])

    assert queries() == one


def test_the_delivery_log_costs_the_same_queries_for_few_or_many_recipients(central_client, world):
    few = distribution_create(
        page=world["release"], lists=[world["lists"]["papers"]], journalists=[]
    )
    many = distribution_create(
        page=world["release"],
        lists=[world["lists"]["tv"], world["lists"]["papers"]],
        journalists=[],
    )

    def queries(distribution):
        with CaptureQueriesContext(connection) as captured:
            response = central_client.get(f"/admin/press/distribution/{distribution.pk}/")
        assert response.status_code == 200
        return len(captured)

    assert many.deliveries.count() > few.deliveries.count()
    assert queries(many) == queries(few)


def test_the_press_list_status_of_a_release_never_sent_and_of_other_pages(world):
    assert press_list_status(world["release"])[0].state == NONE
    assert press_list_status(world["conference"]) == []


def test_erasing_a_person_keeps_their_deliveries_counted_but_anonymous(world):
    distribution = distribution_create(
        page=world["release"], lists=[world["lists"]["tv"]], journalists=[]
    )
    sources = {source.name: source for source in personal_data_sources()}
    deliveries = sources["press_distribution_deliveries"]

    exported = deliveries.export("ANA@tv.example")
    assert [row["release"] for row in exported] == [world["release"].title]
    assert exported[0]["status"] == Delivery.Status.SENT

    assert deliveries.erase("ana@tv.example") == 1
    assert distribution.deliveries.count() == 2
    assert distribution.deliveries.filter(email="", name="", journalist=None).count() == 1
    assert deliveries.export("ana@tv.example") == []


URLS = [
    "/admin/press/distribution/",
    "/admin/press/distribution/{distribution}/",
    "/admin/press/distribution/release/{release}/",
]


@pytest.mark.parametrize("template", URLS)
def test_only_the_central_team_opens_the_distribution_screens(client, world, template):
    distribution = distribution_create(
        page=world["release"], lists=[world["lists"]["tv"]], journalists=[]
    )
    url = template.format(distribution=distribution.pk, release=world["release"].pk)

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")

    # Wagtail answers an editor's refused admin view with a redirect to the dashboard.
    client.force_login(world["users"]["editor"])
    for refused in (client.get(url), client.post(url, send_form(world, confirm_resend="on"))):
        assert refused.status_code == 302
        assert refused["Location"] == "/admin/"

    client.force_login(world["users"]["central"])
    assert client.get(url).status_code == 200
    assert Distribution.objects.count() == 1


def test_the_editors_of_a_release_and_a_conference_offer_their_own_action(client, world):
    client.force_login(world["users"]["central"])

    release_editor = client.get(f"/admin/pages/{world['release'].pk}/edit/").content
    event_editor = client.get(f"/admin/pages/{world['conference'].pk}/edit/").content

    assert distribute_url(world["release"]).encode() in release_editor
    assert b"/admin/press/distribution/release/" not in event_editor
    assert f"/admin/press/distribution/event/{world['conference'].pk}/".encode() in event_editor
