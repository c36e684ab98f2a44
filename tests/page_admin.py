"""Helpers for driving Wagtail's page editor over HTTP, as an editor would."""

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.test.utils.form_data import nested_form_data

from tests.factories import EnglishSuperuserFactory

PAGE_NOT_CREATED = "The page could not be created due to validation errors."


def log_in_in_english(client):
    """Log ``client`` in as a superuser whose admin speaks English; return it."""
    client.force_login(EnglishSuperuserFactory())
    return client


def add_page_url(model, parent) -> str:
    """The admin's "add a ``model`` page under ``parent``" address."""
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def edit_page_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish_new_page(client, model, parent, fields: dict, **headers):
    """POST the add form with ``fields`` (nested as ``nested_form_data`` expects) and publish."""
    data = nested_form_data({"slug": "", **fields})
    data["action-publish"] = "action-publish"
    return client.post(add_page_url(model, parent), data, **headers)


def field_errors(response, field: str) -> list[str]:
    """The errors the re-rendered page form attaches to ``field``, by their English text.

    ``field`` is a form field name, or ``"__all__"`` for errors on the whole page.
    """
    errors = response.context["form"].errors.as_data().get(field, [])
    with translation.override("en"):
        return [message for error in errors for message in error]


def in_language(language: str, msgid: str) -> str:
    """``msgid`` as an admin user in ``language`` reads it, HTML-escaped as rendered.

    Without a catalogue for ``language`` this is the English text, so the assertion
    keeps holding once the project's Romanian translations are compiled.
    """
    with translation.override(language):
        return escape(translation.gettext(msgid))
