"""Writes of the internal event plan that span several rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext

if TYPE_CHECKING:
    from .plans import BudgetLine, EventPlan


def spending_kept_errors(*, plan: EventPlan, lines: list[BudgetLine]) -> dict[str, list]:
    """Errors for stored lines that would lose sight of the money already committed or paid."""
    from .plans import BudgetLine

    kept_ids = {line.pk for line in lines if line.pk}
    stored = {line.pk: line for line in BudgetLine.objects.filter(plan=plan)}
    messages = []
    for line in lines:
        before = stored.get(line.pk)
        if before is None:
            continue
        used = max(before.committed or 0, before.spent or 0)
        if line.planned is not None and line.planned < used:
            messages.append(
                gettext(
                    "“%(line)s” cannot plan less than the %(used)s lei already committed "
                    "and spent on it."
                )
                % {"line": line.description, "used": number_format(used, 2, force_grouping=True)}
            )
    removed_with_spending = (
        BudgetLine.objects.filter(plan=plan, entries__isnull=False)
        .exclude(pk__in=kept_ids)
        .distinct()
    )
    for line in removed_with_spending:
        messages.append(
            gettext("“%(line)s” has spending recorded against it and cannot be deleted.")
            % {"line": line.description}
        )
    return {"budget_lines": messages} if messages else {}


@transaction.atomic
def event_plan_save(*, plan: EventPlan, lines: Iterable[BudgetLine]) -> EventPlan:
    """Store ``plan`` with exactly ``lines`` as its budget, or store nothing.

    Every line and the plan are validated first, the plan's rule included (the planned
    amounts never add up to more than the allocation), so a refused plan leaves the
    database as it was. Stored lines missing from ``lines`` are deleted.

    A stored line keeps room for what was committed and spent on it: its planned amount
    cannot go below that, and a line with spending entries cannot be deleted.

    Raises ``ValidationError`` with the plan's field errors, and the line errors under
    ``budget_lines``.
    """
    lines = list(lines)
    plan.budget_lines = lines
    errors: dict[str, list] = {}
    if plan.pk:
        errors.update(spending_kept_errors(plan=plan, lines=lines))
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
