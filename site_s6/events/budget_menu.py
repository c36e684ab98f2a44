"""The budget report's entry in the "Internal planning" menu."""

from wagtail.admin.menu import MenuItem

from .budget_permissions import may_see_budgets


class BudgetReportMenuItem(MenuItem):
    """Shown to the department only (central team, head of department, superusers)."""

    def is_shown(self, request):
        return may_see_budgets(request.user)
