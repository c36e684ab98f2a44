from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from site_s6.core.internal_admin import (
    INTERNAL_PLANNING_MENU_HOOK,
    MoneyColumn,
    PageRecordViewSet,
)

from .budget_menu import BudgetReportMenuItem
from .budget_permissions import BudgetYearPolicy
from .budget_views import (
    BudgetDecisionView,
    BudgetReportView,
    EventPlanDeleteView,
    PlanBudgetView,
)
from .budgets import BudgetYear
from .plans import EventPlan


class EventPlanViewSet(PageRecordViewSet):
    """The internal plans and budgets of the events."""

    model = EventPlan
    page_field = "event"
    delete_view_class = EventPlanDeleteView
    icon = "calendar-check"
    menu_label = _("Event plans")
    menu_order = 100
    open_record_label = _("Event plan")
    create_record_label = _("Create event plan")
    list_display = [
        "event",
        "approval_state",
        "responsible_person",
        MoneyColumn("allocated_budget", label=_("Allocated (RON)"), sort_key="allocated_budget"),
        MoneyColumn("planned_total", label=_("Planned (RON)"), sort_key="_planned_total"),
        MoneyColumn("spent_total", label=_("Spent (RON)"), sort_key="_spent_total"),
        MoneyColumn("overspent", label=_("Spent beyond planned (RON)"), sort_key="_overspent"),
    ]
    list_filter = ["approval_state"]
    search_fields = ["event__title", "requested_by", "responsible_person"]
    inspect_view_fields = [
        "event",
        "requested_by",
        "responsible_person",
        "concept",
        "approval_state",
        "allocated_budget",
        "planned_total",
        "committed_total",
        "spent_total",
        "overspent",
        "notes",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=EventPlan.objects.select_related("event").with_totals(), **kwargs
        )


event_plan_viewset = EventPlanViewSet("event_plans")


@hooks.register("register_admin_viewset")
def register_event_plan_viewset():
    # Joins core's "Internal planning" menu through its menu hook (PageRecordViewSet).
    return event_plan_viewset


@hooks.register("register_page_header_buttons")
def link_event_to_its_plan(page, user, view_name, next_url=None):
    return event_plan_viewset.page_header_buttons(page=page, user=user, view_name=view_name)


class BudgetYearViewSet(ModelViewSet):
    """The department's allocation per year: set by the head of department."""

    model = BudgetYear
    icon = "calculator"
    menu_label = _("Yearly allocations")
    menu_order = 120
    menu_hook = INTERNAL_PLANNING_MENU_HOOK
    form_fields = ["year", "allocation", "notes"]
    list_display = [
        "year",
        MoneyColumn("allocation", label=_("Allocation (RON)"), sort_key="allocation"),
        "updated_at",
    ]
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False


register_permission_policy(BudgetYear, BudgetYearPolicy(BudgetYear))
budget_year_viewset = BudgetYearViewSet("budget_years")


@hooks.register("register_admin_viewset")
def register_budget_year_viewset():
    return budget_year_viewset


@hooks.register("register_admin_urls")
def register_budget_urls():
    return [
        path("events/budgets/report/", BudgetReportView.as_view(), name="event_budget_report"),
        path("events/budgets/<int:pk>/", PlanBudgetView.as_view(), name="event_plan_budget"),
        path(
            "events/budgets/<int:pk>/<str:action>/",
            BudgetDecisionView.as_view(),
            name="event_plan_budget_decision",
        ),
    ]


@hooks.register(INTERNAL_PLANNING_MENU_HOOK)
def register_budget_report_menu_item():
    return BudgetReportMenuItem(
        _("Budget report"),
        reverse_lazy("event_budget_report"),
        name="event-budget-report",
        icon_name="table",
        order=130,
    )
