"""The central team's coordination panels on the admin home."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from site_s6.events.models import EventIndexPage
from subsites.dashboard import coordination_panels
from subsites.roles import APPROVAL_WORKFLOW, CENTRAL_TEAM_GROUP
from subsites.services import institution_provision
from tests.factories import EventPageFactory, NewsPageFactory

from .conftest import clear_wagtail_default_site, make_user, published

PANEL_IDS = ["s6-pending-approvals", "s6-upcoming-events", "s6-latest-publications"]


def submit_for_approval(page, user):
    from wagtail.models import Workflow

    page.save_revision(user=user)
    Workflow.objects.get(name=APPROVAL_WORKFLOW).start(page, user)


def event_index_of(world_site):
    return EventIndexPage.objects.child_of(world_site.home).get()


def test_central_team_sees_the_coordination_panels(client, users, world):
    client.force_login(users["central"])

    content = client.get(reverse("wagtailadmin_home")).content.decode()

    for panel_id in PANEL_IDS:
        assert f'id="{panel_id}' in content


@pytest.mark.parametrize("role", ["dgaspc-editor", "politia-editor"])
def test_institution_editors_do_not(client, users, world, role):
    client.force_login(users[role])

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    for panel_id in PANEL_IDS:
        assert panel_id not in response.content.decode()


def test_panels_list_submissions_events_and_publications_of_every_institution(client, users, world):
    for key, editor in [("dgaspc", "dgaspc-editor"), ("politia", "politia-editor")]:
        submit_for_approval(world[key].draft_news, users[editor])
    soon = EventPageFactory(
        parent=event_index_of(world["politia"]),
        title="Open day at the police station",
        start=timezone.now() + datetime.timedelta(days=3),
    )
    EventPageFactory(
        parent=event_index_of(world["main"]),
        title="Too far ahead",
        start=timezone.now() + datetime.timedelta(days=30),
    )
    client.force_login(users["central"])

    response = client.get(reverse("wagtailadmin_home"))

    panels = {panel.name: panel for panel in response.context["panels"]}
    request = response.wsgi_request
    pending = panels["s6_pending_approvals"].get_context_data({"request": request})["rows"]
    assert {(row.page.title, row.institution.short_name) for row in pending} == {
        ("Draft news dgaspc", "DGASPC"),
        ("Draft news politia-locala", "Poliția Locală"),
    }
    events = panels["s6_upcoming_events"].get_context_data({"request": request})["rows"]
    assert [(row.page.pk, row.institution.short_name) for row in events] == [
        (soon.pk, "Poliția Locală")
    ]
    groups = panels["s6_latest_publications"].get_context_data({"request": request})["groups"]
    latest = {group["institution"].short_name: group["pages"] for group in groups}
    assert set(latest) == {"Primăria 6", "DGASPC", "Poliția Locală"}
    assert [page.title for page in latest["DGASPC"]] == ["Live news dgaspc"]
    assert "Open day at the police station" in response.content.decode()


def build_institutions(numbers: range) -> None:
    """Institutions, each with a submission, an upcoming event and two published news."""
    for number in numbers:
        institution = institution_provision(
            name=f"Institution {number}",
            short_name=f"Inst {number}",
            hostname=f"inst{number}.localhost",
        ).institution
        home = institution.site.root_page
        news_index = Page.objects.child_of(home).get(slug="stiri")
        event_index = Page.objects.child_of(home).get(slug="evenimente")
        for _ in range(2):
            published(NewsPageFactory(parent=news_index, live=False))
        EventPageFactory(parent=event_index, start=timezone.now() + datetime.timedelta(days=2))
        submit_for_approval(NewsPageFactory(parent=news_index, live=False), None)


def central_member():
    return make_user("presa", Group.objects.get(name=CENTRAL_TEAM_GROUP))


def render_panels(user) -> str:
    """The three panels' HTML, from a cold ContentType cache so that counts compare."""
    ContentType.objects.clear_cache()
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = user
    return "".join(panel.render_html({"request": request}) for panel in coordination_panels())


@pytest.mark.parametrize("institution_count", [2, 5])
def test_panel_queries_are_pinned_whatever_the_number_of_institutions(
    locales, django_assert_max_num_queries, institution_count
):
    clear_wagtail_default_site()
    build_institutions(range(institution_count))
    central = central_member()

    # Institutions, their locale roots, the page content type, workflow states, their
    # pages, upcoming events, latest publications: seven, for any number of institutions.
    with django_assert_max_num_queries(7):
        html = render_panels(central)

    for number in range(institution_count):
        assert f"Inst {number}" in html


def test_panel_queries_are_the_same_for_two_and_five_institutions(locales):
    clear_wagtail_default_site()
    build_institutions(range(2))
    central = central_member()
    counts = []
    for more in (range(0), range(2, 5)):
        build_institutions(more)
        with CaptureQueriesContext(connection) as queries:
            render_panels(central)
        counts.append(len(queries))

    assert counts[0] == counts[1]
