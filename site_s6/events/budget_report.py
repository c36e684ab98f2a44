"""The budget report across events for one year: by month, category, requester and
institution, with the year's totals against its allocation.

Counted from the budget lines of the plans whose event starts in the year, whatever the
plan's approval state (a filter narrows it to the approved ones). Exported to XLSX
(``openpyxl``) and CSV with the same rows the admin shows; the admin draws the months
as a chart, with the same numbers in a table beside it.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from site_s6.core.sites import site_index

from .budgets import BudgetYear
from .plans import ZERO, BudgetLine, EventPlan


@dataclass
class Amounts:
    """Planned, committed and spent amounts of a group of budget lines."""

    label: str
    planned: Decimal = ZERO
    committed: Decimal = ZERO
    spent: Decimal = ZERO
    #: What the lines may still commit, each line's planned amount less what it has taken.
    left: Decimal = ZERO
    plan_ids: set = field(default_factory=set)

    @property
    def plans(self) -> int:
        return len(self.plan_ids)

    def add(self, line: dict) -> None:
        planned = line["planned"] or ZERO
        committed = line["committed"] or ZERO
        spent = line["spent"] or ZERO
        self.planned += planned
        self.committed += committed
        self.spent += spent
        self.left += planned - max(committed, spent)
        self.plan_ids.add(line["plan_id"])


@dataclass
class Section:
    key: str
    title: str
    rows: list[Amounts]


@dataclass
class BudgetReport:
    year: int
    approved_only: bool
    allocation: Decimal | None
    total: Amounts
    sections: list[Section]

    @property
    def unplanned(self) -> Decimal | None:
        """What the year's allocation leaves after every planned amount; ``None`` unset."""
        return None if self.allocation is None else self.allocation - self.total.planned


def _institution_label(path: str) -> str:
    index = site_index()
    root = index.root_for(path, serving_only=False)
    institution = index.entries[root.site_id].institution if root else None
    return str(institution) if institution else gettext("No institution")


def _grouped(lines: list[dict], key_of, label_of, order_of=None) -> list[Amounts]:
    groups: dict = {}
    for line in lines:
        key = key_of(line)
        if key not in groups:
            groups[key] = Amounts(label=label_of(key))
        groups[key].add(line)
    ordered = sorted(groups.items(), key=order_of or (lambda item: -item[1].planned))
    return [amounts for _key, amounts in ordered]


def budget_report(*, year: int, approved_only: bool = False) -> BudgetReport:
    """The report of ``year``: one query for the lines, one for the allocation."""
    lines_qs = BudgetLine.objects.filter(plan__event__start__year=year)
    if approved_only:
        lines_qs = lines_qs.filter(plan__approval_state=EventPlan.ApprovalState.APPROVED)
    lines = list(
        lines_qs.values(
            "plan_id",
            "category",
            "planned",
            "committed",
            "spent",
            "plan__requested_by",
            "plan__event__start",
            "plan__event__path",
        )
    )
    total = Amounts(label=gettext("Total"))
    for line in lines:
        line["month"] = timezone.localtime(line["plan__event__start"]).month
        total.add(line)
    categories = dict(BudgetLine.Category.choices)
    allocation = BudgetYear.objects.filter(year=year).values_list("allocation", flat=True).first()
    sections = [
        Section(
            "month",
            gettext("By month"),
            _grouped(
                lines,
                lambda line: line["month"],
                lambda month: formats.date_format(
                    datetime.date(year, month, 1), "YEAR_MONTH_FORMAT"
                ),
                order_of=lambda item: item[0],
            ),
        ),
        Section(
            "category",
            gettext("By category"),
            _grouped(lines, lambda line: line["category"], lambda code: str(categories[code])),
        ),
        Section(
            "requester",
            gettext("By requester"),
            _grouped(
                lines,
                lambda line: line["plan__requested_by"].strip(),
                lambda name: name or gettext("Not stated"),
            ),
        ),
        Section(
            "institution",
            gettext("By institution"),
            _grouped(lines, lambda line: _institution_label(line["plan__event__path"]), str),
        ),
    ]
    return BudgetReport(
        year=year,
        approved_only=approved_only,
        allocation=allocation,
        total=total,
        sections=sections,
    )


def month_chart_data(report: BudgetReport) -> dict:
    """The months' amounts for the chart script (read from ``json_script``)."""
    rows = report.sections[0].rows
    return {
        "labels": [row.label for row in rows],
        "series": [
            {"label": gettext("Planned"), "values": [float(row.planned) for row in rows]},
            {"label": gettext("Committed"), "values": [float(row.committed) for row in rows]},
            {"label": gettext("Spent"), "values": [float(row.spent) for row in rows]},
        ],
    }


def _safe(value):
    # A cell that a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _headings() -> list[str]:
    return [
        str(_("Section")),
        str(_("Value")),
        str(_("Plans")),
        str(_("Planned (RON)")),
        str(_("Committed (RON)")),
        str(_("Spent (RON)")),
        str(_("Left (RON)")),
    ]


def _amount_cells(amounts: Amounts) -> list:
    return [amounts.plans, amounts.planned, amounts.committed, amounts.spent, amounts.left]


def report_lines(report: BudgetReport) -> list[list]:
    """The report as rows: headings, the year's totals and allocation, then each section."""
    lines = [_headings()]
    lines.append([gettext("Total"), str(report.year), *_amount_cells(report.total)])
    allocation = report.allocation if report.allocation is not None else ""
    unplanned = report.unplanned if report.unplanned is not None else ""
    lines.append([gettext("Year's allocation (RON)"), str(report.year), "", allocation])
    lines.append([gettext("Allocation left unplanned (RON)"), str(report.year), "", unplanned])
    for section in report.sections:
        for row in section.rows:
            lines.append([section.title, _safe(row.label), *_amount_cells(row)])
    return lines


def report_csv(report: BudgetReport) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(report_lines(report))
    return out.getvalue()


def report_xlsx(report: BudgetReport) -> bytes:
    """The report as an XLSX workbook: a summary sheet, then one sheet per section.

    Amounts are numbers (not text) with two decimals, so the sheets add up.
    """
    from openpyxl import Workbook

    money = "#,##0.00"
    workbook = Workbook()
    summary = workbook.active
    summary.title = str(_("Summary"))[:31]
    for line in report_lines(report)[:4]:
        summary.append(line)
    for section in report.sections:
        sheet = workbook.create_sheet(section.title[:31])
        sheet.append(_headings()[1:])
        for row in section.rows:
            sheet.append([_safe(row.label), *_amount_cells(row)])
        sheet.append([gettext("Total"), *_amount_cells(report.total)])
        sheet.column_dimensions["A"].width = 36
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, Decimal):
                    cell.number_format = money
    summary.column_dimensions["A"].width = 36
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
