import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from site_s6.core.validators import validate_date_range, validate_non_negative

DAY = datetime.date(2026, 5, 1)


def test_end_before_start_is_an_error_on_the_end_field_with_its_code():
    with pytest.raises(ValidationError) as raised:
        validate_date_range(DAY, DAY - datetime.timedelta(days=1), end_field="visit_end")

    [error] = raised.value.error_dict["visit_end"]
    assert error.code == "end_before_start"


@pytest.mark.parametrize("end", [DAY, DAY + datetime.timedelta(days=1), None])
def test_end_on_or_after_start_or_open_ended_is_valid(end):
    validate_date_range(DAY, end)


def test_negative_amount_is_refused():
    with pytest.raises(ValidationError) as raised:
        validate_non_negative(Decimal("-0.01"))

    assert raised.value.code == "negative_amount"


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("1500.50"), None])
def test_zero_positive_or_empty_amount_is_valid(amount):
    validate_non_negative(amount)
