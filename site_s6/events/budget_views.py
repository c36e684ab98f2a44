"""Admin views of event budgets: one plan's budget (its lines, approval and spending)
and the budget report across events. Thin: the rules are in ``budget_services``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .budget_permissions import (
    may_decide_budgets,
    may_prepare_budgets,
    may_reopen_budgets,
    may_see_budgets,
)
from .budget_report import budget_report, month_chart_data, report_csv, report_xlsx
from .budget_services import (
    budget_approve,
    budget_entry_record,
    budget_reopen,
    budget_return,
    budget_submit,
)
from .budgets import BudgetEntry, line_left, line_near_limit, line_used
from .plans import BudgetLine, EventPlan

State = EventPlan.ApprovalState


class DepartmentOnlyMixin:
    """Budgets are the department's: anyone else gets a 403 (Wagtail sends the anonymous
    to the login page before this)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_budgets(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BudgetEntryForm(forms.Form):
    line = forms.ModelChoiceField(label=_("Budget line"), queryset=BudgetLine.objects.none())
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=BudgetEntry.Kind.choices,
        help_text=_("A payment also commits what it pays beyond the line's commitments."),
    )
    amount = forms.DecimalField(
        label=_("Amount (RON)"), max_digits=12, decimal_places=2, min_value=0.01
    )
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label=_("Document"), max_length=100, required=False)
    note = forms.CharField(label=_("Note"), max_length=250, required=False)

    def __init__(self, *args, plan: EventPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = plan.budget_lines.all()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


def line_rows(plan: EventPlan) -> list[dict]:
    """Each line with what it has used and what it has left, flagged past 90%."""
    return [
        {
            "line": line,
            "used": line_used(line),
            "left": line_left(line),
            "near_limit": line_near_limit(line),
        }
        for line in plan.budget_lines.all()
    ]


def plan_chart_data(rows: list[dict]) -> dict:
    """The lines' amounts for the chart script (read from ``json_script``)."""
    return {
        "labels": [row["line"].description for row in rows],
        "series": [
            {
                "label": gettext("Planned"),
                "values": [float(row["line"].planned) for row in rows],
            },
            {
                "label": gettext("Committed"),
                "values": [float(row["line"].committed) for row in rows],
            },
            {"label": gettext("Spent"), "values": [float(row["line"].spent) for row in rows]},
        ],
    }


class PlanBudgetView(DepartmentOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """One plan's budget: lines with planned, committed, spent and left; the approval
    actions the user may take; the spending entries and the history of decisions."""

    template_name = "events/admin/plan_budget.html"
    header_icon = "calculator"

    def get_page_title(self):
        return gettext("Budget")

    def get_page_subtitle(self):
        return self.plan.event.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("event_plans:index"), "label": gettext("Event plans")},
            {"url": reverse("event_plans:edit", args=[self.plan.pk]), "label": str(self.plan)},
            {"url": "", "label": gettext("Budget")},
        ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.plan = None

    def dispatch(self, request, *args, **kwargs):
        if may_see_budgets(request.user):
            self.plan = get_object_or_404(
                EventPlan.objects.select_related("event"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, entry_form=None, **kwargs):
        plan, user = self.plan, self.request.user
        rows = line_rows(plan)
        state = plan.approval_state
        context = super().get_context_data(**kwargs)
        context.update(
            plan=plan,
            rows=rows,
            chart_data=plan_chart_data(rows),
            near_limit=[row for row in rows if row["near_limit"]],
            may_submit=may_prepare_budgets(user) and state in (State.DRAFT, State.RETURNED),
            may_decide=may_decide_budgets(user) and state == State.SUBMITTED,
            may_reopen=may_reopen_budgets(user) and state == State.APPROVED,
            may_spend=may_prepare_budgets(user) and state == State.APPROVED and rows,
            entry_form=entry_form or BudgetEntryForm(plan=plan),
            reason_form=ReasonForm(),
            entries=BudgetEntry.objects.filter(line__plan=plan)
            .select_related("line", "recorded_by")
            .order_by("-date", "-pk"),
            decisions=plan.decisions.select_related("by"),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Record a spending entry; a refused one shows again with its message."""
        if not may_prepare_budgets(request.user):
            raise PermissionDenied
        form = BudgetEntryForm(request.POST, plan=self.plan)
        if form.is_valid():
            data = form.cleaned_data
            try:
                budget_entry_record(
                    line=data["line"],
                    kind=data["kind"],
                    amount=data["amount"],
                    date=data["date"],
                    reference=data["reference"],
                    note=data["note"],
                    by=request.user,
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field_name, field_errors in error.error_dict.items():
                        target = field_name if field_name in form.fields else None
                        for field_error in field_errors:
                            form.add_error(target, field_error)
                else:
                    form.add_error(None, error)
            else:
                messages.success(request, gettext("The spending entry was recorded."))
                return redirect("event_plan_budget", pk=self.plan.pk)
        return self.render_to_response(self.get_context_data(entry_form=form), status=400)


class BudgetDecisionView(DepartmentOnlyMixin, View):
    """POST only: submit, approve, return or reopen a plan's budget, then back to it."""

    actions = {
        "submit": (may_prepare_budgets, budget_submit, False, _("The budget was submitted.")),
        "approve": (may_decide_budgets, budget_approve, False, _("The budget was approved.")),
        "return": (may_decide_budgets, budget_return, True, _("The budget was returned.")),
        "reopen": (
            may_reopen_budgets,
            budget_reopen,
            True,
            _("The budget was reopened; it needs a new approval."),
        ),
    }

    def post(self, request, pk: int, action: str):
        if action not in self.actions:
            raise Http404
        plan = get_object_or_404(EventPlan, pk=pk)
        allowed, service, needs_reason, done = self.actions[action]
        if not allowed(request.user):
            raise PermissionDenied
        kwargs = {"plan": plan, "by": request.user}
        if needs_reason:
            kwargs["reason"] = request.POST.get("reason", "")
        try:
            service(**kwargs)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("event_plan_budget", pk=plan.pk)
        messages.success(request, done)
        return redirect("event_plan_budget", pk=plan.pk)


class ReportYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2200, required=False)
    approved_only = forms.BooleanField(label=_("Approved budgets only"), required=False)

    def choice(self) -> tuple[int, bool]:
        """The chosen year (this year by default) and whether only approved plans count."""
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("year") or timezone.localdate().year, bool(data.get("approved_only"))


class BudgetReportView(DepartmentOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """The year's budgets across events, with the chart, the tables and the exports."""

    page_title = _("Event budgets: report")
    header_icon = "table"
    template_name = "events/admin/budget_report.html"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        form = ReportYearForm(request.GET or None)
        year, approved_only = form.choice()
        report = budget_report(year=year, approved_only=approved_only)
        export = request.GET.get("export")
        filename = f"event-budgets-{year}"
        if export == "csv":
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
            return response
        if export == "xlsx":
            response = HttpResponse(
                report_xlsx(report),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
            return response
        query = {"year": year, **({"approved_only": "on"} if approved_only else {})}
        context = self.get_context_data(
            form=form,
            report=report,
            chart_data=month_chart_data(report),
            csv_query=urlencode({**query, "export": "csv"}),
            xlsx_query=urlencode({**query, "export": "xlsx"}),
        )
        return self.render_to_response(context)


class EventPlanDeleteView(DeleteView):
    """The plan's delete view, which keeps a submitted or approved budget: deleting it
    would undo the approval without a trace, so it is reopened (or returned) first."""

    def form_valid(self, form):
        if self.object.is_locked:
            messages.error(
                self.request,
                gettext(
                    "A submitted or approved budget cannot be deleted. Return or reopen it first."
                ),
            )
            return redirect("event_plans:edit", self.object.pk)
        return super().form_valid(form)
