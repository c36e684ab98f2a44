"""Budgets over HTTP: only the central team and the head of department see a budget, the
yearly allocations and the report; institution editors and anonymous visitors do not,
and only the head of department sets the year's allocation."""

from decimal import Decimal

import pytest
from django.urls import reverse

from site_s6.events.budgets import BudgetYear
from tests.conftest import for_test
from tests.events.budget_world import build_budget_world

pytestmark = pytest.mark.django_db


def build_world() -> dict:
    world = build_budget_world()
    world["allocation"] = BudgetYear.objects.create(year=2026, allocation=Decimal("20000"))
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def budget_screens(world) -> list[str]:
    plan = world["plans"]["festival"]
    return [
        reverse("event_plan_budget", args=[plan.pk]),
        reverse("event_budget_report"),
        reverse("event_budget_report") + "?year=2026&export=xlsx",
        reverse("event_budget_report") + "?year=2026&export=csv",
        reverse("budget_years:index"),
        reverse("budget_years:inspect", args=[world["allocation"].pk]),
        reverse("event_plans:index"),
        reverse("event_plans:inspect", args=[plan.pk]),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    for url in budget_screens(world):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


def test_an_institution_editor_sees_no_budget(client, world):
    client.force_login(world["users"]["editor"])

    for url in budget_screens(world):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
    dashboard = client.get("/admin/").content.decode()
    assert reverse("event_budget_report") not in dashboard
    assert reverse("budget_years:index") not in dashboard
    # Nor can the editor take a step of the approval.
    plan = world["plans"]["festival"]
    refused = client.post(reverse("event_plan_budget_decision", args=[plan.pk, "submit"]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not plan.decisions.exists()


@pytest.mark.parametrize("who", ["central", "head"])
def test_the_central_team_and_the_head_of_department_see_every_budget_screen(client, world, who):
    client.force_login(world["users"][who])

    for url in budget_screens(world):
        assert client.get(url).status_code == 200, url
    menu = client.get("/admin/").content.decode()
    assert reverse("event_budget_report") in menu
    page = client.get(reverse("event_plan_budget", args=[world["plans"]["festival"].pk]))
    assert "Scenă" in page.content.decode()


def test_only_the_head_of_department_sets_the_years_allocation(client, world):
    data = {"year": "2027", "allocation": "25000.00", "notes": ""}
    client.force_login(world["users"]["central"])
    refused = client.post(reverse("budget_years:add"), data)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert not BudgetYear.objects.filter(year=2027).exists()

    client.force_login(world["users"]["head"])
    response = client.post(reverse("budget_years:add"), data)

    assert response.status_code == 302
    assert BudgetYear.objects.get(year=2027).allocation == Decimal("25000.00")


def test_a_year_is_allocated_once(client, world):
    client.force_login(world["users"]["head"])

    response = client.post(
        reverse("budget_years:add"), {"year": "2026", "allocation": "1.00", "notes": ""}
    )

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert BudgetYear.objects.get(year=2026).allocation == Decimal("20000.00")
