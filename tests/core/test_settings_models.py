import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from site_s6.core.models import BrandingSettings, ContactSettings
from site_s6.core.validators import contrast_ratio
from tests.page_admin import log_in_in_english

LOW_CONTRAST = "This colour has a contrast ratio of 1.51:1 against white; at least 4.5:1 is needed for accessible text."  # noqa: E501


def branding_fields(**fields) -> dict:
    return {
        "full_name": "Primăria Sectorului 6",
        "short_name": "Primăria S6",
        "primary_colour": "#00447c",
        "secondary_colour": "#8a1538",
        **fields,
    }


def branding_form(**fields) -> dict:
    return {"logo": "", "favicon": "", **branding_fields(**fields)}


@pytest.fixture
def site(site_tree):
    return Site.objects.get(hostname="localhost")


@pytest.fixture
def english_admin(client, db):
    return log_in_in_english(client)


def branding_url(site) -> str:
    return reverse("wagtailsettings:edit", args=["core", "brandingsettings", site.pk])


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#ffcc00", "#ffffff") == pytest.approx(1.512, abs=0.001)
    assert contrast_ratio("#00447c", "#ffffff") > 4.5


def test_low_contrast_primary_colour_is_refused(site):
    branding = BrandingSettings(site=site, **branding_fields(primary_colour="#ffcc00"))

    with pytest.raises(ValidationError) as raised, translation.override("en"):
        branding.full_clean()

    with translation.override("en"):
        assert raised.value.message_dict == {"primary_colour": [LOW_CONTRAST]}


def test_accessible_colours_are_accepted(site):
    BrandingSettings(site=site, **branding_fields()).full_clean()


@pytest.mark.parametrize("colour", ["#0044", "navy", "#zzzzzz"])
def test_malformed_colour_gets_the_format_message_only(site, colour):
    branding = BrandingSettings(site=site, **branding_fields(secondary_colour=colour))

    with pytest.raises(ValidationError) as raised, translation.override("en"):
        branding.full_clean()

    with translation.override("en"):
        assert raised.value.message_dict == {
            "secondary_colour": ["Enter a colour as #rrggbb, for example #004c97."]
        }


def test_admin_refuses_low_contrast_colour(english_admin, site):
    response = english_admin.post(branding_url(site), branding_form(primary_colour="#ffcc00"))

    assert response.status_code == 200
    # Errors are translated when read: read them in the admin user's language.
    with translation.override("en"):
        assert response.context["form"].errors["primary_colour"] == [LOW_CONTRAST]
    assert "The setting could not be saved due to errors." in response.content.decode()
    assert not BrandingSettings.objects.filter(site=site, primary_colour="#ffcc00").exists()


def test_admin_saves_accessible_colour(english_admin, site):
    response = english_admin.post(branding_url(site), branding_form(primary_colour="#004c97"))

    assert response.status_code == 302
    branding = BrandingSettings.for_site(site)
    assert branding.primary_colour == "#004c97"
    assert branding.full_name == "Primăria Sectorului 6"


def test_social_links_list_only_filled_networks(site):
    contact = ContactSettings(
        site=site,
        facebook_url="https://www.facebook.com/primaria6",
        youtube_url="https://www.youtube.com/@primaria6",
        tiktok_url="",
    )

    assert contact.social_links() == [
        {"network": "facebook", "url": "https://www.facebook.com/primaria6"},
        {"network": "youtube", "url": "https://www.youtube.com/@primaria6"},
    ]


def test_social_links_empty_without_networks(site):
    assert ContactSettings(site=site).social_links() == []
