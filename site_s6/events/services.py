"""Writes of the internal event plan that span several rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

if TYPE_CHECKING:
    from .plans import BudgetLine, EventPlan


@transaction.atomic
def event_plan_save(*, plan: EventPlan, lines: Iterable[BudgetLine]) -> EventPlan:
    """Store ``plan`` with exactly ``lines`` as its budget, or store nothing.

    Every line and the plan are validated first, the plan's rule included (the planned
    amounts never add up to more than the allocation), so a refused plan leaves the
    database as it was. Stored lines missing from ``lines`` are deleted.

    Raises ``ValidationError`` with the plan's field errors, and the line errors under
    ``budget_lines``.
    """
    lines = list(lines)
    plan.budget_lines = lines
    errors: dict[str, list] = {}
    for line in lines:
        try:
            # The plan may not have a key yet; the relation is set by the assignment above.
            line.full_clean(exclude=["plan"])
        except ValidationError as error:
            errors.setdefault("budget_lines", []).extend(error.messages)
    try:
        plan.full_clean()
    except ValidationError as error:
        error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    # A clustered save writes the plan and then its lines: all of it or, inside this
    # transaction, none of it.
    plan.save()
    return plan
