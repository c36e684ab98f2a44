"""Fixtures for the public pages: a branded main site with content of every type."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Site

from site_s6.core.models import BrandingSettings, ContactSettings
from tests.conftest import build_locales, build_site_tree, for_test
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
)

BRAND_FULL_NAME = "Primăria Sectorului 6 a Municipiului București"
BRAND_PRIMARY = "#0b3d6e"
BRAND_SECONDARY = "#7a1530"


@pytest.fixture(scope="module", autouse=True)
def _own_media_root(tmp_path_factory):
    # Images and renditions of the module live in its own folder, as long as its trees.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("public-media")):
        yield


def build_main_site():
    """The ``site_tree`` with its Site, branding and contact settings."""
    site_tree = build_site_tree()
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


@pytest.fixture(scope="module")
def shared_main_site(module_db):
    """``build_main_site``, once for the module (see ``module_db``)."""
    return module_db(build_main_site)


@pytest.fixture
def main_site(db, shared_main_site):
    """The module's branded main site, in this test's own transaction."""
    return for_test(shared_main_site)


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


# Feeds, calendars, sitemap, search and the page cache: two sites, two languages.


def publish(page):
    """Publish ``page``'s current state as a new revision, as an editor would."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **changes):
    """Publish a translation of ``page`` into ``locale`` with ``changes`` applied.

    Its parents are copied too; those copies start as drafts, so they are published.
    """
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(copy, name, value)
    publish(copy)
    for ancestor in copy.get_ancestors().filter(depth__gte=2, live=False):
        publish(ancestor.specific)
    return copy.specific_class.objects.get(pk=copy.pk)


def build_two_sites():
    """The city hall's site (``localhost``, Romanian and English) and an institution's site.

    ``dgaspc.test`` is an active institution's site with Romanian pages only.
    """
    from subsites.models import Institution
    from tests.factories import make_site

    locales = build_locales()
    Site.objects.all().delete()
    main = make_site("localhost", title="Primăria Sectorului 6", default=True)
    other = make_site("dgaspc.test", title="DGASPC Sector 6", default=False)
    main["site"] = Site.objects.get(hostname="localhost")
    other["site"] = Site.objects.get(hostname="dgaspc.test")
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=main["site"],
    )
    Institution.objects.create(
        name="DGASPC Sector 6", short_name="DGASPC", slug="dgaspc", site=other["site"]
    )
    # The English home and sections of the main site.
    en = {"home": translate(main["home"], locales["en"], title="Sector 6 City Hall")}
    for key in ("news_index", "event_index"):
        en[key] = translate(main[key], locales["en"])
    return {"main": main, "other": other, "en": en, "locales": locales}


@pytest.fixture(scope="module")
def shared_two_sites(module_db):
    """``build_two_sites``, once for the module (see ``module_db``)."""
    return module_db(build_two_sites)


@pytest.fixture
def two_sites(db, shared_two_sites):
    """The module's two sites, in this test's own transaction (see ``build_two_sites``)."""
    return for_test(shared_two_sites)
