"""The rules of the gifts register (Law 251/2004 and its norms, HG 1126/2004), as plain
functions of plain values, so that the model, the admin, the reminders and the exports
all apply one rule.

- A protocol gift *received* is declared and handed over within 30 days of its receipt.
- Decorations and office items worth up to €50 are exempt: they are not declared.
- A commission of three values the gifts in lei and in euro at the date of the valuation,
  at the exchange rate of that date, and proposes what becomes of each.
- The official may keep a gift received; above €200 only after paying the difference.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

DECLARATION_DAYS = 30
EXEMPTION_LIMIT_EUR = Decimal("50")
KEEPING_LIMIT_EUR = Decimal("200")
CENT = Decimal("0.01")

RECEIVED = "received"
#: The kinds of gift the €50 exemption covers (the values of ``Gift.Kind``).
EXEMPTABLE_KINDS = frozenset({"decoration", "office_item"})

# The states of a gift's declaration.
NOT_REQUIRED = "not_required"  # a gift given: the official declares nothing
EXEMPT = "exempt"
DECLARED = "declared"
DECLARED_LATE = "declared_late"
DUE = "due"
OVERDUE = "overdue"

# The reminders sent before and after a declaration falls due, most urgent last.
REMIND_WEEK = "7_days"
REMIND_DAY = "1_day"
REMIND_OVERDUE = "overdue"
REMINDER_THRESHOLDS = (REMIND_WEEK, REMIND_DAY, REMIND_OVERDUE)


def declaration_due(received_on: datetime.date) -> datetime.date:
    """The last day to declare a gift received on ``received_on``: 30 days later."""
    return received_on + datetime.timedelta(days=DECLARATION_DAYS)


def days_left(due: datetime.date, today: datetime.date) -> int:
    """Whole days from ``today`` to ``due``: 0 on the day itself, negative once past."""
    return (due - today).days


def is_exempt(*, kind: str, value_eur: Decimal | None) -> bool:
    """Whether a gift of ``kind`` worth ``value_eur`` is exempt from declaration.

    Only decorations and office items, and only up to €50 inclusive; a gift whose value
    in euro is not known yet is not exempt (declaring is the safe side).
    """
    return kind in EXEMPTABLE_KINDS and value_eur is not None and value_eur <= EXEMPTION_LIMIT_EUR


def must_declare(*, direction: str, kind: str, value_eur: Decimal | None) -> bool:
    """Whether the official has to declare the gift: received and not exempt."""
    return direction == RECEIVED and not is_exempt(kind=kind, value_eur=value_eur)


def declaration_state(
    *,
    direction: str,
    kind: str,
    value_eur: Decimal | None,
    received_on: datetime.date,
    declared_on: datetime.date | None,
    today: datetime.date,
) -> str:
    """Where the gift's declaration stands on ``today`` (one of the states above)."""
    if direction != RECEIVED:
        return NOT_REQUIRED
    if is_exempt(kind=kind, value_eur=value_eur):
        return EXEMPT
    due = declaration_due(received_on)
    if declared_on is not None:
        return DECLARED if declared_on <= due else DECLARED_LATE
    return DUE if today <= due else OVERDUE


def reminder_threshold(days_to_due: int) -> str | None:
    """The most urgent reminder a declaration ``days_to_due`` days from its due day has
    reached: a week before, the day before (or the day itself), overdue; or none yet."""
    if days_to_due < 0:
        return REMIND_OVERDUE
    if days_to_due <= 1:
        return REMIND_DAY
    if days_to_due <= 7:
        return REMIND_WEEK
    return None


def value_in_eur(*, value_ron: Decimal, exchange_rate: Decimal) -> Decimal:
    """``value_ron`` in euro at ``exchange_rate`` (lei for one euro), to the cent."""
    if exchange_rate <= 0:
        raise ValueError("The exchange rate must be positive.")
    return (value_ron / exchange_rate).quantize(CENT, rounding=ROUND_HALF_UP)


def official_may_keep(*, direction: str, value_eur: Decimal | None) -> bool:
    """Whether the official may keep the gift: one received, once the commission has
    valued it (up to €200 as it is, above by paying the difference)."""
    return direction == RECEIVED and value_eur is not None


def difference_to_pay_eur(value_eur: Decimal) -> Decimal:
    """What the official pays, in euro, to keep a gift worth ``value_eur``: the part above
    €200, nothing below."""
    return max(value_eur - KEEPING_LIMIT_EUR, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)


def difference_to_pay_ron(*, value_ron: Decimal, exchange_rate: Decimal) -> Decimal:
    """What the official pays, in lei, to keep a gift valued at ``value_ron``: the part
    above €200 at the valuation's ``exchange_rate``, nothing below."""
    limit_ron = KEEPING_LIMIT_EUR * exchange_rate
    return max(value_ron - limit_ron, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
