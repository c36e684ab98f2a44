"""The city hall's provisioned site with its protocol section, an institution's site, and
the people who may or may not open the department's records: the central team, the head
of department, an editor of each institution."""

from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from site_s6.protocol.models import ProtocolIndexPage
from subsites.models import Institution
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales
from tests.factories import UserFactory

SITES = {
    "main": ("Primăria Sectorului 6", "Primăria 6", "primarie6.localhost", "city_hall"),
    "dgaspc": ("DGASPC Sector 6", "DGASPC", "dgaspc6.localhost", "subordinate"),
}
HOST = SITES["main"][2]


def build_protocol_world() -> dict:
    build_locales()
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    institutions = {
        key: institution_provision(
            name=name,
            short_name=short_name,
            hostname=hostname,
            kind=kind,
            is_default_site=key == "main",
        ).institution
        for key, (name, short_name, hostname, kind) in SITES.items()
    }
    central = UserFactory(username="presa", email="presa@primarie6.localhost")
    central.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    second = UserFactory(username="presa2", email="presa2@primarie6.localhost")
    second.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    head = UserFactory(username="sef.presa", email="sef@primarie6.localhost")
    head.groups.add(Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP))
    city_editor = UserFactory(username="editor.primarie")
    city_editor.groups.add(Institution.objects.get(slug=institutions["main"].slug).editors_group)
    editor = UserFactory(username="editor.dgaspc")
    editor.groups.add(institutions["dgaspc"].editors_group)
    return {
        "institutions": institutions,
        "protocol_index": ProtocolIndexPage.objects.child_of(
            institutions["main"].site.root_page
        ).get(),
        "users": {
            "central": central,
            "head": head,
            "city_editor": city_editor,
            "editor": editor,
        },
    }
