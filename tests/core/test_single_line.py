"""Single-line fields refuse line breaks, with a message the editor can act on.

Titles, names and labels are shown on one line: a heading, a browser tab, a feed item, a
calendar entry, a file name. Our own fields carry the ``no_line_breaks`` validator; the
title fields Wagtail defines get it from the base page form, which the admin and the
write API (``POST /api/v3/pages/``) both validate with.
"""

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from wagtail.models import APIToken
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from site_s6.core.text import one_line, printable
from site_s6.core.validators import no_line_breaks, validate_calendar_year
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from tests.factories import NewsPageFactory, SuperuserFactory
from tests.page_admin import (
    PAGE_NOT_CREATED,
    edit_page_url,
    field_errors,
    in_language,
    log_in_in_english,
    publish_new_page,
)

MESSAGE = "This field is a single line: remove the line breaks (Enter) from it."
CONTENT_APPS = ("core", "news", "events", "campaigns", "protocol", "home")
# Single-line by format: a colour code is checked by its own pattern.
FORMAT_CHECKED = {
    ("core", "brandingsettings", "primary_colour"),
    ("core", "brandingsettings", "secondary_colour"),
}


@pytest.mark.parametrize(
    "value",
    ["a\nb", "a\r\nb", "a\rb", "a\vb", "a\fb", "a\x1cb", "a\x85b", "a\u2028b", "a\u2029b", "a\n"],
)
def test_every_line_break_is_refused_with_its_code(value):
    with pytest.raises(ValidationError) as raised:
        no_line_breaks(value)

    assert raised.value.code == "line_break"
    with translation.override("en"):
        assert raised.value.messages == [MESSAGE]


@pytest.mark.parametrize(
    "value", ["", "Conferință de presă", "Tab\tinside", "🎉 \u200fمرحبا", "<b>&</b>", "Ș" * 255]
)
def test_one_line_values_are_accepted(value):
    no_line_breaks(value)


def test_every_free_text_single_line_field_of_the_content_apps_refuses_line_breaks():
    unguarded = [
        f"{model._meta.label}.{field.name}"
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField)
        and field.model._meta.app_label == label
        and not field.choices
        and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        and (label, model._meta.model_name, field.name) not in FORMAT_CHECKED
        and no_line_breaks not in field.validators
    ]

    assert unguarded == []


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (datetime.date(1900, 1, 1), True),
        (datetime.date(2200, 12, 31), True),
        (datetime.date(1899, 12, 31), False),
        (datetime.date(2201, 1, 1), False),
        (datetime.datetime(9999, 12, 31, 23, 59, tzinfo=datetime.UTC), False),
        (datetime.date(1, 1, 1), False),
    ],
)
def test_dates_are_kept_within_the_years_1900_to_2200(value, valid):
    if valid:
        validate_calendar_year(value)
    else:
        with pytest.raises(ValidationError) as raised:
            validate_calendar_year(value)
        assert raised.value.code == "year_out_of_range"


def test_printable_and_one_line_keep_text_and_drop_what_files_cannot_carry():
    assert printable("a\r\nb\x00c\x07\td\x7f") == "a\nbc\td"
    assert one_line("Linia unu\nlinia doi\r\ntrei\u2028") == "Linia unu linia doi trei "
    assert one_line('</script> & "ghilimele" 🎉') == '</script> & "ghilimele" 🎉'


def news_fields(**fields) -> dict:
    return {
        "title": "Bugetul Sectorului 6 pe 2026",
        "kind": "press_release",
        "publication_date": "2026-02-10 09:30",
        "lead": "",
        "intro": "",
        "body": streamfield([]),
        "gallery_images": inline_formset([]),
        "attachments": inline_formset([]),
        "tags": "",
        **fields,
    }


@pytest.mark.parametrize("field", ["title", "seo_title"])
def test_the_page_editor_refuses_a_title_on_two_lines(client, site_tree, field):
    response = publish_new_page(
        log_in_in_english(client),
        NewsPage,
        site_tree["news_index"],
        news_fields(**{field: "Bugetul pe 2026\nal Sectorului 6"}),
    )

    assert response.status_code == 200
    assert field_errors(response, field) == [MESSAGE]
    assert in_language("en", PAGE_NOT_CREATED) in response.content.decode()
    assert not NewsPage.objects.exists()


def test_the_page_editor_in_romanian_says_so_in_romanian(admin_client, site_tree):
    response = publish_new_page(
        admin_client,
        NewsPage,
        site_tree["news_index"],
        news_fields(title="Bugetul pe 2026\r\nal Sectorului 6"),
    )

    assert response.status_code == 200
    # Romanian is the admin's default language: Wagtail's own message proves it.
    assert in_language("ro", PAGE_NOT_CREATED) != PAGE_NOT_CREATED
    assert in_language("ro", MESSAGE) in response.content.decode()
    assert not NewsPage.objects.exists()


def test_editing_a_title_into_two_lines_changes_nothing(client, site_tree):
    news = NewsPageFactory(parent=site_tree["news_index"], title="Titlu pe un rând")
    data = news_fields(title="Titlu\npe două rânduri", slug=news.slug)
    data = {**data, "action-publish": "action-publish"}

    response = log_in_in_english(client).post(edit_page_url(news), nested_form_data(data))

    assert response.status_code == 200
    assert field_errors(response, "title") == [MESSAGE]
    news.refresh_from_db()
    assert news.title == "Titlu pe un rând"
    assert not any("\n" in revision.content["title"] for revision in news.revisions.all())


def event_fields(**fields) -> dict:
    return {
        "title": "Conferință de presă",
        "event_type": "press_conference",
        "start": "2026-04-15 11:00",
        "end": "",
        "status": "scheduled",
        "venue_name": "Sala de consiliu",
        "venue_address": "",
        "latitude": "",
        "longitude": "",
        "stream_url": "",
        "accreditation_deadline": "",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "tags": "",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"venue_name": "Sala\nde consiliu"}, "venue_name", MESSAGE),
        ({"start": "9999-12-31 23:00"}, "start", "Enter a date between the years 1900 and 2200."),
        ({"start": "0001-01-01 00:00"}, "start", "Enter a date between the years 1900 and 2200."),
    ],
)
def test_the_event_editor_refuses_line_breaks_and_far_dates(
    client, site_tree, fields, field, message
):
    response = publish_new_page(
        log_in_in_english(client), EventPage, site_tree["event_index"], event_fields(**fields)
    )

    assert response.status_code == 200
    assert field_errors(response, field) == [message]
    assert not EventPage.objects.exists()


def test_a_speaker_name_on_two_lines_is_refused(client, site_tree):
    response = publish_new_page(
        log_in_in_english(client),
        EventPage,
        site_tree["event_index"],
        event_fields(speakers=inline_formset([{"name": "Ion\nIonescu", "role": "Primar"}])),
    )

    assert response.status_code == 200
    [speaker_form] = response.context["form"].formsets["speakers"].forms
    with translation.override("en"):
        assert speaker_form.errors["name"] == [MESSAGE]
    assert not EventPage.objects.exists()


def test_a_page_saved_in_code_keeps_its_model_rules(site_tree):
    event = EventPage(
        title="Eveniment",
        start=timezone.now(),
        venue_name="Sala\nmare",
    )

    with pytest.raises(ValidationError) as raised:
        site_tree["event_index"].add_child(instance=event)

    with translation.override("en"):
        assert raised.value.message_dict["venue_name"] == [MESSAGE]


def test_the_write_api_refuses_a_title_on_two_lines_through_the_same_form(client, site_tree):
    _token, plaintext = APIToken.create_token(user=SuperuserFactory(), name="import")
    payload = {
        "meta": {"parent_id": site_tree["news_index"].pk, "type": "news.NewsPage"},
        "title": "Bugetul pe 2026\nal Sectorului 6",
        "slug": "bugetul",
        "publication_date": "2026-02-10T09:30:00+02:00",
        "kind": "news",
    }

    response = client.post(
        "/api/v3/pages/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert 400 <= response.status_code < 500, response.content
    [error] = response.json()["errors"]
    assert error["type"] == "line_break"
    assert error["loc"] == ["title"]
    # The message is in the default language, Romanian, when the catalogue is compiled.
    assert error["msg"] == in_language("ro", MESSAGE)
    assert not NewsPage.objects.exists()
