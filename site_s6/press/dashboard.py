"""The central team's dashboard panels: accreditation requests past their due time,
journalists' requests due, and the monthly press conference of every institution."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import AccreditationRequest

OVERDUE_LIMIT = 25


class OverdueAccreditationsPanel(Component):
    """Pending requests whose two days are over, oldest first: each one is late by law."""

    name = "s6_overdue_accreditations"
    template_name = "press/dashboard/overdue_accreditations.html"
    order = 105

    def get_context_data(self, parent_context):
        rows = AccreditationRequest.objects.filter(
            status=AccreditationRequest.Status.PENDING, due_at__lt=timezone.now()
        ).order_by("due_at")[:OVERDUE_LIMIT]
        return {"rows": list(rows)}


class RequestsDuePanel(Component):
    """Journalists' requests due within a day and overdue ones, earliest first: the
    central team sees every institution's, an institution's editors their own."""

    name = "s6_requests_due"
    template_name = "press/dashboard/requests_due.html"
    order = 106

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from .services.requests import due_soon, requests_visible_to

        now = timezone.now()
        rows = requests_visible_to(self.user, due_soon(now))[:OVERDUE_LIMIT]
        return {"rows": [(row, row.due_at < now) for row in rows]}


def months_after(today: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the ``count`` months after ``today``'s."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        months.append(datetime.date(year, month, 1))
    return months


def next_quarter_months(today: datetime.date) -> list[datetime.date]:
    """The three months after ``today``'s: the next quarter that a monthly press
    conference (Law 544/2001 art. 17) must be planned for."""
    return months_after(today, 3)


def local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


@dataclass
class ConferenceRow:
    """One institution: its last press conference held, and the months without one."""

    institution: object
    last: object = None
    missing: list = field(default_factory=list)


def press_conference_coverage(*, now: datetime.datetime | None = None) -> list[ConferenceRow]:
    """Per institution, the last press conference held and the months of the next
    quarter with none scheduled. Two queries, whatever the number of institutions: the
    latest held per site (a window over the tree's locale roots) and those planned."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber, Substr
    from wagtail.models import Locale, Page

    from site_s6.events.models import EventPage
    from subsites.sites import institution_for, institutions

    now = now or timezone.now()
    *months, after = months_after(timezone.localdate(now), 4)
    conferences = EventPage.objects.filter(
        event_type=EventPage.EventType.PRESS_CONFERENCE,
        locale=Locale.get_default(),
        alias_of__isnull=True,
    ).exclude(status=EventPage.Status.CANCELLED)
    held = (
        conferences.live()
        .filter(start__lt=now)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, Page.steplen * 2)],
                order_by=[F("start").desc(), F("pk").desc()],
            )
        )
        .filter(rank=1)
    )
    planned = conferences.filter(
        start__gte=local_midnight(months[0]), start__lt=local_midnight(after)
    ).only("pk", "path", "start")
    rows = {institution.pk: ConferenceRow(institution) for institution in institutions()}
    for event in held:
        institution = institution_for(event)
        if institution is not None and institution.pk in rows:
            rows[institution.pk].last = event
    covered: dict[int, set] = {pk: set() for pk in rows}
    for event in planned:
        institution = institution_for(event)
        if institution is not None and institution.pk in covered:
            local = timezone.localtime(event.start)
            covered[institution.pk].add((local.year, local.month))
    for pk, row in rows.items():
        row.missing = [m for m in months if (m.year, m.month) not in covered[pk]]
    return list(rows.values())


class MonthlyPressConferencePanel(Component):
    """Law 544/2001 art. 17: per institution, the last press conference held and the
    months of the next quarter with none scheduled (central team)."""

    name = "s6_monthly_press_conference"
    template_name = "press/dashboard/monthly_press_conference.html"
    order = 115

    def get_context_data(self, parent_context):
        rows = press_conference_coverage()
        return {"rows": rows, "months": next_quarter_months(timezone.localdate())}
