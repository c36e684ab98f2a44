"""The rules of the gifts register (Law 251/2004, HG 1126/2004), table by table."""

import datetime
from decimal import Decimal

import pytest

from site_s6.protocol import gift_rules

D = datetime.date


@pytest.mark.parametrize(
    ("received_on", "due"),
    [
        (D(2026, 1, 10), D(2026, 2, 9)),
        (D(2026, 2, 1), D(2026, 3, 3)),  # February has 28 days
        (D(2028, 2, 1), D(2028, 3, 2)),  # a leap year
        (D(2026, 12, 15), D(2027, 1, 14)),  # across the new year
        (D(2026, 3, 29), D(2026, 4, 28)),  # a clock change changes no day
    ],
)
def test_a_gift_received_is_declared_within_30_days(received_on, due):
    assert gift_rules.declaration_due(received_on) == due


@pytest.mark.parametrize(
    ("kind", "value_eur", "exempt"),
    [
        ("decoration", Decimal("12.00"), True),
        ("decoration", Decimal("50.00"), True),  # up to €50 inclusive
        ("decoration", Decimal("50.01"), False),
        ("office_item", Decimal("49.99"), True),
        ("office_item", Decimal("0"), True),
        ("office_item", Decimal("120"), False),
        ("other", Decimal("5"), False),  # only decorations and office items
        ("decoration", None, False),  # a value not known yet: declared, to be safe
    ],
)
def test_decorations_and_office_items_up_to_50_euro_are_exempt(kind, value_eur, exempt):
    assert gift_rules.is_exempt(kind=kind, value_eur=value_eur) is exempt
    assert gift_rules.must_declare(direction="received", kind=kind, value_eur=value_eur) is (
        not exempt
    )
    # A gift given is never declared by the official who gave it.
    assert not gift_rules.must_declare(direction="given", kind=kind, value_eur=value_eur)


RECEIVED_ON = D(2026, 5, 4)  # due by 3 June


@pytest.mark.parametrize(
    ("direction", "kind", "value_eur", "declared_on", "today", "state"),
    [
        ("given", "other", Decimal("500"), None, D(2026, 9, 1), gift_rules.NOT_REQUIRED),
        ("received", "decoration", Decimal("30"), None, D(2026, 9, 1), gift_rules.EXEMPT),
        ("received", "other", None, None, D(2026, 5, 20), gift_rules.DUE),
        ("received", "other", None, None, D(2026, 6, 3), gift_rules.DUE),  # the due day
        ("received", "other", None, None, D(2026, 6, 4), gift_rules.OVERDUE),
        ("received", "decoration", Decimal("80"), None, D(2026, 7, 1), gift_rules.OVERDUE),
        ("received", "other", None, D(2026, 6, 3), D(2026, 9, 1), gift_rules.DECLARED),
        ("received", "other", None, D(2026, 6, 10), D(2026, 9, 1), gift_rules.DECLARED_LATE),
    ],
)
def test_declaration_state(direction, kind, value_eur, declared_on, today, state):
    assert (
        gift_rules.declaration_state(
            direction=direction,
            kind=kind,
            value_eur=value_eur,
            received_on=RECEIVED_ON,
            declared_on=declared_on,
            today=today,
        )
        == state
    )


@pytest.mark.parametrize(
    ("today", "days_left", "threshold"),
    [
        (D(2026, 5, 20), 14, None),
        (D(2026, 5, 26), 8, None),
        (D(2026, 5, 27), 7, gift_rules.REMIND_WEEK),
        (D(2026, 6, 1), 2, gift_rules.REMIND_WEEK),
        (D(2026, 6, 2), 1, gift_rules.REMIND_DAY),
        (D(2026, 6, 3), 0, gift_rules.REMIND_DAY),
        (D(2026, 6, 4), -1, gift_rules.REMIND_OVERDUE),
        (D(2026, 9, 4), -93, gift_rules.REMIND_OVERDUE),
    ],
)
def test_reminder_thresholds(today, days_left, threshold):
    due = gift_rules.declaration_due(RECEIVED_ON)
    assert gift_rules.days_left(due, today) == days_left
    assert gift_rules.reminder_threshold(days_left) == threshold


@pytest.mark.parametrize(
    ("value_ron", "rate", "value_eur", "owed_eur", "owed_ron"),
    [
        (Decimal("497.65"), Decimal("4.9765"), Decimal("100.00"), Decimal("0.00"), Decimal("0.00")),
        (Decimal("995.30"), Decimal("4.9765"), Decimal("200.00"), Decimal("0.00"), Decimal("0.00")),
        (
            Decimal("1000.00"),
            Decimal("5.0000"),
            Decimal("200.00"),
            Decimal("0.00"),
            Decimal("0.00"),
        ),
        (
            Decimal("1500.00"),
            Decimal("5.0000"),
            Decimal("300.00"),
            Decimal("100.00"),
            Decimal("500.00"),
        ),
        (
            Decimal("1250.00"),
            Decimal("4.9770"),
            Decimal("251.16"),
            Decimal("51.16"),
            Decimal("254.60"),
        ),
    ],
)
def test_keeping_above_200_euro_costs_the_difference(
    value_ron, rate, value_eur, owed_eur, owed_ron
):
    assert gift_rules.value_in_eur(value_ron=value_ron, exchange_rate=rate) == value_eur
    assert gift_rules.difference_to_pay_eur(value_eur) == owed_eur
    assert gift_rules.difference_to_pay_ron(value_ron=value_ron, exchange_rate=rate) == owed_ron


@pytest.mark.parametrize(
    ("direction", "value_eur", "may_keep"),
    [
        ("received", Decimal("150"), True),
        ("received", Decimal("900"), True),  # by paying the difference
        ("received", None, False),  # not valued yet
        ("given", Decimal("150"), False),
    ],
)
def test_whether_the_official_may_keep_it(direction, value_eur, may_keep):
    assert gift_rules.official_may_keep(direction=direction, value_eur=value_eur) is may_keep


def test_an_exchange_rate_of_zero_is_refused():
    with pytest.raises(ValueError):
        gift_rules.value_in_eur(value_ron=Decimal("10"), exchange_rate=Decimal("0"))
