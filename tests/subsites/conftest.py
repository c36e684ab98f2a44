"""Three provisioned sites (the city hall, DGASPC, Poliția Locală) and their people."""

from dataclasses import dataclass

import pytest
import wagtail_factories
from django.test import override_settings
from wagtail.models import Page, Site

from subsites.models import Institution
from subsites.roles import CENTRAL_TEAM_GROUP, VISUAL_IDENTITY_COLLECTION
from subsites.services import institution_provision
from tests.conftest import build_locales, for_test
from tests.factories import NewsPageFactory, UserFactory

SITES = {
    "main": ("Primăria Sectorului 6", "Primăria 6", "primarie6.localhost", "city_hall"),
    "dgaspc": ("DGASPC Sector 6", "DGASPC", "dgaspc6.localhost", "subordinate"),
    "politia": ("Poliția Locală Sector 6", "Poliția Locală", "politia6.localhost", "subordinate"),
}


@dataclass
class SiteWorld:
    """One provisioned site with a live and a draft news page, an image and a document."""

    institution: Institution
    home: Page
    news_index: Page
    live_news: Page
    draft_news: Page
    image: object
    document: object

    @property
    def site(self) -> Site:
        return self.institution.site


def clear_wagtail_default_site():
    """Drop the "Welcome" page and localhost site that Wagtail's first migration makes."""
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()


def provision(key: str, **kwargs) -> Institution:
    name, short_name, hostname, kind = SITES[key]
    return institution_provision(
        name=name,
        short_name=short_name,
        hostname=hostname,
        kind=kind,
        is_default_site=key == "main",
        **kwargs,
    ).institution


def published(page):
    """``page`` published through a revision, as the admin does, so its dates are set."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def site_world(institution: Institution) -> SiteWorld:
    from site_s6.news.models import NewsIndexPage

    home = institution.site.root_page.specific
    news_index = NewsIndexPage.objects.child_of(home).get()
    return SiteWorld(
        institution=institution,
        home=home,
        news_index=news_index,
        live_news=published(
            NewsPageFactory(parent=news_index, title=f"Live news {institution.slug}", live=False)
        ),
        draft_news=NewsPageFactory(
            parent=news_index, title=f"Draft news {institution.slug}", live=False
        ),
        image=wagtail_factories.ImageFactory(
            title=f"Image {institution.slug}", collection=institution.collection
        ),
        document=wagtail_factories.DocumentFactory(
            title=f"Document {institution.slug}", collection=institution.collection
        ),
    )


@pytest.fixture(scope="package", autouse=True)
def _own_media_root(tmp_path_factory):
    # Other test runs share the default test media folder and delete it when they end;
    # images made here must outlive them.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("subsites-media")):
        yield


def build_subsites() -> dict:
    """The three provisioned sites, their pages and media, and the people who edit them."""
    build_locales()
    clear_wagtail_default_site()
    institutions = {key: provision(key) for key in SITES}
    return {
        "institutions": institutions,
        "world": {key: site_world(institution) for key, institution in institutions.items()},
        "users": make_users(),
    }


@pytest.fixture(scope="module")
def shared_subsites(module_db):
    """``build_subsites``, once for the module (see ``module_db``)."""
    return module_db(build_subsites)


@pytest.fixture
def subsites(db, shared_subsites):
    """This test's copy of the module's sites and people, in its own transaction."""
    return for_test(shared_subsites)


@pytest.fixture
def institutions(subsites):
    """The city hall (default site) and two subordinate institutions, provisioned."""
    return subsites["institutions"]


@pytest.fixture
def world(subsites):
    """Every site of ``institutions`` with its pages and media, keyed like ``SITES``."""
    return subsites["world"]


@pytest.fixture
def identity_image(institutions):
    """An image in the shared visual-identity collection."""
    from wagtail.models import Collection

    collection = Collection.objects.get(name=VISUAL_IDENTITY_COLLECTION)
    return wagtail_factories.ImageFactory(title="Logo", collection=collection)


def make_user(username: str, group) -> object:
    user = UserFactory(username=username, first_name=username.title())
    user.groups.add(group)
    return user


def make_users() -> dict:
    """The central team member and the two institutions' editors, keyed by role."""
    from django.contrib.auth.models import Group

    def editors_of(slug):
        return Institution.objects.get(slug=slug).editors_group

    return {
        "central": make_user("presa", Group.objects.get(name=CENTRAL_TEAM_GROUP)),
        "dgaspc-editor": make_user("editor.dgaspc", editors_of("dgaspc")),
        "politia-editor": make_user("editor.politia", editors_of("politia-locala")),
    }


@pytest.fixture
def users(subsites):
    """The central team member (with an e-mail address) and each institution's editor."""
    return subsites["users"]
