"""One way to send a templated e-mail: a plain-text and an HTML part, in one language.

Every message the product sends (accreditation decisions, subscription confirmations,
alerts, the morning press review) goes through :func:`send_templated`, so that each has
both parts, is rendered in its recipient's language rather than the request's, and
carries whatever headers its sender needs (``List-Unsubscribe`` for bulk mail). The SMTP
connection comes from Django's e-mail settings (``EMAIL_HOST`` and friends); a caller
that sends many messages passes one ``connection`` to reuse it.

Core depends on no other project app: the branding comes from core's own settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation


def branding_context(site) -> dict[str, Any]:
    """The site's branding for a message's template, as ``{"branding": {...}}``.

    Names and colours only, plus the site's root URL; no images, since a message that
    loads remote images is a message that can track its reader.
    """
    from site_s6.core.models import BrandingSettings

    if site is None:
        return {"branding": {"full_name": "", "short_name": "", "site_url": ""}}
    branding = BrandingSettings.for_site(site)
    return {
        "branding": {
            "full_name": branding.full_name or site.site_name or site.hostname,
            "short_name": branding.short_name or branding.full_name or site.hostname,
            "primary_colour": branding.primary_colour,
            "secondary_colour": branding.secondary_colour,
            "site_url": site.root_url,
        }
    }


def render_templated(
    *, template: str, context: Mapping[str, Any], language: str
) -> tuple[str, str]:
    """The plain-text and HTML bodies of ``template`` rendered in ``language``.

    The plain-text part is rendered without HTML escaping: a journalist's name with an
    ampersand stays an ampersand in a text message.
    """
    with translation.override(language):
        context = {"language": language, **context}
        text = get_template(f"{template}.txt").template.render(Context(context, autoescape=False))
        html = render_to_string(f"{template}.html", context)
    return text, html


def send_templated(
    *,
    to: str | Iterable[str],
    subject: str,
    template: str,
    context: Mapping[str, Any],
    language: str,
    headers: Mapping[str, str] | None = None,
    connection=None,
    from_email: str | None = None,
    attachments: Iterable[tuple[str, str | bytes, str]] = (),
) -> EmailMultiAlternatives:
    """Render ``<template>.txt`` and ``<template>.html`` in ``language`` and send them.

    ``subject`` may be a lazy translation: it is resolved in ``language`` too. Returns the
    message sent, so that callers can log its ``Message-ID`` header if they set one.
    ``attachments`` are ``(filename, content, mimetype)`` triples (an invitation's
    ``.ics``). Errors from the backend propagate: a caller that retries needs to know.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    text, html = render_templated(template=template, context=context, language=language)
    with translation.override(language):
        subject = " ".join(str(subject).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        headers=dict(headers or {}),
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
    return message
