"""provision_institution: a whole site in one run, and nothing more on the next."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)

from subsites.models import Institution
from subsites.roles import APPROVAL_WORKFLOW, CENTRAL_TEAM_GROUP

from .conftest import clear_wagtail_default_site

COUNTED_MODELS = [
    Page,
    Site,
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    Collection,
    WorkflowPage,
    Institution,
]

CITY_HALL = ["--name", "Primăria Sectorului 6", "--short-name", "Primăria 6"]
PIETE = [
    "--name",
    "Administrația Piețelor Sector 6",
    "--short-name",
    "Piețe 6",
    "--hostname",
    "piete6.localhost",
]


def provision_institution(*args) -> str:
    out = StringIO()
    call_command("provision_institution", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


@pytest.fixture
def empty_tree(locales):
    clear_wagtail_default_site()


def test_second_run_changes_nothing_and_says_so(empty_tree):
    first = provision_institution(*PIETE)
    counts = row_counts()

    second = provision_institution(*PIETE)

    assert "Provisioned Administrația Piețelor Sector 6" in first
    assert row_counts() == counts
    assert second.startswith("Nothing to do")


def test_first_run_builds_the_whole_institution(empty_tree):
    provision_institution(*PIETE)

    institution = Institution.objects.get(slug="piete-6")
    home = institution.site.root_page
    assert institution.kind == Institution.Kind.SUBORDINATE
    assert institution.site.hostname == "piete6.localhost"
    assert institution.moderators_group.name == CENTRAL_TEAM_GROUP
    # The home page and every section exist in both content languages.
    assert sorted(
        home.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
    ) == ["en", "ro"]
    assert [child.slug for child in home.get_children()] == ["stiri", "evenimente", "campanii"]
    for locale_root in home.get_translations(inclusive=True):
        assert locale_root.get_children().count() == 3
        assert WorkflowPage.objects.get(page=locale_root).workflow.name == APPROVAL_WORKFLOW
        assert GroupPagePermission.objects.filter(
            group=institution.editors_group, page=locale_root
        ).exists()
    assert GroupCollectionPermission.objects.filter(
        group=institution.editors_group, collection=institution.collection
    ).exists()


def test_the_new_site_serves_its_home_and_index_pages(empty_tree, client):
    provision_institution(*PIETE)

    for path in ["/", "/stiri/", "/evenimente/", "/campanii/"]:
        response = client.get(path, HTTP_HOST="piete6.localhost")
        assert response.status_code == 200, path
    assert b"Administra" in client.get("/", HTTP_HOST="piete6.localhost").content


def test_the_city_hall_publishes_without_a_workflow(empty_tree):
    provision_institution(*CITY_HALL, "--hostname", "primarie6.localhost", "--kind", "city_hall")
    home = Institution.objects.get().site.root_page

    # Not even Wagtail's initial "Moderators approval" on the tree's root applies.
    assert home.get_workflow() is None
    assert [child.slug for child in home.get_children()][-1] == "protocol"


def test_running_again_without_kind_keeps_the_recorded_kind(empty_tree):
    provision_institution(*CITY_HALL, "--hostname", "primarie6.localhost", "--kind", "city_hall")
    counts = row_counts()

    output = provision_institution(*CITY_HALL, "--hostname", "primarie6.localhost")

    assert output.startswith("Nothing to do")
    assert row_counts() == counts
    assert Institution.objects.get().site.root_page.get_workflow() is None


def test_a_contradicting_kind_or_host_is_refused(empty_tree):
    provision_institution(*PIETE)
    counts = row_counts()

    with pytest.raises(CommandError, match="already exists"):
        provision_institution(*PIETE, "--kind", "city_hall")
    with pytest.raises(CommandError, match="already served at piete6.localhost"):
        provision_institution(*PIETE[:4], "--hostname", "other.localhost")
    assert row_counts() == counts


def test_a_host_taken_by_another_site_is_refused(empty_tree):
    provision_institution(*PIETE)

    with pytest.raises(CommandError, match="already serves another site"):
        provision_institution(
            "--name", "DGASPC Sector 6", "--short-name", "DGASPC", "--hostname", "piete6.localhost"
        )
    assert not Institution.objects.filter(slug="dgaspc").exists()


def test_deactivation_stops_serving_and_keeps_the_content(empty_tree, client):
    provision_institution(*PIETE)
    institution = Institution.objects.get()
    pages = Page.objects.descendant_of(institution.site.root_page, inclusive=True).count()

    institution.is_active = False
    institution.save()

    assert client.get("/", HTTP_HOST="piete6.localhost").status_code == 404
    assert client.get("/stiri/", HTTP_HOST="piete6.localhost").status_code == 404
    assert Page.objects.descendant_of(institution.site.root_page, inclusive=True).count() == pages

    institution.is_active = True
    institution.save()
    assert client.get("/stiri/", HTTP_HOST="piete6.localhost").status_code == 200
