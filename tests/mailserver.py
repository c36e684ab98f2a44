"""A real SMTP server for the tests: ``aiosmtpd`` on a free loopback port.

The ``smtp_inbox`` fixture points Django's SMTP backend at it and yields the inbox, which
keeps every message that arrived, parsed with the modern e-mail policy (headers included).
"""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.test import override_settings


class Inbox(Message):
    """Keeps every message that arrived, parsed."""

    def __init__(self):
        super().__init__(message_class=None)
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)

    def prepare_message(self, session, envelope):
        return email.message_from_bytes(envelope.content, policy=email.policy.default)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS=False,
            EMAIL_TIMEOUT=10,
        ):
            yield inbox
    finally:
        controller.stop()


def text_of(message) -> str:
    """The plain-text body of a received message."""
    return message.get_body(preferencelist=("plain",)).get_content()
