"""Writes of an event budget's approval and spending, each judged and stored at once.

The approval flow: a draft (or a returned) plan is submitted; the head of department
approves it or returns it with a reason; an approved plan is locked, and changing it
means reopening it (back to draft, with a reason) and submitting it again. Every step is
kept as a :class:`BudgetDecision`. Spending is recorded against the lines of an approved
plan only, and never past a line's planned amount.

Who may take each step is the views' business (``budget_permissions``); these functions
keep the rules that hold whoever asks.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .budgets import BudgetDecision, BudgetEntry, line_used
from .plans import ZERO, BudgetLine, EventPlan

State = EventPlan.ApprovalState
Action = BudgetDecision.Action


def _lei(amount: Decimal) -> str:
    return number_format(amount, 2, force_grouping=True)


def _locked_plan(plan: EventPlan) -> EventPlan:
    # The stored row, locked until the transaction ends: two clicks on "Approve" (or an
    # approval racing a reopening) are taken one after the other, each seeing the other's
    # outcome.
    return EventPlan.objects.select_for_update().get(pk=plan.pk)


def _refuse_unless(stored: EventPlan, allowed: tuple[str, ...], message) -> None:
    if stored.approval_state not in allowed:
        raise ValidationError(message, code="wrong_state")


def _decide(*, plan: EventPlan, stored: EventPlan, action: str, state: str, by, reason: str = ""):
    stored.approval_state = state
    stored.save(update_fields=["approval_state", "updated_at"])
    plan.approval_state = state
    return BudgetDecision.objects.create(
        plan=stored,
        action=action,
        reason=reason,
        by=by,
        allocated_budget=stored.allocated_budget,
        planned_total=stored.planned_total,
    )


@transaction.atomic
def budget_submit(*, plan: EventPlan, by) -> BudgetDecision:
    """Send a draft or returned plan to the head of department for approval.

    Raises ``ValidationError`` when the plan is not a draft or has no budget line.
    """
    stored = _locked_plan(plan)
    _refuse_unless(
        stored,
        (State.DRAFT, State.RETURNED),
        _("Only a draft or a returned budget can be submitted for approval."),
    )
    if not stored.budget_lines.exists():
        raise ValidationError(
            _("Add at least one budget line before submitting the budget."), code="no_lines"
        )
    return _decide(plan=plan, stored=stored, action=Action.SUBMITTED, state=State.SUBMITTED, by=by)


@transaction.atomic
def budget_approve(*, plan: EventPlan, by) -> BudgetDecision:
    """Approve a submitted plan, which locks it. Raises ``ValidationError`` otherwise."""
    stored = _locked_plan(plan)
    _refuse_unless(stored, (State.SUBMITTED,), _("Only a submitted budget can be approved."))
    return _decide(plan=plan, stored=stored, action=Action.APPROVED, state=State.APPROVED, by=by)


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, for the people who prepare the budget.")})
    return reason


@transaction.atomic
def budget_return(*, plan: EventPlan, by, reason: str) -> BudgetDecision:
    """Return a submitted plan for changes, with the reason. Raises ``ValidationError``."""
    reason = _required_reason(reason)
    stored = _locked_plan(plan)
    _refuse_unless(stored, (State.SUBMITTED,), _("Only a submitted budget can be returned."))
    return _decide(
        plan=plan, stored=stored, action=Action.RETURNED, state=State.RETURNED, by=by, reason=reason
    )


@transaction.atomic
def budget_reopen(*, plan: EventPlan, by, reason: str) -> BudgetDecision:
    """Put an approved plan back to draft so it can change; it then needs a new approval.

    What was committed and spent stays; the history keeps the earlier approval.
    """
    reason = _required_reason(reason)
    stored = _locked_plan(plan)
    _refuse_unless(stored, (State.APPROVED,), _("Only an approved budget can be reopened."))
    return _decide(
        plan=plan, stored=stored, action=Action.REOPENED, state=State.DRAFT, by=by, reason=reason
    )


@transaction.atomic
def budget_entry_record(
    *,
    line: BudgetLine,
    kind: str,
    amount: Decimal,
    by,
    date: datetime.date | None = None,
    reference: str = "",
    note: str = "",
) -> BudgetEntry:
    """Record an amount committed or paid on ``line`` and add it to the line's totals.

    A commitment adds to the committed amount. A payment adds to the spent amount and
    commits whatever it pays beyond what was committed. Refused, with nothing stored, when
    the plan is not approved, or when the line's committed amount would pass its planned
    amount (the over-allocation).

    Raises ``ValidationError``, with the amount's message under ``amount``.
    """
    stored_line = BudgetLine.objects.select_for_update().select_related("plan").get(pk=line.pk)
    if stored_line.plan.approval_state != State.APPROVED:
        raise ValidationError(
            _("Spending is recorded against an approved budget only."), code="not_approved"
        )
    entry = BudgetEntry(
        line=stored_line,
        kind=kind,
        amount=amount,
        reference=reference,
        note=note,
        recorded_by=by,
    )
    if date is not None:
        entry.date = date
    entry.full_clean(exclude=["line", "recorded_by"])
    committed = stored_line.committed or ZERO
    spent = stored_line.spent or ZERO
    if entry.kind == BudgetEntry.Kind.COMMITMENT:
        new_committed, new_spent = committed + entry.amount, spent
    else:
        new_spent = spent + entry.amount
        new_committed = max(committed, new_spent)
    planned = stored_line.planned or ZERO
    if new_committed > max(committed, planned):
        # What this kind of entry could still take: a payment may use what is committed.
        is_payment = entry.kind == BudgetEntry.Kind.PAYMENT
        room = planned - (spent if is_payment else line_used(stored_line))
        raise ValidationError(
            {
                "amount": _(
                    "Refused: %(amount)s lei would pass the line’s planned amount. "
                    "“%(line)s” plans %(planned)s lei and has %(left)s lei left."
                )
                % {
                    "amount": _lei(entry.amount),
                    "line": stored_line.description,
                    "planned": _lei(stored_line.planned),
                    "left": _lei(max(room, ZERO)),
                }
            },
            code="over_allocation",
        )
    entry.save()
    # The row is locked (select_for_update above), so the computed totals are current.
    BudgetLine.objects.filter(pk=stored_line.pk).update(committed=new_committed, spent=new_spent)
    return entry
