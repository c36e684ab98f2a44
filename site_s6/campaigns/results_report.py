"""A campaign's results as rows for the admin table, the chart, and the XLSX/CSV export."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext

from .plans import CampaignPlan
from .results import Coverage, KPIProgress


def _safe(value):
    # A cell that a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _blank(value):
    return "" if value is None else value


def progress_chart_data(progress: list[KPIProgress]) -> dict:
    """Each indicator's share of its target on every date measured, for a line chart.

    Percentages put indicators of different units on one scale; a date an indicator was
    not measured on is left empty (``None``), and the line joins across it.
    """
    dates = sorted({m.date for row in progress for m in row.measurements})
    series = []
    for row in progress:
        if not row.kpi.target:
            continue
        by_date = {m.date: m.value for m in row.measurements}
        series.append(
            {
                "label": row.kpi.name,
                "values": [
                    float(by_date[day] * 100 / row.kpi.target) if day in by_date else None
                    for day in dates
                ],
            }
        )
    return {
        "type": "line",
        "labels": [day.isoformat() for day in dates],
        "series": series,
        "axis": gettext("% of target"),
    }


def indicator_headings() -> list[str]:
    return [
        gettext("Indicator"),
        gettext("Unit"),
        gettext("Target"),
        gettext("Reached"),
        gettext("% of target"),
        gettext("Last measured"),
    ]


def indicator_rows(progress: list[KPIProgress]) -> list[list]:
    return [
        [
            _safe(row.kpi.name),
            _safe(row.kpi.unit),
            row.kpi.target,
            _blank(row.reached),
            _blank(row.percent),
            row.latest.date.isoformat() if row.latest else "",
        ]
        for row in progress
    ]


def measurement_headings() -> list[str]:
    return [gettext("Indicator"), gettext("Date"), gettext("Value reached"), gettext("Note")]


def measurement_rows(progress: list[KPIProgress]) -> list[list]:
    return [
        [_safe(row.kpi.name), m.date.isoformat(), m.value, _safe(m.note)]
        for row in progress
        for m in row.measurements
    ]


def summary_rows(plan: CampaignPlan, coverage: Coverage | None) -> list[list]:
    campaign = plan.campaign
    rows = [
        [gettext("Campaign"), _safe(campaign.title)],
        [
            gettext("Period"),
            f"{campaign.start_date:%Y-%m-%d} – "
            + (f"{campaign.end_date:%Y-%m-%d}" if campaign.end_date else ""),
        ],
        [gettext("Budget (RON)"), plan.budget],
    ]
    if coverage is not None:
        rows += [
            [gettext("Press coverage: clippings linked to the campaign"), coverage.linked],
            [gettext("Press coverage: clippings matching its title"), coverage.matching],
            [gettext("Press coverage: total"), coverage.total],
        ]
    return rows


def results_csv(plan, progress, coverage) -> str:
    """The results as CSV: the summary, the indicators, then every measurement."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(summary_rows(plan, coverage))
    writer.writerow([])
    writer.writerow(indicator_headings())
    writer.writerows(indicator_rows(progress))
    writer.writerow([])
    writer.writerow(measurement_headings())
    writer.writerows(measurement_rows(progress))
    return out.getvalue()


def results_xlsx(plan, progress, coverage) -> bytes:
    """The results as an XLSX workbook: summary, indicators and measurements sheets."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title = gettext("Summary")[:31]
    for row in summary_rows(plan, coverage):
        summary.append(row)
    summary.column_dimensions["A"].width = 48
    indicators = workbook.create_sheet(gettext("Indicators")[:31])
    indicators.append(indicator_headings())
    for row in indicator_rows(progress):
        indicators.append(row)
    indicators.column_dimensions["A"].width = 36
    measurements = workbook.create_sheet(gettext("Measurements")[:31])
    measurements.append(measurement_headings())
    for row in measurement_rows(progress):
        measurements.append(row)
    measurements.column_dimensions["A"].width = 36
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
