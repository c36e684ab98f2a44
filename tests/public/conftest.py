"""Fixtures for the public pages: a branded main site with content of every type."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from site_s6.core.models import BrandingSettings, ContactSettings
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
)

BRAND_FULL_NAME = "Primăria Sectorului 6 a Municipiului București"
BRAND_PRIMARY = "#0b3d6e"
BRAND_SECONDARY = "#7a1530"


@pytest.fixture
def main_site(site_tree):
    """The ``site_tree`` with its Site, branding and contact settings."""
    site = Site.objects.get(is_default_site=True)
    BrandingSettings.objects.create(
        site=site,
        full_name=BRAND_FULL_NAME,
        short_name="Sector 6",
        primary_colour=BRAND_PRIMARY,
        secondary_colour=BRAND_SECONDARY,
    )
    ContactSettings.objects.create(
        site=site,
        address="Calea Plevnei 147-149\nSector 6, București",
        phone="021 413 13 13",
        press_email="presa@primarie6.ro",
        facebook_url="https://www.facebook.com/primaria6",
    )
    return {**site_tree, "site": site}


@pytest.fixture
def content(main_site):
    """One published page of every detail type under the main site."""
    now = timezone.now()
    return {
        **main_site,
        "news": NewsPageFactory(
            parent=main_site["news_index"], title="Parcul Drumul Taberei se redeschide"
        ),
        "event": EventPageFactory(
            parent=main_site["event_index"],
            title="Conferință de presă despre bugetul local",
            start=now + datetime.timedelta(days=3),
            end=now + datetime.timedelta(days=3, hours=1),
            venue_name="Sala de consiliu",
            venue_address="Calea Plevnei 147-149",
        ),
        "campaign": CampaignPageFactory(parent=main_site["campaign_index"], title="Sector 6 curat"),
        "visit": ProtocolVisitPageFactory(
            parent=main_site["protocol_index"],
            title="Vizita delegației din Lyon",
            delegation_name="Delegația orașului Lyon",
            scope="foreign",
            country="FR",
            city="Lyon",
        ),
    }
