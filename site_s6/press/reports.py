"""The report of journalists' requests over a period (a year by default).

Law 544/2001 art. 27 asks each authority for a yearly report: how many requests it
received, how many it answered in time, refused (and why) or that were contested. The
report counts the requests *received* in the period, by channel, topic, institution and
status; the answered or refused ones in time or late (sent by their due time or not);
the refusals by reason category; and the average time to an answer, in days.

It is exported to XLSX (``openpyxl``) and CSV, and drawn in the admin as a bar chart
with the same numbers in a table beside it.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import InformationRequest

Status = InformationRequest.Status
CHART_WIDTH = 560
LABEL_WIDTH = 200
BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_CHARS = 28


@dataclass
class Section:
    key: str
    title: str
    #: (label, count), most first.
    rows: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(count for _label, count in self.rows)


@dataclass
class RequestReport:
    since: datetime.date
    until: datetime.date
    total: int
    sections: list[Section]
    average_answer_days: float | None


def period_bounds(since: datetime.date, until: datetime.date):
    """The instants of ``since``'s midnight and the midnight after ``until`` (local)."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time())
    )
    return start, end


def default_period(today: datetime.date | None = None):
    """This calendar year up to today."""
    today = today or timezone.localdate()
    return datetime.date(today.year, 1, 1), today


def _counted(queryset, field_name: str, labels: dict | None = None) -> list[tuple[str, int]]:
    rows = queryset.values(field_name).annotate(count=Count("pk")).order_by("-count", field_name)
    counted = []
    for row in rows:
        value = row[field_name]
        label = labels.get(value, value) if labels else value
        counted.append((str(label or _("(none)")), row["count"]))
    return counted


def request_report(since: datetime.date, until: datetime.date) -> RequestReport:
    """The report of the requests received from ``since`` to ``until`` (whole days)."""
    start, end = period_bounds(since, until)
    requests = InformationRequest.objects.filter(received_at__gte=start, received_at__lt=end)
    from subsites.models import Institution

    names = dict(Institution.objects.values_list("pk", "name"))
    channels = dict(InformationRequest.Channel.choices)
    closed = requests.filter(status__in=[Status.ANSWERED, Status.REFUSED], sent_at__isnull=False)
    timing = closed.aggregate(
        in_time=Count("pk", filter=Q(sent_at__lte=F("due_at"))),
        late=Count("pk", filter=Q(sent_at__gt=F("due_at"))),
    )
    answered = list(
        requests.filter(status=Status.ANSWERED, sent_at__isnull=False).values_list(
            "received_at", "sent_at"
        )
    )
    # Averaged in Python: a duration's average is not portable across databases.
    average = (
        round(
            sum((sent - received).total_seconds() for received, sent in answered)
            / len(answered)
            / 86400,
            1,
        )
        if answered
        else None
    )
    sections = [
        Section(
            "channel",
            _("By channel"),
            _counted(requests, "channel", channels),
        ),
        Section("topic", _("By topic"), _counted(requests, "topic")),
        Section("institution", _("By institution"), _counted(requests, "institution", names)),
        Section("status", _("By status"), _counted(requests, "status", dict(Status.choices))),
        Section(
            "timing",
            _("Answered or refused in time or late"),
            [(str(_("In time")), timing["in_time"]), (str(_("Late")), timing["late"])],
        ),
        Section(
            "refusals",
            _("Refused, by reason category"),
            _counted(
                requests.filter(status=Status.REFUSED),
                "refusal_category",
                dict(InformationRequest.RefusalCategory.choices),
            ),
        ),
    ]
    return RequestReport(
        since=since,
        until=until,
        total=requests.count(),
        sections=sections,
        average_answer_days=average,
    )


def _shortened(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def chart(section: Section) -> dict:
    """The geometry of a horizontal bar chart of ``section``'s rows, in whole numbers (a
    localised decimal comma would split an SVG coordinate in two)."""
    top = max((count for _label, count in section.rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 50
    bars = []
    for index, (label, count) in enumerate(section.rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = max(round(span * count / top), 1) if count else 0
        bars.append(
            {
                "label": _shortened(label),
                "count": count,
                "y": y,
                "text_y": y + round(BAR_HEIGHT * 0.7),
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(len(bars) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
    }


def _safe(value):
    # A cell that a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def report_lines(report: RequestReport) -> list[list]:
    """The report as rows: a heading line, then (section, label, count) lines."""
    lines = [[str(_("Section")), str(_("Value")), str(_("Requests"))]]
    lines.append(
        [str(_("Total")), f"{report.since:%Y-%m-%d} – {report.until:%Y-%m-%d}", report.total]
    )
    for section in report.sections:
        for label, count in section.rows:
            lines.append([str(section.title), _safe(label), count])
    lines.append(
        [
            str(_("Average answer time (days)")),
            "",
            report.average_answer_days if report.average_answer_days is not None else "",
        ]
    )
    return lines


def report_csv(report: RequestReport) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(report_lines(report))
    return out.getvalue()


def report_xlsx(report: RequestReport) -> bytes:
    """The report as an XLSX workbook: one sheet of totals, one line per count."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Report"))[:31]
    for line in report_lines(report):
        sheet.append(line)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 36
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
