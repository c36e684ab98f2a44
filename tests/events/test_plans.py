"""The internal event plan: the budget rule, the admin views, the link from the event editor
and the promise that none of it reaches the public API."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from site_s6.events.plans import BudgetLine, EventPlan
from site_s6.events.services import event_plan_save
from tests.factories import EnglishSuperuserFactory, EventPageFactory
from tests.factories_internal import BudgetLineFactory, EventPlanFactory, grant, page_editor
from tests.internal_admin import api_responses, has_link, page_editor_links, record_url

pytestmark = pytest.mark.django_db

OVER_ALLOCATION = "more than the 1,000.00 lei allocated"
NEGATIVE = "The amount cannot be negative."


@pytest.fixture
def superuser(db):
    # admin_client logs this user in; English so that messages read as their msgids.
    return EnglishSuperuserFactory(username="admin")


@pytest.fixture
def event(site_tree):
    return EventPageFactory(parent=site_tree["event_index"], title="Ziua Sectorului 6")


def line(**fields) -> BudgetLine:
    return BudgetLine(category="venue", description="Scenă", **fields)


def plan_form_data(event, lines, *, allocated="1000.00", initial=0, **fields) -> dict:
    rows = [
        {
            "category": "venue",
            "description": "Scenă",
            "supplier": "",
            "planned": "0",
            "committed": "0",
            "spent": "0",
            **row,
        }
        for row in lines
    ]
    return nested_form_data(
        {
            "event": str(event.pk),
            "requested_by": "Primarul",
            "concept": "",
            "responsible_person": "Ana Popescu",
            "allocated_budget": allocated,
            "approval_state": "draft",
            "notes": "",
            "budget_lines": inline_formset(rows, initial=initial),
            **fields,
        }
    )


def stored_lines(plan) -> list[tuple]:
    return list(
        BudgetLine.objects.filter(plan=plan).order_by("pk").values_list("description", "planned")
    )


# The rule through the service and the model


def test_service_saves_a_plan_within_its_allocation(event):
    plan = EventPlan(event=event, allocated_budget=Decimal("1000"))

    event_plan_save(
        plan=plan,
        lines=[line(planned=Decimal("600")), line(planned=Decimal("400"), supplier="Tipo SRL")],
    )

    plan.refresh_from_db()
    assert plan.planned_total == Decimal("1000")
    assert plan.budget_lines.count() == 2


def test_service_refuses_lines_beyond_the_allocation_and_stores_nothing(event):
    plan = EventPlan(event=event, allocated_budget=Decimal("1000"))

    with pytest.raises(ValidationError) as caught:
        event_plan_save(
            plan=plan, lines=[line(planned=Decimal("600")), line(planned=Decimal("400.01"))]
        )

    assert caught.value.error_dict["allocated_budget"][0].code == "over_allocation"
    assert EventPlan.objects.count() == 0
    assert BudgetLine.objects.count() == 0


def test_service_keeps_the_stored_lines_when_an_edit_breaks_the_rule(event):
    plan = EventPlanFactory(event=event, allocated_budget=Decimal("1000"))
    kept = BudgetLineFactory(plan=plan, description="Sonorizare", planned=Decimal("700"))

    plan = EventPlan.objects.get(pk=plan.pk)
    plan.notes = "changed"
    with pytest.raises(ValidationError):
        event_plan_save(plan=plan, lines=[kept, line(planned=Decimal("301"))])

    assert stored_lines(plan) == [("Sonorizare", Decimal("700.00"))]
    assert EventPlan.objects.get(pk=plan.pk).notes == ""


def test_model_validation_applies_the_rule_to_the_plans_lines(event):
    plan = EventPlan(event=event, allocated_budget=Decimal("100"))
    plan.budget_lines = [line(planned=Decimal("60")), line(planned=Decimal("41"))]

    with pytest.raises(ValidationError) as caught:
        plan.full_clean()

    assert "allocated_budget" in caught.value.error_dict

    plan.budget_lines = [line(planned=Decimal("60")), line(planned=Decimal("40"))]
    plan.full_clean()


def test_service_refuses_negative_money_with_a_message(event):
    plan = EventPlan(event=event, allocated_budget=Decimal("-1"))

    # Messages are worded in the active language, as during an English admin request.
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            event_plan_save(plan=plan, lines=[line(planned=Decimal("-5"))])

        assert NEGATIVE in caught.value.message_dict["allocated_budget"]
        assert NEGATIVE in caught.value.message_dict["budget_lines"]
    assert EventPlan.objects.count() == 0


def test_spending_beyond_planned_is_stored_and_reported(event):
    plan = EventPlan(event=event, allocated_budget=Decimal("1000"))
    event_plan_save(
        plan=plan,
        lines=[
            line(planned=Decimal("500"), spent=Decimal("650")),
            line(planned=Decimal("300"), spent=Decimal("100")),
        ],
    )

    plan = EventPlan.objects.get(pk=plan.pk)
    assert plan.spent_total == Decimal("750")
    assert plan.overspent == Decimal("150")
    annotated = EventPlan.objects.with_totals().get(pk=plan.pk)
    assert (annotated.planned_total, annotated.spent_total, annotated.overspent) == (
        Decimal("800"),
        Decimal("750"),
        Decimal("150"),
    )


def test_one_plan_per_event_across_its_translations(event, locales):
    EventPlanFactory(event=event)
    english = event.copy_for_translation(locales["en"], copy_parents=True)

    with pytest.raises(ValidationError) as caught:
        EventPlan(event=english).full_clean()

    assert "event" in caught.value.error_dict


# The admin views


def test_admin_creates_a_plan_within_its_allocation(admin_client, event):
    data = plan_form_data(
        event, [{"planned": "600", "supplier": "Scena Mobilă SRL"}, {"planned": "400"}]
    )

    response = admin_client.post(record_url("event_plans", "add"), data)

    assert response.status_code == 302
    plan = EventPlan.objects.get(event=event)
    assert plan.responsible_person == "Ana Popescu"
    assert [line.supplier for line in plan.budget_lines.all()] == ["Scena Mobilă SRL", ""]


def test_admin_refuses_to_create_a_plan_beyond_its_allocation(admin_client, event):
    data = plan_form_data(event, [{"planned": "600"}, {"planned": "400.50"}])

    response = admin_client.post(record_url("event_plans", "add"), data)

    assert response.status_code == 200
    assert OVER_ALLOCATION in response.content.decode()
    assert EventPlan.objects.count() == 0
    assert BudgetLine.objects.count() == 0


def test_admin_refuses_an_edit_beyond_the_allocation_and_keeps_the_stored_plan(admin_client, event):
    plan = EventPlanFactory(event=event, allocated_budget=Decimal("1000"))
    first = BudgetLineFactory(plan=plan, description="Scenă", planned=Decimal("600"))
    data = plan_form_data(
        event,
        [{"id": str(first.pk), "planned": "600"}, {"description": "Afișe", "planned": "500"}],
        initial=1,
        notes="schimbat",
    )

    response = admin_client.post(record_url("event_plans", "edit", plan.pk), data)

    assert response.status_code == 200
    assert OVER_ALLOCATION in response.content.decode()
    assert stored_lines(plan) == [("Scenă", Decimal("600.00"))]
    assert EventPlan.objects.get(pk=plan.pk).notes == ""


def test_admin_lowers_the_allocation_and_the_lines_together(admin_client, event):
    # The stored lines (900) exceed the new allocation; the submitted ones (300) do not.
    plan = EventPlanFactory(event=event, allocated_budget=Decimal("1000"))
    first = BudgetLineFactory(plan=plan, description="Scenă", planned=Decimal("600"))
    second = BudgetLineFactory(plan=plan, description="Afișe", planned=Decimal("300"))
    data = plan_form_data(
        event,
        [
            {"id": str(first.pk), "planned": "300"},
            {"id": str(second.pk), "description": "Afișe", "planned": "300", "DELETE": "1"},
        ],
        allocated="500.00",
        initial=2,
    )

    response = admin_client.post(record_url("event_plans", "edit", plan.pk), data)

    assert response.status_code == 302
    assert stored_lines(plan) == [("Scenă", Decimal("300.00"))]
    assert EventPlan.objects.get(pk=plan.pk).allocated_budget == Decimal("500.00")


def test_admin_refuses_negative_money_with_a_message(admin_client, event):
    data = plan_form_data(event, [{"planned": "-10"}], allocated="-1")

    response = admin_client.post(record_url("event_plans", "add"), data)

    assert response.status_code == 200
    assert response.content.decode().count(NEGATIVE) >= 2
    assert EventPlan.objects.count() == 0


def test_spending_beyond_planned_shows_in_the_list_and_the_edit_view(admin_client, event):
    plan = EventPlanFactory(event=event, allocated_budget=Decimal("1000"))
    BudgetLineFactory(
        plan=plan, description="Catering recepție", planned=Decimal("500"), spent=Decimal("620")
    )

    listing = admin_client.get(record_url("event_plans", "index")).content.decode()
    edit = admin_client.get(record_url("event_plans", "edit", plan.pk)).content.decode()

    assert "Spent beyond planned (RON)" in listing
    assert "120.00" in listing
    assert "These lines spent more than they planned" in edit
    assert "Catering recepție" in edit and "+120.00 lei" in edit


def test_the_list_filters_by_approval_state(admin_client, site_tree):
    approved = EventPlanFactory(
        event=EventPageFactory(parent=site_tree["event_index"], title="Concert aprobat"),
        approval_state=EventPlan.ApprovalState.APPROVED,
    )
    EventPlanFactory(event=EventPageFactory(parent=site_tree["event_index"], title="Târg ciornă"))

    response = admin_client.get(record_url("event_plans", "index"), {"approval_state": "approved"})

    assert [plan.pk for plan in response.context["object_list"]] == [approved.pk]


def test_the_create_view_is_prefilled_for_the_event(admin_client, event):
    response = admin_client.get(record_url("event_plans", "add"), {"event": event.pk})

    assert response.status_code == 200
    assert response.context["form"]["event"].value() == event.pk


# Permissions and the link from the event editor


def test_superuser_sees_a_link_to_create_then_to_edit_the_plan(admin_client, event):
    create_url = record_url("event_plans", "add") + f"?event={event.pk}"
    assert has_link(page_editor_links(admin_client, event), create_url)

    plan = EventPlanFactory(event=event)
    html = page_editor_links(admin_client, event)
    assert has_link(html, record_url("event_plans", "edit", plan.pk))
    assert not has_link(html, create_url)


def test_page_editor_without_plan_permission_sees_no_link_and_cannot_open_plans(client, event):
    plan = EventPlanFactory(event=event)
    client.force_login(page_editor(event))

    html = page_editor_links(client, event)

    assert not has_link(html, record_url("event_plans", "edit", plan.pk))
    assert record_url("event_plans", "index") not in html
    for url in (
        record_url("event_plans", "index"),
        record_url("event_plans", "edit", plan.pk),
        record_url("event_plans", "add"),
    ):
        assert client.get(url).status_code in (302, 403)


def test_page_editor_with_plan_permission_sees_the_link(client, event):
    plan = EventPlanFactory(event=event)
    editor = page_editor(event)
    grant(editor, "events.change_eventplan")
    client.force_login(editor)

    html = page_editor_links(client, event)

    assert has_link(html, record_url("event_plans", "edit", plan.pk))
    assert client.get(record_url("event_plans", "edit", plan.pk)).status_code == 200
    # Change without delete: the delete view stays closed.
    assert client.get(record_url("event_plans", "delete", plan.pk)).status_code in (302, 403)


def test_page_editor_with_view_permission_gets_the_read_only_view(client, event):
    plan = EventPlanFactory(event=event)
    editor = page_editor(event)
    grant(editor, "events.view_eventplan")
    client.force_login(editor)

    html = page_editor_links(client, event)

    assert has_link(html, record_url("event_plans", "inspect", plan.pk))
    assert client.get(record_url("event_plans", "inspect", plan.pk)).status_code == 200
    assert client.get(record_url("event_plans", "edit", plan.pk)).status_code in (302, 403)


# Nothing internal leaks


def test_the_plan_never_appears_in_the_api(client, event):
    plan = EventPlanFactory(
        event=event,
        requested_by="Cerere-internă-XYZ",
        notes="Notă-internă-XYZ",
        concept="Concept-intern-XYZ",
    )
    BudgetLineFactory(plan=plan, supplier="Furnizor-Secret-SRL", description="Linie-secretă")

    for url, body in api_responses(
        client,
        event,
        "events.EventPage",
        "/api/v3/events/",
        f"/api/v3/events/{event.pk}/",
        f"/api/v3/pages/{event.pk}/",
    ):
        for secret in ("XYZ", "Furnizor-Secret-SRL", "Linie-secretă", "budget_lines"):
            assert secret not in body, (url, secret)
    assert client.get("/api/v2/pages/?type=events.EventPage&fields=plan").status_code == 400
