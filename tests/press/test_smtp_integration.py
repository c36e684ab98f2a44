"""The whole journey through a real SMTP server: subscribe, confirm, alert, unsubscribe.

The ``smtp_inbox`` fixture (``tests/mailserver.py``) is a real SMTP server on a loopback
port; the test reads what arrived, headers included. Tasks run at once here (the immediate
backend); the worker's own path is the same task function.
"""

import re

from django.test import Client

from site_s6.press.models import Subscriber
from tests.factories import NewsPageFactory
from tests.mailserver import text_of

from .conftest import published

HOST = {"HTTP_HOST": "primarie6.localhost"}


def test_subscribe_confirm_alert_and_one_click_unsubscribe_over_smtp(
    client, press_world, smtp_inbox
):
    response = client.post(
        "/presa/abonare/",
        {
            "email": "redactia@ziar.example",
            "language": "ro",
            "kinds": ["press_release"],
            "sites": [press_world["sites"]["main"].pk],
            "consent": "on",
            "website": "",
        },
        **HOST,
    )
    assert response.status_code == 200
    assert len(smtp_inbox.messages) == 1
    confirmation = smtp_inbox.messages[0]
    assert confirmation["To"] == "redactia@ziar.example"
    assert confirmation.get_body(preferencelist=("html",)) is not None
    link = re.search(
        r"http://primarie6\.localhost(/press-alerts/confirm/\S+/)", text_of(confirmation)
    )
    assert client.post(link.group(1), **HOST).status_code == 200
    assert Subscriber.objects.get().is_active

    published(
        NewsPageFactory(
            parent=press_world["news_index"],
            title="Comunicat prin SMTP",
            kind="press_release",
            live=False,
        )
    )
    alerts = smtp_inbox.messages[1:]
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["Subject"] == "Comunicat prin SMTP"
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A long header may arrive folded: the value is what follows the folding whitespace.
    header = str(alert["List-Unsubscribe"]).strip()
    unsubscribe = re.fullmatch(r"<(http://primarie6\.localhost(/\S+))>", header)
    assert unsubscribe, header
    assert unsubscribe.group(1) in text_of(alert)

    one_click = Client(enforce_csrf_checks=True).post(
        unsubscribe.group(2),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        **HOST,
    )
    assert 200 <= one_click.status_code < 300

    published(
        NewsPageFactory(
            parent=press_world["news_index"],
            title="Comunicat după dezabonare",
            kind="press_release",
            live=False,
        )
    )
    assert len(smtp_inbox.messages) == 2
