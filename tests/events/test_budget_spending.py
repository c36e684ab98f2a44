"""Spending against an approved budget: committed and spent amounts per line, refused
past a line's planned amount, a warning past 90%, and the money kept in sight when the
plan is changed later."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from site_s6.events.budget_services import (
    budget_approve,
    budget_entry_record,
    budget_reopen,
    budget_submit,
)
from site_s6.events.budgets import BudgetEntry
from site_s6.events.plans import BudgetLine, EventPlan
from site_s6.events.services import event_plan_save
from tests.conftest import for_test
from tests.events.budget_world import build_budget_world

pytestmark = pytest.mark.django_db

OVER = "Refused: 500.02 lei would pass the line’s planned amount."


def approved_world() -> dict:
    world = build_budget_world()
    plan = world["plans"]["festival"]
    budget_submit(plan=plan, by=world["users"]["central"])
    budget_approve(plan=plan, by=world["users"]["head"])
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(approved_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def amounts(line) -> tuple[Decimal, Decimal]:
    stored = BudgetLine.objects.get(pk=line.pk)
    return stored.committed, stored.spent


def record(world, line_key="posters", **fields):
    fields.setdefault("kind", BudgetEntry.Kind.COMMITMENT)
    return budget_entry_record(
        line=world["lines"][line_key], by=world["users"]["central"], **fields
    )


def entry_form(world, line_key="posters", **fields) -> dict:
    return {
        "line": str(world["lines"][line_key].pk),
        "kind": "commitment",
        "date": "2026-04-01",
        "reference": "",
        "note": "",
        **fields,
    }


def budget_url(world) -> str:
    return reverse("event_plan_budget", args=[world["plans"]["festival"].pk])


def test_commitments_and_payments_add_up_per_line_and_on_the_plan(world):
    posters = world["lines"]["posters"]
    record(world, amount=Decimal("600"), reference="CTR-12")
    record(world, kind="payment", amount=Decimal("400"))
    record(world, "stage", kind="payment", amount=Decimal("250.50"))

    # Paying within the commitment takes no more room; a payment without one commits too.
    assert amounts(posters) == (Decimal("600.00"), Decimal("400.00"))
    assert amounts(world["lines"]["stage"]) == (Decimal("250.50"), Decimal("250.50"))
    plan = EventPlan.objects.get(pk=world["plans"]["festival"].pk)
    assert (plan.planned_total, plan.committed_total, plan.spent_total, plan.left_total) == (
        Decimal("7000.00"),
        Decimal("850.50"),
        Decimal("650.50"),
        Decimal("6149.50"),
    )
    # Paying past the commitment commits the difference.
    record(world, kind="payment", amount=Decimal("300"))
    assert amounts(posters) == (Decimal("700.00"), Decimal("700.00"))


def test_an_over_allocation_is_refused_with_a_message_and_nothing_changes(client, world):
    record(world, amount=Decimal("499.99"))
    client.force_login(world["users"]["central"])

    response = client.post(budget_url(world), entry_form(world, amount="500.02"))

    assert response.status_code == 400
    page = response.content.decode().replace("&#x27;", "'")
    assert OVER in page
    assert "“Afișe” plans 1,000.00 lei and has 500.01 lei left." in page
    assert amounts(world["lines"]["posters"]) == (Decimal("499.99"), Decimal("0.00"))
    assert BudgetEntry.objects.count() == 1

    # Exactly what is left is accepted; then the line is full.
    response = client.post(budget_url(world), entry_form(world, amount="500.01"))
    assert response.status_code == 302
    assert amounts(world["lines"]["posters"]) == (Decimal("1000.00"), Decimal("0.00"))
    response = client.post(budget_url(world), entry_form(world, amount="0.01"))
    assert response.status_code == 400
    assert BudgetEntry.objects.count() == 2


def test_the_refusal_reads_in_romanian(world):
    with translation.override("ro"), pytest.raises(ValidationError) as caught:
        record(world, amount=Decimal("1000.01"))

    message = caught.value.message_dict["amount"][0]
    assert message == (
        "Refuzat: 1.000,01 lei ar depăși suma planificată a liniei. "
        "„Afișe” are planificați 1.000,00 lei și mai are 1.000,00 lei."
    )
    assert BudgetEntry.objects.count() == 0


def test_payments_may_use_what_is_committed_and_no_more_than_planned(world):
    record(world, amount=Decimal("1000"))
    record(world, kind="payment", amount=Decimal("1000"))

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        record(world, kind="payment", amount=Decimal("0.01"))

    assert "has 0.00 lei left" in caught.value.message_dict["amount"][0]
    assert amounts(world["lines"]["posters"]) == (Decimal("1000.00"), Decimal("1000.00"))


def test_a_warning_shows_past_90_percent_of_a_line(client, world):
    client.force_login(world["users"]["central"])
    record(world, amount=Decimal("900"))
    assert "over 90% used" not in client.get(budget_url(world)).content.decode()

    record(world, kind="payment", amount=Decimal("900.01"))

    page = client.get(budget_url(world)).content.decode()
    assert "These lines have used more than 90% of their planned amount" in page
    assert "Afișe: 99.99 lei" in page
    edit = client.get(reverse("event_plans:edit", args=[world["plans"]["festival"].pk]))
    assert "These lines have used more than 90% of their planned amount" in edit.content.decode()


def test_spending_waits_for_an_approved_budget(client, world):
    fair_line = world["plans"]["fair"].budget_lines.get()

    with pytest.raises(ValidationError) as caught:
        budget_entry_record(
            line=fair_line, kind="payment", amount=Decimal("10"), by=world["users"]["central"]
        )

    assert caught.value.code == "not_approved"
    assert BudgetEntry.objects.count() == 0


def test_a_reopened_plan_keeps_room_for_what_was_spent(world):
    record(world, kind="payment", amount=Decimal("800"))
    plan = world["plans"]["festival"]
    budget_reopen(plan=plan, by=world["users"]["head"], reason="Mai puține afișe.")
    plan = EventPlan.objects.get(pk=plan.pk)
    posters = BudgetLine.objects.get(pk=world["lines"]["posters"].pk)
    stage = BudgetLine.objects.get(pk=world["lines"]["stage"].pk)

    posters.planned = Decimal("799")
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            event_plan_save(plan=plan, lines=[stage, posters])
        assert "cannot plan less than the 800.00 lei already committed" in str(caught.value)

        with pytest.raises(ValidationError) as caught:
            event_plan_save(plan=plan, lines=[stage])
        assert "has spending recorded against it and cannot be deleted" in str(caught.value)
    assert BudgetLine.objects.get(pk=posters.pk).planned == Decimal("1000.00")


def test_only_the_central_team_records_spending(client, world):
    client.force_login(world["users"]["head"])

    response = client.post(budget_url(world), entry_form(world, amount="10"))

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert BudgetEntry.objects.count() == 0
