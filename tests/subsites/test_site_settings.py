"""Per-site settings: the central team edits each site's; institution editors none."""

import pytest
from django.urls import reverse

from site_s6.core.models import BrandingSettings

from .admin_http import DENY, outcome

SETTINGS = ["brandingsettings", "contactsettings", "frontendsettings"]


def settings_url(model_name: str, site) -> str:
    return reverse("wagtailsettings:edit", args=["core", model_name, site.pk])


def branding_data(full_name: str) -> dict:
    return {
        "full_name": full_name,
        "short_name": "Sector 6",
        "primary_colour": "#00447c",
        "secondary_colour": "#8a1538",
    }


@pytest.mark.parametrize("model_name", SETTINGS)
@pytest.mark.parametrize("site", ["main", "dgaspc", "politia"])
def test_the_central_team_opens_every_sites_settings(client, users, world, site, model_name):
    client.force_login(users["central"])

    assert client.get(settings_url(model_name, world[site].site)).status_code == 200


def test_saving_one_sites_branding_leaves_the_others_alone(client, users, world):
    client.force_login(users["central"])

    response = client.post(
        settings_url("brandingsettings", world["dgaspc"].site), branding_data("DGASPC Sector 6")
    )

    assert response.status_code == 302
    assert BrandingSettings.for_site(world["dgaspc"].site).full_name == "DGASPC Sector 6"
    assert BrandingSettings.for_site(world["politia"].site).full_name == ""


@pytest.mark.parametrize("model_name", SETTINGS)
def test_an_editor_opens_no_sites_settings_not_even_its_own(client, users, world, model_name):
    client.force_login(users["dgaspc-editor"])

    answers = {key: outcome(client.get(settings_url(model_name, world[key].site))) for key in world}

    assert answers == dict.fromkeys(world, DENY)


def test_an_editor_cannot_save_another_sites_branding(client, users, world):
    client.force_login(users["dgaspc-editor"])

    response = client.post(
        settings_url("brandingsettings", world["politia"].site), branding_data("Taken over")
    )

    assert outcome(response) == DENY
    assert not BrandingSettings.objects.filter(full_name="Taken over").exists()
