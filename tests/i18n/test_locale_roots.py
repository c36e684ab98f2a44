"""Provisioning gives every language's root of a site the same permissions and workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from site_s6.news.models import NewsIndexPage
from subsites.roles import APPROVAL_WORKFLOW, CENTRAL_TEAM_GROUP, EDITOR_PAGE_PERMISSIONS
from subsites.services import institution_provision
from tests.factories import UserFactory

from .conftest import translate


def codenames(group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.fixture
def dgaspc(locales):
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    institution = institution_provision(
        name="DGASPC Sector 6", short_name="DGASPC", hostname="dgaspc6.localhost"
    ).institution
    home = institution.site.root_page
    return {"institution": institution, "ro": home, "en": home.get_translation(locales["en"])}


def test_english_root_is_an_alias_of_the_romanian_home_with_every_section(dgaspc, locales):
    home, english = dgaspc["ro"], dgaspc["en"]

    assert english.alias_of_id == home.pk
    assert english.live
    for section in home.get_children():
        copy = section.get_translation(locales["en"])
        assert copy.alias_of_id == section.pk
        assert copy.get_parent().pk == english.pk


def test_every_locale_root_has_the_editors_permissions_and_the_workflow(dgaspc):
    editors = dgaspc["institution"].editors_group

    for root in (dgaspc["ro"], dgaspc["en"]):
        assert codenames(editors, root) == set(EDITOR_PAGE_PERMISSIONS), root.locale
        assert WorkflowPage.objects.get(page=root).workflow.name == APPROVAL_WORKFLOW
        assert root.get_workflow().name == APPROVAL_WORKFLOW


def test_editors_work_in_the_english_tree_through_the_workflow_and_the_central_team_publishes(
    dgaspc, locales
):
    editor = UserFactory()
    editor.groups.add(dgaspc["institution"].editors_group)
    central = UserFactory()
    central.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    english_news = NewsIndexPage.objects.child_of(dgaspc["en"]).get()

    editor_perms = english_news.permissions_for_user(editor)
    central_perms = english_news.permissions_for_user(central)

    assert editor_perms.can_add_subpage() and editor_perms.can_edit()
    assert not editor_perms.can_publish()
    assert english_news.get_workflow().name == APPROVAL_WORKFLOW
    assert central_perms.can_edit() and central_perms.can_publish()


def test_translating_the_english_root_keeps_its_permissions_and_workflow(dgaspc, locales):
    editors = dgaspc["institution"].editors_group
    english = dgaspc["en"]

    translated = translate(dgaspc["ro"], locales["en"], {"DGASPC Sector 6": "DGASPC Sector 6"})

    assert translated.pk == english.pk
    assert translated.alias_of_id is None
    assert codenames(editors, translated) == set(EDITOR_PAGE_PERMISSIONS)
    assert translated.get_workflow().name == APPROVAL_WORKFLOW
