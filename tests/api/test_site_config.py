"""Contract tests of /api/v3/site-config/."""

import pytest
import wagtail_factories

from site_s6.core.models import BrandingSettings, ContactSettings

pytestmark = pytest.mark.django_db

URL = "/api/v3/site-config/"


def test_site_config_of_the_main_site(client, tree):
    site = tree["main"]["home"].get_site()
    logo = wagtail_factories.ImageFactory(title="Stema")
    BrandingSettings.objects.create(
        site=site, full_name="Primăria Sectorului 6", short_name="PS6", logo=logo
    )
    ContactSettings.objects.create(
        site=site,
        phone="021 000 0000",
        press_email="presa@primarie.test",
        facebook_url="https://facebook.com/primarie6",
    )
    home = tree["main"]["home"]
    home.get_children().filter(slug="stiri").update(show_in_menus=True)

    body = client.get(URL, {"site": "primarie.test", "locale": "ro"}).json()

    assert body["site"] == "primarie.test"
    assert body["name"] == "Primăria Sectorului 6"
    assert body["institution"]["short_name"] == "Primăria"
    assert body["branding"]["short_name"] == "PS6"
    assert body["branding"]["logo"]["renditions"]["thumbnail"].startswith("http://testserver/")
    assert body["branding"]["favicon"] is None
    assert body["contact"]["press_email"] == "presa@primarie.test"
    assert body["social_links"] == [
        {"network": "facebook", "url": "https://facebook.com/primarie6"}
    ]
    assert body["locales"] == [
        {"code": "ro", "name": "Română", "is_default": True, "home_url": "http://primarie.test/"},
        {
            "code": "en",
            "name": "English",
            "is_default": False,
            "home_url": "http://primarie.test/en/",
        },
    ]
    assert [(item["title"], item["url"]) for item in body["navigation"]] == [
        ("Știri", "http://primarie.test/stiri/")
    ]


def test_site_config_of_an_institution_without_settings(client, tree):
    body = client.get(URL, {"site": "dgaspc.test"}).json()

    assert body["site"] == "dgaspc.test"
    assert body["name"] == "DGASPC Sector 6"
    assert body["branding"]["logo"] is None
    assert body["contact"]["phone"] == ""
    assert [locale["code"] for locale in body["locales"]] == ["ro"]
    assert body["navigation"] == []


def test_site_config_reads_change_nothing(client, tree):
    client.get(URL, {"site": "dgaspc.test"})

    assert not BrandingSettings.objects.exists()
    assert not ContactSettings.objects.exists()
