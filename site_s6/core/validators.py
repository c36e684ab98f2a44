"""Validation rules shared by the content and internal models, with translated messages."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import LINE_BREAKS


def validate_non_negative(value):
    """Money is never negative."""
    if value is not None and value < 0:
        raise ValidationError(_("The amount cannot be negative."), code="negative_amount")


#: The calendar years a date may fall in, for content and for filters alike: wide enough
#: for any archive or plan, narrow enough that moving a time between zones, or a year either
#: side of it (the calendar's time zone rules), stays within Python's years 1 to 9999.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200


def is_calendar_year(value) -> bool:
    """Whether ``value`` (a date or datetime) falls in ``EARLIEST_YEAR``..``LATEST_YEAR``."""
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


def validate_calendar_year(value) -> None:
    """A date or time outside the years the product handles is a typing mistake."""
    if value is not None and not is_calendar_year(value):
        raise ValidationError(
            _("Enter a date between the years %(earliest)d and %(latest)d."),
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            code="year_out_of_range",
        )


#: The largest value an integer column holds on every supported database: Django's and
#: Wagtail's ``AutoField`` primary keys are 32-bit on PostgreSQL.
MAX_DATABASE_INTEGER = 2**31 - 1


def is_database_id(value: int) -> bool:
    """Whether ``value`` can be a primary key at all. Ids typed in a URL beyond it (zero,
    negative, past 64 bits) name nothing, and looking them up overflows the database."""
    return 0 < value <= MAX_DATABASE_INTEGER


def no_line_breaks(value) -> None:
    """Titles, names and labels are shown on one line: in a heading, a browser tab, a
    calendar entry, a feed item or a file name, where a line break breaks the layout or the
    format. Refuse them where they are typed rather than hide them where they are shown."""
    if value and LINE_BREAKS.search(value):
        raise ValidationError(
            _("This field is a single line: remove the line breaks (Enter) from it."),
            code="line_break",
        )


def validate_date_range(start, end, *, end_field: str = "end") -> None:
    """Raise a field error on ``end_field`` when ``end`` is before ``start``."""
    if start and end and end < start:
        # A dict of errors drops the outer ``code``: it has to sit on the field's own error.
        raise ValidationError(
            {
                end_field: ValidationError(
                    _("The end cannot be before the start."), code="end_before_start"
                )
            }
        )


def _relative_luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio between two ``#rrggbb`` colours."""
    lighter, darker = sorted(
        (_relative_luminance(first), _relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


# WCAG 2.1 AA for normal text.
MINIMUM_TEXT_CONTRAST = 4.5


HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def validate_text_contrast_on_white(value: str) -> None:
    """Brand colours carry white text and sit on white pages: they need AA contrast."""
    # A malformed colour is the format validator's to report; it has no contrast to measure.
    if not value or not HEX_COLOUR.match(value):
        return
    if contrast_ratio(value, "#ffffff") < MINIMUM_TEXT_CONTRAST:
        raise ValidationError(
            _(
                "This colour has a contrast ratio of %(ratio).2f:1 against white; "
                "at least 4.5:1 is needed for accessible text."
            ),
            params={"ratio": contrast_ratio(value, "#ffffff")},
            code="low_contrast",
        )
