"""Subscriptions: double opt-in, alerts at most once per page and subscriber, unsubscribing."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale

from site_s6.news.models import NewsPage
from site_s6.press.models import AlertDelivery, Subscriber
from site_s6.press.services.alerts import Throttle, send_page_alerts
from tests.factories import NewsPageFactory

from .conftest import published

HOST = {"HTTP_HOST": "primarie6.localhost"}


def ro(message: str) -> str:
    """``message`` as the Romanian pages show it (translated once the catalogue is)."""
    with translation.override("ro"):
        return gettext(message)


FORM = "/presa/abonare/"


def subscribe(client, press_world, email="ana@redactie.example", **overrides):
    data = {
        "email": email,
        "language": "ro",
        "kinds": ["press_release"],
        "sites": [press_world["sites"]["main"].pk],
        "consent": "on",
        "website": "",
        **overrides,
    }
    return client.post(FORM, data, **HOST)


def link_in(message, pattern=r"https?://\S+/press-alerts/confirm/\S+/"):
    return re.search(pattern, message.body).group(0)


def confirm(client, message):
    path = link_in(message).split("primarie6.localhost", 1)[1]
    return client.post(path, **HOST)


def release(press_world, title="Comunicat nou", **fields):
    return published(
        NewsPageFactory(
            parent=press_world["news_index"],
            title=title,
            kind="press_release",
            live=False,
            **fields,
        )
    )


def confirmed_subscriber(client, press_world, email="ana@redactie.example", **overrides):
    subscribe(client, press_world, email=email, **overrides)
    confirm(client, mail.outbox[-1])
    mail.outbox.clear()
    return Subscriber.objects.get(email=email)


def test_nothing_is_sent_before_the_address_is_confirmed(client, press_world):
    response = subscribe(client, press_world)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert len(mail.outbox) == 1
    mail.outbox.clear()
    release(press_world)
    assert mail.outbox == []
    assert not AlertDelivery.objects.exists()


def test_confirmation_link_asks_for_a_click_then_confirms(client, press_world):
    subscribe(client, press_world)
    path = link_in(mail.outbox[0]).split("primarie6.localhost", 1)[1]
    assert client.get(path, **HOST).status_code == 200
    assert Subscriber.objects.get().confirmed_at is None  # a link scanner confirms nothing
    assert client.post(path, **HOST).status_code == 200
    assert Subscriber.objects.get().confirmed_at is not None


def test_altered_or_expired_confirmation_links_confirm_nothing(client, press_world):
    subscribe(client, press_world)
    path = link_in(mail.outbox[0]).split("primarie6.localhost", 1)[1]
    assert client.post(path.replace("/confirm/", "/confirm/x"), **HOST).status_code == 400
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        assert client.post(path, **HOST).status_code == 400
    assert Subscriber.objects.get().confirmed_at is None


def test_subscribing_an_address_already_confirmed_changes_nothing(client, press_world):
    subscriber = confirmed_subscriber(client, press_world)
    subscribe(client, press_world, kinds=["news"], language="en")
    subscriber.refresh_from_db()
    assert subscriber.kinds == ["press_release"]
    assert subscriber.language == "ro"
    assert subscriber.is_active
    assert "/press-alerts/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "nu-e-adresa"}, ro("Enter a valid email address.")),
        ({"consent": ""}, ro("Please confirm that you have read the notice.")),
        ({"website": "x"}, ro("This form could not be accepted.")),
        ({"kinds": []}, ro("Choose at least one kind of publication.")),
    ],
)
def test_bad_subscriptions_store_nothing(client, press_world, overrides, message):
    response = subscribe(client, press_world, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_subscription_form_is_rate_limited(client, press_world, settings):
    settings.S6_PRESS_FORM_RATE_PER_MINUTE = 3
    statuses = [
        subscribe(client, press_world, email=f"s{n}@x.example").status_code for n in range(6)
    ]
    assert statuses == [200, 200, 200, 429, 429, 429]
    assert Subscriber.objects.count() == 3


def test_one_alert_per_page_and_subscriber_with_one_click_unsubscribe(client, press_world):
    subscriber = confirmed_subscriber(client, press_world)
    page = release(press_world, intro="Ce s-a decis azi.")
    assert len(mail.outbox) == 1
    alert = mail.outbox[0]
    assert alert.to == ["ana@redactie.example"]
    assert alert.subject == "Comunicat nou"
    unsubscribe_url = f"http://primarie6.localhost/press-alerts/{subscriber.token}/unsubscribe/"
    assert alert.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in alert.body
    assert unsubscribe_url in alert.alternatives[0][0]
    assert page.get_full_url() in alert.body
    assert "<img" not in alert.alternatives[0][0]

    # A republish and a retried task send nothing more.
    published(page)
    assert send_page_alerts(page_id=page.pk) == 0
    assert len(mail.outbox) == 1
    delivery = AlertDelivery.objects.get()
    assert delivery.sent_at is not None
    assert (delivery.page_id, delivery.subscriber_id) == (page.pk, subscriber.pk)

    # One click, no cookie, no login.
    fresh = Client(enforce_csrf_checks=True)
    response = fresh.post(
        unsubscribe_url.split("primarie6.localhost", 1)[1],
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        **HOST,
    )
    assert response.status_code == 200
    assert not response.cookies
    release(press_world, title="Alt comunicat")
    assert len(mail.outbox) == 1


def test_alerts_follow_kind_site_and_language(client, press_world):
    ro = confirmed_subscriber(client, press_world, email="ro@x.example")
    en = confirmed_subscriber(client, press_world, email="en@x.example", language="en")
    confirmed_subscriber(client, press_world, email="news@x.example", kinds=["news"])
    confirmed_subscriber(
        client, press_world, email="dgaspc@x.example", sites=[press_world["sites"]["dgaspc"].pk]
    )
    page = NewsPageFactory(
        parent=press_world["news_index"],
        title="Comunicat bilingv",
        kind="press_release",
        live=False,
    )
    page.save_revision()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Bilingual release"
    english.save_revision().publish()
    published(page)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ro@x.example", "en@x.example"}
    assert by_address["ro@x.example"].subject == "Comunicat bilingv"
    assert by_address["en@x.example"].subject == "Bilingual release"
    assert "/en/" in by_address["en@x.example"].body
    assert f"/press-alerts/{en.token}/" in by_address["en@x.example"].body
    assert f"/en/press-alerts/{en.token}/unsubscribe/" in by_address["en@x.example"].body
    assert f"/press-alerts/{ro.token}/unsubscribe/" in by_address["ro@x.example"].body


def test_english_subscriber_gets_the_original_without_a_translation(client, press_world):
    confirmed_subscriber(client, press_world, email="en@x.example", language="en")
    release(press_world, title="Doar în română")
    assert mail.outbox[0].subject == "Doar în română"


def test_press_conferences_alert_their_subscribers(client, press_world):
    from tests.factories import EventPageFactory

    confirmed_subscriber(client, press_world, kinds=["press_conference"])
    published(
        EventPageFactory(
            parent=press_world["event_index"],
            title="Conferință despre buget",
            event_type="press_conference",
            live=False,
        )
    )
    published(
        EventPageFactory(
            parent=press_world["event_index"],
            title="Concert",
            event_type="public_event",
            live=False,
        )
    )
    assert [message.subject for message in mail.outbox] == ["Conferință despre buget"]


def test_correcting_an_old_release_alerts_nobody(client, press_world):
    confirmed_subscriber(client, press_world)
    old = press_world["release"]
    NewsPage.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    published(NewsPage.objects.get(pk=old.pk))
    assert mail.outbox == []


def test_a_subscription_brings_what_is_published_after_it(client, press_world):
    draft = NewsPageFactory(
        parent=press_world["news_index"], title="Scris înainte", kind="press_release", live=False
    )
    early = published(draft)
    confirmed_subscriber(client, press_world)
    # Republished (corrected) after the address was confirmed: not news to it.
    published(early)
    assert mail.outbox == []


def test_preferences_page_changes_what_is_sent(client, press_world):
    subscriber = confirmed_subscriber(client, press_world)
    url = f"/press-alerts/{subscriber.token}/"
    assert client.get(url, **HOST).status_code == 200
    response = client.post(
        url,
        {"language": "en", "kinds": ["news"], "sites": [press_world["sites"]["main"].pk]},
        **HOST,
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.kinds == ["news"]
    assert subscriber.language == "en"
    release(press_world)
    assert mail.outbox == []
    assert client.get("/press-alerts/not-a-token/", **HOST).status_code == 404


def test_a_failed_message_is_logged_and_never_sent_twice(client, press_world, monkeypatch):
    confirmed_subscriber(client, press_world)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("site_s6.press.services.alerts.send_templated", refuse)
    page = release(press_world)
    delivery = AlertDelivery.objects.get(page=page)
    assert delivery.sent_at is None
    assert "no mail server" in delivery.error
    monkeypatch.undo()
    assert send_page_alerts(page_id=page.pk) == 0
    assert mail.outbox == []


def test_throttle_paces_messages_at_the_configured_rate():
    now = [0.0]
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    throttle = Throttle(30, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        throttle.wait()
        now[0] += 0.5  # sending takes half a second
    assert slept == [1.5, 1.5]
    unthrottled = Throttle(0, clock=lambda: now[0], sleep=sleep)
    unthrottled.wait()
    unthrottled.wait()
    assert slept == [1.5, 1.5]


def test_scheduled_publication_alerts_when_it_goes_live(client, press_world):
    from django.core.management import call_command

    confirmed_subscriber(client, press_world)
    page = NewsPageFactory(
        parent=press_world["news_index"],
        title="Comunicat programat",
        kind="press_release",
        live=False,
    )
    page.go_live_at = timezone.now() + datetime.timedelta(minutes=5)
    page.save_revision().publish()
    assert mail.outbox == []
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10)):
        call_command("publish_scheduled")
    assert [message.subject for message in mail.outbox] == ["Comunicat programat"]
