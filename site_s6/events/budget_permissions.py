"""Who may do what with an event budget, on top of the event plan's model permissions.

Budgets are the department's own records: only the central team, the head of department
and superusers see them (``subsites.access.may_see_department_records``). The central
team prepares, submits and spends; the head of department approves or returns, and sets
the year's allocation; either may reopen an approved budget.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from subsites.access import is_central_team, is_head_of_department, may_see_department_records
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP


def may_see_budgets(user) -> bool:
    """Whether ``user`` may open budgets, their history and the budget report."""
    return may_see_department_records(user)


def may_prepare_budgets(user) -> bool:
    """Whether ``user`` may submit a budget and record spending: the central team."""
    return is_central_team(user)


def may_decide_budgets(user) -> bool:
    """Whether ``user`` may approve or return a submitted budget: the head of department."""
    return bool(user and user.is_active and (user.is_superuser or is_head_of_department(user)))


def may_reopen_budgets(user) -> bool:
    """Whether ``user`` may reopen an approved budget for changes."""
    return may_prepare_budgets(user) or may_decide_budgets(user)


class BudgetYearPolicy(BasePermissionPolicy):
    """The yearly allocations: the head of department edits them, the department reads them."""

    def _actions(self, user) -> set[str]:
        if may_decide_budgets(user):
            return {"add", "change", "delete", "view"}
        if may_see_budgets(user):
            return {"view"}
        return set()

    def user_has_permission(self, user, action):
        return action in self._actions(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._actions(user) & set(actions))

    def users_with_any_permission(self, actions):
        actions = set(actions)
        deciders = Q(is_superuser=True) | Q(groups__name=HEAD_OF_DEPARTMENT_GROUP)
        if actions & {"add", "change", "delete"}:
            condition = deciders
        elif "view" in actions:
            condition = deciders | Q(groups__name=CENTRAL_TEAM_GROUP)
        else:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(condition, is_active=True).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
