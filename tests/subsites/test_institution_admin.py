"""The institutions' admin: the central team lists, provisions and deactivates them."""

import pytest
from django.urls import reverse
from django.utils import translation

from subsites.models import Institution

from .admin_http import DENY, outcome


@pytest.fixture
def central_client(client, users):
    client.force_login(users["central"])
    return client


def test_the_list_shows_site_kind_and_active_flag(central_client, institutions):
    response = central_client.get(reverse("institutions:index"))

    assert response.status_code == 200
    html = response.content.decode()
    for institution in institutions.values():
        assert institution.name in html
        assert institution.site.hostname in html
    with translation.override("ro"):
        assert str(Institution.Kind.CITY_HALL.label) in html
    columns = {column.name for column in response.context["table"].columns.values()}
    assert {"site", "get_kind_display", "is_active"} <= columns


@pytest.mark.parametrize("role", ["dgaspc-editor", "politia-editor"])
def test_editors_cannot_open_it(client, users, institutions, role):
    client.force_login(users[role])

    assert outcome(client.get(reverse("institutions:index"))) == DENY
    assert outcome(client.get(reverse("institutions:add"))) == DENY


def test_deactivating_stops_the_site_and_keeps_its_pages(central_client, world):
    institution = world["politia"].institution
    url = reverse("institutions:edit", args=[institution.pk])

    response = central_client.post(
        url, {"name": institution.name, "short_name": institution.short_name}
    )

    assert response.status_code == 302
    institution.refresh_from_db()
    assert not institution.is_active
    assert central_client.get("/", HTTP_HOST="politia6.localhost").status_code == 404
    live_news = world["politia"].live_news
    live_news.refresh_from_db()
    assert live_news.live
    # The other sites go on serving.
    assert central_client.get("/", HTTP_HOST="dgaspc6.localhost").status_code == 200


def test_adding_an_institution_provisions_it(central_client, institutions):
    response = central_client.post(
        reverse("institutions:add"),
        {
            "name": "Administrația Piețelor Sector 6",
            "short_name": "Piețe 6",
            "kind": Institution.Kind.SUBORDINATE,
            "hostname": "piete6.localhost",
        },
    )

    assert response.status_code == 302
    institution = Institution.objects.get(slug="piete-6")
    assert institution.editors_group is not None
    assert institution.collection is not None
    assert central_client.get("/stiri/", HTTP_HOST="piete6.localhost").status_code == 200


def test_adding_refuses_a_taken_host_or_short_name(central_client, institutions):
    response = central_client.post(
        reverse("institutions:add"),
        {
            "name": "Another DGASPC",
            "short_name": "DGASPC",
            "kind": Institution.Kind.SUBORDINATE,
            "hostname": "politia6.localhost",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"short_name", "hostname"}
    assert Institution.objects.count() == 3
