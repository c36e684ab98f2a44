"""Coverage: how many clippings picked up each press release and campaign in a period.

Counted from the clippings linked to a page, those marked irrelevant left out, by the
moment they were published (or found, without a date). The chart is drawn here as plain
numbers (bar lengths and positions) for an inline SVG in the admin template: no
JavaScript, no outside library, and the same numbers in a table beside it.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Clipping

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 260
#: Characters of a title that fit in the label column; longer ones are cut with "…".
LABEL_CHARS = 32
CHART_WIDTH = 640
MAX_ROWS = 25


@dataclass
class CoverageRow:
    kind: str
    page_id: int
    title: str
    pickups: int
    positive: int
    neutral: int
    negative: int


def counted_clippings(since: datetime.date, until: datetime.date):
    """The clippings that count as pickups in ``since``–``until`` (whole days, inclusive)."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time())
    )
    return (
        Clipping.objects.exclude(relevant=False)
        .annotate(moment=Coalesce(F("published_at"), F("found_at")))
        .filter(moment__gte=start, moment__lt=end)
    )


def _rows(clippings, field: str, kind: str) -> list[CoverageRow]:
    tone = Clipping.Tone
    counts = (
        clippings.filter(**{f"{field}__isnull": False})
        .values(field, f"{field}__title")
        .annotate(
            pickups=Count("pk"),
            positive=Count("pk", filter=Q(tone=tone.POSITIVE)),
            neutral=Count("pk", filter=Q(tone=tone.NEUTRAL)),
            negative=Count("pk", filter=Q(tone=tone.NEGATIVE)),
        )
        .order_by("-pickups", f"{field}__title")
    )
    return [
        CoverageRow(
            kind=kind,
            page_id=row[field],
            title=row[f"{field}__title"],
            pickups=row["pickups"],
            positive=row["positive"],
            neutral=row["neutral"],
            negative=row["negative"],
        )
        for row in counts
    ]


def coverage(since: datetime.date, until: datetime.date) -> dict[str, list[CoverageRow]]:
    """Pickups per release (news page) and per campaign in the period, most first."""
    clippings = counted_clippings(since, until)
    return {
        "releases": _rows(clippings, "news_page", "release"),
        "campaigns": _rows(clippings, "campaign_page", "campaign"),
    }


def _shortened(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1] + "…"


def chart(rows: list[CoverageRow]) -> dict:
    """The geometry of a horizontal bar chart of ``rows``' pickups (the first ``MAX_ROWS``)."""
    rows = rows[:MAX_ROWS]
    top = max((row.pickups for row in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - 50
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = max(round(span * row.pickups / top), 1)
        bars.append(
            {
                "row": row,
                "y": y,
                # Whole numbers: the admin's locale would write 15.4 as "15,4", which SVG
                # reads as two coordinates.
                "text_y": y + round(BAR_HEIGHT * 0.7),
                "width": width,
                "value_x": LABEL_WIDTH + width + 6,
                "label": _shortened(row.title),
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


def coverage_csv(report: dict[str, list[CoverageRow]], headings: list[str]) -> str:
    """The report as CSV text, one line per release or campaign."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    for rows in report.values():
        for row in rows:
            title = row.title
            # A cell that a spreadsheet would run as a formula is written as text.
            if title[:1] in ("=", "+", "-", "@", "\t", "\r"):
                title = "'" + title
            writer.writerow(
                [row.kind, row.page_id, title, row.pickups, row.positive, row.neutral, row.negative]
            )
    return out.getvalue()
