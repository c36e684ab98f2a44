import datetime
from unittest import mock

import pytest
import wagtail_factories
from django.utils import translation
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from site_s6.campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
)
from site_s6.campaigns.querysets import derived_status
from site_s6.home.models import HomePage
from tests.factories import CampaignPageFactory
from tests.page_admin import (
    PAGE_NOT_CREATED,
    field_errors,
    in_language,
    log_in_in_english,
    publish_new_page,
)

START = datetime.date(2026, 5, 1)
END = datetime.date(2026, 5, 31)


class TestCampaignTree(WagtailPageTestCase):
    def test_campaign_index_lives_under_home_and_holds_campaigns(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})

    def test_campaign_page_is_a_leaf_under_the_index(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())


def test_one_campaign_index_per_home(site_tree):
    assert not CampaignIndexPage.can_create_at(site_tree["home"])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def campaign_fields(**fields) -> dict:
    return {
        "title": "Sectorul 6 reciclează",
        "start_date": "2026-05-01",
        "end_date": "2026-05-31",
        "status_override": "",
        "key_messages": streamfield([]),
        "body": streamfield([]),
        "materials": inline_formset([]),
        "tags": "",
        **fields,
    }


def test_admin_creates_campaign_index(admin_client, site_tree):
    site_tree["campaign_index"].delete()

    response = publish_new_page(
        admin_client, CampaignIndexPage, site_tree["home"], {"title": "Campanii"}
    )

    assert response.status_code == 302
    assert CampaignIndexPage.objects.child_of(site_tree["home"]).get().live


def test_admin_creates_and_publishes_campaign_with_everything(admin_client, site_tree):
    poster = wagtail_factories.ImageFactory(title="Afiș", file=get_test_image_file())
    leaflet = wagtail_factories.DocumentFactory(title="Pliant")
    fields = campaign_fields(
        key_messages=streamfield(
            [("message", "Separă deșeurile acasă."), ("message", "Predă-le gratuit.")]
        ),
        body=streamfield(
            [
                ("paragraph", rich_text("<p>Puncte de colectare în fiecare cartier.</p>")),
                ("image", {"image": poster.pk, "alt_text": "Afișul campaniei", "caption": ""}),
            ]
        ),
        materials=inline_formset(
            [
                {
                    "kind": "poster",
                    "title": "Afiș A3",
                    "image": poster.pk,
                    "alt_text": "Pubele colorate",
                    "document": "",
                    "url": "",
                },
                {"kind": "document", "title": "Pliant", "image": "", "document": leaflet.pk},
            ]
        ),
        tags="reciclare, mediu",
    )

    response = publish_new_page(admin_client, CampaignPage, site_tree["campaign_index"], fields)

    assert response.status_code == 302
    page = CampaignPage.objects.get()
    assert page.live
    assert page.slug == "sectorul-6-recicleaza"
    assert (page.start_date, page.end_date, page.status_override) == (START, END, "")
    assert [block.value for block in page.key_messages] == [
        "Separă deșeurile acasă.",
        "Predă-le gratuit.",
    ]
    paragraph, image_block = page.body
    assert "Puncte de colectare" in paragraph.value.source
    assert (image_block.value["image"], image_block.value["alt_text"]) == (
        poster,
        "Afișul campaniei",
    )
    poster_material, leaflet_material = page.materials.all()
    assert (poster_material.kind, poster_material.image, poster_material.alt_text) == (
        "poster",
        poster,
        "Pubele colorate",
    )
    assert (leaflet_material.kind, leaflet_material.document) == ("document", leaflet)
    assert sorted(page.tags.names()) == ["mediu", "reciclare"]


END_BEFORE_START = "The end cannot be before the start."


def test_admin_refuses_campaign_ending_before_it_starts_in_english(client, site_tree):
    response = publish_new_page(
        log_in_in_english(client),
        CampaignPage,
        site_tree["campaign_index"],
        campaign_fields(start_date="2026-05-10", end_date="2026-05-09"),
    )

    assert response.status_code == 200
    assert field_errors(response, "end_date") == [END_BEFORE_START]
    assert END_BEFORE_START in response.content.decode()
    assert not CampaignPage.objects.exists()


def test_admin_refuses_campaign_ending_before_it_starts_in_romanian(admin_client, site_tree):
    response = publish_new_page(
        admin_client,
        CampaignPage,
        site_tree["campaign_index"],
        campaign_fields(start_date="2026-05-10", end_date="2026-05-09"),
    )

    assert response.status_code == 200
    assert field_errors(response, "end_date") == [END_BEFORE_START]
    content = response.content.decode()
    assert in_language("ro", PAGE_NOT_CREATED) in content
    assert in_language("ro", END_BEFORE_START) in content
    assert not CampaignPage.objects.exists()


@pytest.mark.parametrize(
    ("material", "field", "message"),
    [
        (
            {"kind": "graphic", "title": "Grafic", "image": "", "document": "", "url": ""},
            "__all__",
            "Add an image, a document or an address.",
        ),
        (
            {"kind": "poster", "title": "Afiș", "image": "IMAGE", "alt_text": ""},
            "alt_text",
            "An image needs its alternative text.",
        ),
    ],
    ids=["empty material", "image without alt text"],
)
def test_admin_refuses_incomplete_material(client, site_tree, material, field, message):
    poster = wagtail_factories.ImageFactory(title="Afiș", file=get_test_image_file())
    material = {key: poster.pk if value == "IMAGE" else value for key, value in material.items()}

    response = publish_new_page(
        log_in_in_english(client),
        CampaignPage,
        site_tree["campaign_index"],
        campaign_fields(materials=inline_formset([material])),
    )

    assert response.status_code == 200
    [material_form] = response.context["form"].formsets["materials"].forms
    with translation.override("en"):
        assert material_form.errors[field] == [message]
    assert not CampaignPage.objects.exists()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (START - datetime.timedelta(days=1), CampaignStatus.PLANNED),
        (START, CampaignStatus.ACTIVE),
        (END, CampaignStatus.ACTIVE),
        (END + datetime.timedelta(days=1), CampaignStatus.ENDED),
    ],
)
def test_status_follows_the_dates(day, expected):
    assert derived_status(START, END, day) == expected


def test_open_ended_campaign_stays_active():
    assert derived_status(START, None, datetime.date(2030, 1, 1)) == CampaignStatus.ACTIVE


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 4, 30), "planned"),
        (datetime.date(2026, 5, 15), "active"),
        (datetime.date(2026, 6, 1), "ended"),
    ],
)
def test_status_is_derived_from_today_in_bucharest(site_tree, today, expected):
    page = CampaignPageFactory(parent=site_tree["campaign_index"], start_date=START, end_date=END)

    with mock.patch("django.utils.timezone.localdate", return_value=today):
        assert page.status == expected


def test_status_override_wins_over_the_dates(site_tree):
    page = CampaignPageFactory(
        parent=site_tree["campaign_index"],
        start_date=START,
        end_date=END,
        status_override=CampaignStatus.ENDED,
    )

    with mock.patch("django.utils.timezone.localdate", return_value=datetime.date(2026, 5, 15)):
        assert page.status == CampaignStatus.ENDED


def test_status_turns_at_midnight_in_bucharest_not_utc(site_tree):
    page = CampaignPageFactory(parent=site_tree["campaign_index"], start_date=START, end_date=END)
    # 21:30 UTC on 31 May is already 00:30 on 1 June in Bucharest (UTC+3).
    just_after_midnight = datetime.datetime(2026, 5, 31, 21, 30, tzinfo=datetime.UTC)

    with mock.patch("django.utils.timezone.now", return_value=just_after_midnight):
        assert page.status == CampaignStatus.ENDED
