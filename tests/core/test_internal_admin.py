"""The "Internal planning" menu gathers every app's internal records, permission by permission."""

import pytest
from django.urls import reverse

from tests.factories import EnglishSuperuserFactory
from tests.factories_internal import grant, page_editor

pytestmark = pytest.mark.django_db

RECORD_INDEXES = ["/admin/event_plans/", "/admin/campaign_plans/", "/admin/visit_files/"]


def admin_home(client) -> str:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_superuser_gets_the_menu_with_every_record(client, site_tree):
    client.force_login(EnglishSuperuserFactory())

    html = admin_home(client)

    assert "Internal planning" in html
    for url in RECORD_INDEXES:
        assert url in html


def test_page_editor_without_record_permissions_gets_no_menu(client, site_tree):
    client.force_login(page_editor(site_tree["home"]))

    html = admin_home(client)

    for url in RECORD_INDEXES:
        assert url not in html


def test_the_menu_lists_only_what_the_user_may_open(client, site_tree):
    editor = page_editor(site_tree["home"])
    grant(editor, "protocol.view_visitfile")
    client.force_login(editor)

    html = admin_home(client)

    assert "/admin/visit_files/" in html
    assert "/admin/event_plans/" not in html
    assert "/admin/campaign_plans/" not in html
    assert client.get("/admin/visit_files/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/event_plans/new/?event=99999999999999999999999",
        "/admin/campaign_plans/new/?campaign=9223372036854775808",
        "/admin/visit_files/new/?visit=2147483648",
        "/admin/event_plans/new/?event=0",
    ],
)
def test_a_preselected_page_id_no_page_can_have_opens_an_empty_form(client, site_tree, url):
    client.force_login(EnglishSuperuserFactory())

    response = client.get(url)

    assert response.status_code == 200
    assert not response.context["form"].initial.get(url.split("?")[1].split("=")[0])
