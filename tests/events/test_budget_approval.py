"""An event budget's approval: submitted by the central team, approved or returned by the
head of department, locked once approved, changed only through a new approval, and every
step kept with who and when."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from site_s6.events.budget_services import (
    budget_approve,
    budget_reopen,
    budget_return,
    budget_submit,
)
from site_s6.events.budgets import BudgetDecision
from site_s6.events.plans import BudgetLine, EventPlan
from tests.conftest import for_test
from tests.events.budget_world import build_budget_world

pytestmark = pytest.mark.django_db

State = EventPlan.ApprovalState
LOCKED = "This budget is approved and locked. Reopen it to change it"
WAITING = "This budget waits for the head of department"


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build_budget_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def decide(client, plan, action, **data):
    return client.post(reverse("event_plan_budget_decision", args=[plan.pk, action]), data)


def edit_data(plan, *, stage_planned: str, notes: str = "") -> dict:
    """The plan's edit form as the admin posts it, with the stage line's amount changed."""
    lines = list(plan.budget_lines.order_by("sort_order", "pk"))
    rows = [
        {
            "id": str(line.pk),
            "category": line.category,
            "description": line.description,
            "supplier": line.supplier,
            "planned": stage_planned if line.description == "Scenă" else str(line.planned),
        }
        for line in lines
    ]
    return nested_form_data(
        {
            "event": str(plan.event_id),
            "requested_by": plan.requested_by,
            "concept": plan.concept,
            "responsible_person": plan.responsible_person,
            "allocated_budget": str(plan.allocated_budget),
            "notes": notes,
            "budget_lines": inline_formset(rows, initial=len(rows)),
        }
    )


def stage_planned(world) -> Decimal:
    return BudgetLine.objects.get(pk=world["lines"]["stage"].pk).planned


def state_of(plan) -> str:
    return EventPlan.objects.get(pk=plan.pk).approval_state


def test_a_plan_walks_through_submit_approve_locked_edit_and_a_new_approval(client, world):
    plan = world["plans"]["festival"]
    central, head = world["users"]["central"], world["users"]["head"]
    edit_url = reverse("event_plans:edit", args=[plan.pk])

    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(central)
        assert decide(client, plan, "submit").status_code == 302
        assert state_of(plan) == State.SUBMITTED
        # Waiting for a decision, the budget cannot move under the head's eyes.
        response = client.post(edit_url, edit_data(plan, stage_planned="6500"))
        assert response.status_code == 200
        assert WAITING in response.content.decode()
        # The central team prepares; it does not approve its own budget (Wagtail turns the
        # refusal into a redirect to the dashboard, with its message).
        refused = decide(client, plan, "approve")
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
        assert state_of(plan) == State.SUBMITTED

    with time_machine.travel(
        datetime.datetime(2026, 3, 3, 11, 30, tzinfo=datetime.UTC), tick=False
    ):
        client.force_login(head)
        assert decide(client, plan, "approve").status_code == 302
    assert state_of(plan) == State.APPROVED

    # Locked: the edit is refused with the message, server-side, and nothing changes.
    client.force_login(central)
    response = client.post(edit_url, edit_data(plan, stage_planned="7000", notes="mai mult"))
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert stage_planned(world) == Decimal("6000.00")
    assert EventPlan.objects.get(pk=plan.pk).notes == ""

    # Reopening needs a reason; without one nothing changes.
    decide(client, plan, "reopen", reason="  ")
    assert state_of(plan) == State.APPROVED
    page = client.get(reverse("event_plan_budget", args=[plan.pk])).content.decode()
    assert "Say why, for the people who prepare the budget." in page

    decide(client, plan, "reopen", reason="Scena trebuie mărită.")
    assert state_of(plan) == State.DRAFT
    response = client.post(edit_url, edit_data(plan, stage_planned="7000"))
    assert response.status_code == 302
    assert stage_planned(world) == Decimal("7000.00")

    decide(client, plan, "submit")
    client.force_login(head)
    decide(client, plan, "approve")
    assert state_of(plan) == State.APPROVED

    history = list(BudgetDecision.objects.filter(plan=plan).order_by("at", "pk"))
    assert [(d.action, d.by.username) for d in history] == [
        ("submitted", "presa"),
        ("approved", "sef.presa"),
        ("reopened", "presa"),
        ("submitted", "presa"),
        ("approved", "sef.presa"),
    ]
    first_approval = history[1]
    assert first_approval.at == datetime.datetime(2026, 3, 3, 11, 30, tzinfo=datetime.UTC)
    assert first_approval.planned_total == Decimal("7000.00")  # 6000 + 1000, as approved
    assert history[-1].planned_total == Decimal("8000.00")
    assert history[2].reason == "Scena trebuie mărită."

    # The budget page tells the whole story, who and when.
    page = client.get(reverse("event_plan_budget", args=[plan.pk])).content.decode()
    assert "Reopened for changes" in page and "Scena trebuie mărită." in page
    assert page.count("sef.presa") >= 2


def test_the_head_returns_a_budget_with_a_reason_and_it_is_submitted_again(client, world):
    plan = world["plans"]["fair"]
    budget_submit(plan=plan, by=world["users"]["central"])
    client.force_login(world["users"]["head"])

    decide(client, plan, "return", reason="")
    assert state_of(plan) == State.SUBMITTED

    decide(client, plan, "return", reason="Prea scump.")
    assert state_of(plan) == State.RETURNED
    returned = BudgetDecision.objects.get(plan=plan, action="returned")
    assert (returned.by, returned.reason) == (world["users"]["head"], "Prea scump.")

    # Returned, the plan can change again and go back for approval.
    client.force_login(world["users"]["central"])
    assert decide(client, plan, "submit").status_code == 302
    assert state_of(plan) == State.SUBMITTED


def test_steps_out_of_order_are_refused_with_a_message_and_change_nothing(world):
    plan, head, central = (
        world["plans"]["festival"],
        world["users"]["head"],
        world["users"]["central"],
    )

    # Messages are worded in the active language, as during an English admin request.
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            budget_approve(plan=plan, by=head)
        assert "Only a submitted budget can be approved." in caught.value.messages
        with pytest.raises(ValidationError):
            budget_return(plan=plan, by=head, reason="Nu.")

        budget_submit(plan=plan, by=central)
        with pytest.raises(ValidationError) as caught:
            budget_submit(plan=plan, by=central)
        assert "Only a draft or a returned budget can be submitted for approval." in (
            caught.value.messages
        )
    assert BudgetDecision.objects.filter(plan=plan).count() == 1


def test_a_plan_without_lines_cannot_be_submitted(world):
    plan = world["plans"]["fair"]
    plan.budget_lines.all().delete()

    with pytest.raises(ValidationError) as caught:
        budget_submit(plan=plan, by=world["users"]["central"])

    assert caught.value.code == "no_lines"
    assert state_of(plan) == State.DRAFT


def test_an_unknown_step_is_not_found(client, world):
    client.force_login(world["users"]["head"])

    response = decide(client, world["plans"]["festival"], "delete")

    assert response.status_code == 404
    assert timezone.now()  # the world is untouched
    assert state_of(world["plans"]["festival"]) == State.DRAFT


def test_an_approved_budget_cannot_be_deleted_until_it_is_reopened(client, world):
    plan = world["plans"]["festival"]
    budget_submit(plan=plan, by=world["users"]["central"])
    budget_approve(plan=plan, by=world["users"]["head"])
    client.force_login(world["users"]["central"])
    delete_url = reverse("event_plans:delete", args=[plan.pk])

    response = client.post(delete_url, follow=True)

    assert "A submitted or approved budget cannot be deleted." in response.content.decode()
    assert EventPlan.objects.filter(pk=plan.pk).exists()

    budget_reopen(plan=plan, by=world["users"]["head"], reason="Evenimentul se anulează.")
    assert client.post(delete_url).status_code == 302
    assert not EventPlan.objects.filter(pk=plan.pk).exists()
