"""The legal clocks of a journalist's request for information (Law 544/2001, HG 123/2002).

One function, :func:`request_due_at`, decides every due time of the register:

- a journalist's **verbal** request (phone, in person) is answered within 24 hours
  (Law 544/2001 art. 15 and the norms' art. 21);
- a **written** one (e-mail, letter) within 10 days, or within 30 days when the
  requester is told of the extension within the first 10 days (art. 7(1));
- a **refusal** is sent within 5 days (art. 7(2)).

Days are calendar days counted as HG 123/2002 art. 16 says: the day the request is
registered is not counted, the last day counts whole (the deadline is its end, 23:59:59
in Bucharest), and a last day that is a non-working day (a Saturday, a Sunday or a
Romanian public holiday, Orthodox Easter and Pentecost Mondays included, from the
``holidays`` package) moves to the next working day.

The 24 hours are hours, not days: they run from the registration. When they end on a
non-working day, the answer is due on the next working day at the same time of day (a
call on Friday at 15:00 is due on Monday at 15:00, or on Tuesday at 15:00 when Monday is
a holiday).
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo

import holidays
from django.conf import settings

VERBAL_HOURS = 24
WRITTEN_DAYS = 10
EXTENDED_DAYS = 30
REFUSAL_DAYS = 5


def _zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(getattr(settings, "TIME_ZONE", "Europe/Bucharest"))


@functools.lru_cache(maxsize=32)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("RO", years=year))


def is_working_day(day: datetime.date) -> bool:
    """Whether ``day`` is a working day in Romania: Monday to Friday, not a holiday."""
    return day.weekday() < 5 and day not in _public_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def _end_of(day: datetime.date, zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=zone)


def request_due_at(
    received_at: datetime.datetime,
    *,
    verbal: bool,
    extension_notice_at: datetime.datetime | None = None,
    refusal: bool = False,
) -> datetime.datetime:
    """When the answer to a request registered at ``received_at`` is due (aware, local).

    ``verbal``: a journalist's request by phone or in person (24 hours), else written
    (10 days). ``extension_notice_at``: when the requester of a written request was told
    the answer needs 30 days; a notice sent after the 10 days extends nothing. ``refusal``:
    the clock of a refusal (5 days), whatever the channel.
    """
    zone = _zone()
    received = received_at.astimezone(zone)
    if refusal:
        days = REFUSAL_DAYS
    elif verbal:
        due = received + datetime.timedelta(hours=VERBAL_HOURS)
        day = next_working_day(due.date())
        if day == due.date():
            return due
        return datetime.datetime.combine(day, due.timetz().replace(tzinfo=None), tzinfo=zone)
    else:
        days = WRITTEN_DAYS
        if extension_notice_at is not None:
            within = request_due_at(received_at, verbal=False)
            if extension_notice_at <= within:
                days = EXTENDED_DAYS
    # The registration day is not counted: day 1 is the day after it.
    last_day = received.date() + datetime.timedelta(days=days)
    return _end_of(next_working_day(last_day), zone)
