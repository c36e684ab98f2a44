"""The shared mailer: both parts, the recipient's language, headers, the site's branding."""

import pytest
from django.core import mail
from django.test import override_settings
from django.utils.translation import gettext_lazy as _

from site_s6.core.mail import branding_context, send_templated
from site_s6.core.models import BrandingSettings

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "greeting.txt": (
                            "{% load i18n %}{% get_current_language as lang %}"
                            "text {{ lang }} {{ name }} {{ branding.full_name }}"
                        ),
                        "greeting.html": (
                            "{% load i18n %}{% get_current_language as lang %}"
                            "<p>html {{ lang }} {{ name }}</p>"
                        ),
                    },
                )
            ]
        },
    }
]


@override_settings(TEMPLATES=TEMPLATES, DEFAULT_FROM_EMAIL="presa@example.test")
def test_sends_both_parts_in_the_given_language_with_headers():
    send_templated(
        to="jurnalist@example.test",
        subject=_("Subscription"),
        template="greeting",
        context={"name": "Ana <b>", "branding": {"full_name": "Primăria"}},
        language="en",
        headers={"List-Unsubscribe": "<https://example.test/u/1>"},
    )
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["jurnalist@example.test"]
    assert sent.from_email == "presa@example.test"
    # The text part is not HTML: nothing escaped there; the HTML part escapes.
    assert sent.body == "text en Ana <b> Primăria"
    assert sent.alternatives[0][0] == "<p>html en Ana &lt;b&gt;</p>"
    assert sent.alternatives[0][1] == "text/html"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://example.test/u/1>"
    assert sent.subject == "Subscription"


@override_settings(TEMPLATES=TEMPLATES)
def test_renders_in_romanian_whatever_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        send_templated(
            to=["a@example.test", "b@example.test"],
            subject="Abonare",
            template="greeting",
            context={"name": "Ana"},
            language="ro",
        )
        assert translation.get_language() == "en"
    sent = mail.outbox[0]
    assert sent.to == ["a@example.test", "b@example.test"]
    assert sent.body.startswith("text ro Ana")


def test_branding_context_reads_the_sites_settings(site_tree):
    from wagtail.models import Site

    site = Site.objects.get(hostname="localhost")
    BrandingSettings.objects.update_or_create(
        site=site, defaults={"full_name": "Primăria Sectorului 6", "short_name": "PS6"}
    )
    branding = branding_context(site)["branding"]
    assert branding["full_name"] == "Primăria Sectorului 6"
    assert branding["short_name"] == "PS6"
    assert branding["site_url"] == site.root_url


@pytest.mark.django_db
def test_branding_context_without_a_site():
    assert branding_context(None)["branding"]["full_name"] == ""
