"""The due-date function of journalists' requests, against the calendar of Romania."""

import datetime
import zoneinfo

import pytest

from site_s6.press.deadlines import is_working_day, request_due_at

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BUCHAREST)


def end_of(year, month, day):
    return datetime.datetime(year, month, day, 23, 59, 59, tzinfo=BUCHAREST)


CASES = [
    # (what, received at, keyword arguments, due at)
    ("verbal, a weekday", at(2026, 3, 12, 10), {"verbal": True}, at(2026, 3, 13, 10)),
    (
        "verbal on a Friday: Monday at the same time",
        at(2026, 3, 13, 15, 30),
        {"verbal": True},
        at(2026, 3, 16, 15, 30),
    ),
    (
        "verbal on a Friday before St Andrew's and National Day: Wednesday",
        at(2026, 11, 27, 15),
        {"verbal": True},
        at(2026, 12, 2, 15),
    ),
    (
        "verbal on a Saturday: Monday",
        at(2026, 3, 14, 9),
        {"verbal": True},
        at(2026, 3, 16, 9),
    ),
    ("written from a Friday", at(2026, 3, 13), {"verbal": False}, end_of(2026, 3, 23)),
    (
        "written from 20 December: the holidays inside the 10 days count",
        at(2026, 12, 20),
        {"verbal": False},
        end_of(2026, 12, 30),
    ),
    (
        "written from 22 December: New Year, its second day and the weekend",
        at(2026, 12, 22),
        {"verbal": False},
        end_of(2027, 1, 4),
    ),
    (
        "written ending on 1 May (a Friday)",
        at(2026, 4, 21),
        {"verbal": False},
        end_of(2026, 5, 4),
    ),
    (
        "written ending on Orthodox Easter Monday 2026",
        at(2026, 4, 3),
        {"verbal": False},
        end_of(2026, 4, 14),
    ),
    (
        "written ending on Orthodox Easter Monday 2027",
        at(2027, 4, 23),
        {"verbal": False},
        end_of(2027, 5, 4),
    ),
    (
        "written ending on Pentecost Monday",
        at(2026, 5, 22),
        {"verbal": False},
        end_of(2026, 6, 2),
    ),
    (
        "registered late in the evening: the day is Bucharest's, not UTC's",
        datetime.datetime(2026, 3, 2, 22, 30, tzinfo=datetime.UTC),
        {"verbal": False},
        end_of(2026, 3, 13),
    ),
    (
        "extended within the 10 days: 30 days",
        at(2026, 3, 2),
        {"verbal": False, "extension_notice_at": at(2026, 3, 10)},
        end_of(2026, 4, 1),
    ),
    (
        "extended on the tenth day",
        at(2026, 3, 2),
        {"verbal": False, "extension_notice_at": at(2026, 3, 12, 23, 0)},
        end_of(2026, 4, 1),
    ),
    (
        "extended from 20 December: 30 days",
        at(2026, 12, 20),
        {"verbal": False, "extension_notice_at": at(2026, 12, 23)},
        end_of(2027, 1, 19),
    ),
    (
        "an extension notice after the 10 days extends nothing",
        at(2026, 3, 2),
        {"verbal": False, "extension_notice_at": at(2026, 3, 13, 9)},
        end_of(2026, 3, 12),
    ),
    ("refusal at 5 days", at(2026, 3, 12), {"verbal": False, "refusal": True}, end_of(2026, 3, 17)),
    (
        "refusal ending on a Saturday",
        at(2026, 3, 2),
        {"verbal": False, "refusal": True},
        end_of(2026, 3, 9),
    ),
    (
        "refusal of a verbal request: 5 days as well",
        at(2026, 3, 12),
        {"verbal": True, "refusal": True},
        end_of(2026, 3, 17),
    ),
]


@pytest.mark.parametrize(
    ("received", "kwargs", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_request_due_at(received, kwargs, expected):
    due = request_due_at(received, **kwargs)
    assert due == expected
    assert is_working_day(due.astimezone(BUCHAREST).date())


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (datetime.date(2026, 3, 13), True),
        (datetime.date(2026, 3, 14), False),
        (datetime.date(2026, 5, 1), False),
        (datetime.date(2026, 4, 13), False),
        (datetime.date(2026, 6, 1), False),
        (datetime.date(2026, 12, 25), False),
        (datetime.date(2027, 1, 2), False),
    ],
)
def test_working_days(day, working):
    assert is_working_day(day) is working
