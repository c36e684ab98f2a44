"""The yearly gifts register: every gift received or given in a calendar year, per
official, with its declaration, valuation and decision; in the admin, in XLSX and in PDF.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Spacer, Table

from . import gift_rules, pdf
from .gifts import Gift

STATE_LABELS = {
    gift_rules.NOT_REQUIRED: gettext_lazy("Not declared (given)"),
    gift_rules.EXEMPT: gettext_lazy("Exempt (up to €50)"),
    gift_rules.DECLARED: gettext_lazy("Declared"),
    gift_rules.DECLARED_LATE: gettext_lazy("Declared late"),
    gift_rules.DUE: gettext_lazy("To declare"),
    gift_rules.OVERDUE: gettext_lazy("Declaration overdue"),
}


@dataclass
class RegisterRow:
    """One gift as the register shows it, its rules applied on the report's day."""

    number: int
    gift: Gift
    state: str
    due: datetime.date | None
    days_left: int | None

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def overdue(self) -> bool:
        return self.state == gift_rules.OVERDUE

    @property
    def days_late(self) -> int:
        """Days past the due day of a declaration still missing; 0 before it."""
        return max(-self.days_left, 0) if self.days_left is not None else 0

    @property
    def decision_text(self) -> str:
        gift = self.gift
        if not gift.decision:
            return ""
        text = gift.get_decision_display()
        if gift.decision == Gift.Decision.KEPT_BY_OFFICIAL and gift.amount_paid:
            text += " " + _("(paid %(amount)s lei)") % {"amount": money(gift.amount_paid)}
        if gift.decision_note:
            text += f": {gift.decision_note}"
        return text

    @property
    def commission(self) -> str:
        gift = self.gift
        return ", ".join(name for name in (gift.valuer_1, gift.valuer_2, gift.valuer_3) if name)


@dataclass
class GiftRegister:
    year: int
    today: datetime.date
    rows: list[RegisterRow]

    @property
    def received(self) -> int:
        return sum(1 for row in self.rows if row.gift.direction == Gift.Direction.RECEIVED)

    @property
    def given(self) -> int:
        return len(self.rows) - self.received

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.overdue)

    @property
    def estimated_total(self) -> Decimal:
        return sum((row.gift.estimated_value for row in self.rows), Decimal(0))

    def by_official(self) -> list[OfficialSummary]:
        """Per official, in the register's order: gifts received and given, their
        estimated value, and the declarations overdue."""
        summaries: dict[str, OfficialSummary] = {}
        for row in self.rows:
            summary = summaries.setdefault(row.gift.official, OfficialSummary(row.gift.official))
            if row.gift.direction == Gift.Direction.RECEIVED:
                summary.received += 1
            else:
                summary.given += 1
            summary.estimated_total += row.gift.estimated_value
            summary.overdue += int(row.overdue)
        return list(summaries.values())


@dataclass
class OfficialSummary:
    official: str
    received: int = 0
    given: int = 0
    estimated_total: Decimal = Decimal(0)
    overdue: int = 0


def money(value: Decimal | None) -> str:
    return "" if value is None else number_format(value, 2, force_grouping=True)


def register_rows(gifts, *, today: datetime.date, start: int = 1) -> list[RegisterRow]:
    """``gifts`` as register rows numbered from ``start``."""
    return [
        RegisterRow(
            number=number,
            gift=gift,
            state=gift.declaration_state(today),
            due=gift.declaration_due,
            days_left=gift.days_left(today),
        )
        for number, gift in enumerate(gifts, start=start)
    ]


def gift_register(year: int, *, today: datetime.date | None = None) -> GiftRegister:
    """The register of ``year``: its gifts in order of official and date."""
    today = today or timezone.localdate()
    gifts = Gift.objects.of_year(year).for_register()
    return GiftRegister(year=year, today=today, rows=register_rows(gifts, today=today))


def register_years(today: datetime.date | None = None) -> list[int]:
    """The years that have gifts, and the current one, latest first."""
    today = today or timezone.localdate()
    years = {date.year for date in Gift.objects.dates("gift_date", "year")}
    return sorted(years | {today.year}, reverse=True)


def _headings() -> list[str]:
    return [
        _("No."),
        _("Official"),
        _("Date"),
        _("Given or received"),
        _("Kind"),
        _("Description"),
        _("Counterpart"),
        _("Visit"),
        _("Estimated value (RON)"),
        _("Declaration"),
        _("Due by"),
        _("Date declared"),
        _("Value (RON)"),
        _("Value (EUR)"),
        _("Exchange rate"),
        _("Valuation date"),
        _("Commission"),
        _("Decision"),
    ]


def _summary_headings() -> list[str]:
    return [
        _("Official"),
        _("Gifts received"),
        _("Gifts given"),
        _("Estimated value (RON)"),
        _("Declarations overdue"),
    ]


def register_xlsx(register: GiftRegister) -> bytes:
    """The register as a workbook: one sheet, a row per gift, amounts and dates typed."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Gifts %(year)s") % {"year": register.year}
    sheet.append([_("Gifts register %(year)s") % {"year": register.year}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(_headings())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in register.rows:
        gift = row.gift
        sheet.append(
            [
                row.number,
                gift.official,
                gift.gift_date,
                gift.get_direction_display(),
                gift.get_kind_display(),
                gift.description,
                gift.counterpart,
                gift.file.visit.title,
                gift.estimated_value,
                row.state_label,
                row.due,
                gift.date_declared,
                gift.value_ron,
                gift.value_eur,
                gift.exchange_rate,
                gift.valued_on,
                row.commission,
                row.decision_text,
            ]
        )
    for column in ("C", "K", "L", "P"):
        for cell in sheet[column][2:]:
            cell.number_format = "yyyy-mm-dd"
    for column in ("I", "M", "N"):
        for cell in sheet[column][2:]:
            cell.number_format = "#,##0.00"
    for column, width in {"B": 26, "F": 40, "G": 24, "H": 36, "J": 18, "Q": 36, "R": 36}.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"
    summary = workbook.create_sheet(_("By official"))
    summary.append(_summary_headings())
    for cell in summary[1]:
        cell.font = Font(bold=True)
    for row in register.by_official():
        summary.append([row.official, row.received, row.given, row.estimated_total, row.overdue])
    for cell in summary["D"][1:]:
        cell.number_format = "#,##0.00"
    summary.column_dimensions["A"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def register_pdf(register: GiftRegister, *, site) -> bytes:
    """The register as a landscape PDF, branded for ``site``: a table of every gift of the
    year and the year's totals."""
    branding = pdf.Branding(site)
    styles = branding.styles()
    title = _("Gifts register %(year)s") % {"year": register.year}
    cell = styles["cell"]

    def when(value):
        return date_format(value, "SHORT_DATE_FORMAT") if value else ""

    header = [
        _("No."),
        _("Official"),
        _("Date"),
        _("Gift"),
        _("Counterpart and visit"),
        _("Estimated value (RON)"),
        _("Declaration"),
        _("Valuation"),
        _("Decision"),
    ]
    data = [[pdf.paragraph(text, cell) for text in header]]
    for row in register.rows:
        gift = row.gift
        declaration = row.state_label
        if row.due:
            declaration += "\n" + _("due by %(date)s") % {"date": when(row.due)}
        if gift.date_declared:
            declaration += "\n" + _("declared %(date)s") % {"date": when(gift.date_declared)}
        valuation = ""
        if gift.is_valued:
            valuation = _("%(ron)s lei = %(eur)s € at %(rate)s, on %(date)s; %(members)s") % {
                "ron": money(gift.value_ron),
                "eur": money(gift.value_eur),
                "rate": number_format(gift.exchange_rate, 4),
                "date": when(gift.valued_on),
                "members": row.commission,
            }
        data.append(
            [
                pdf.paragraph(row.number, cell),
                pdf.paragraph(gift.official, cell),
                pdf.paragraph(when(gift.gift_date), cell),
                pdf.paragraph(
                    f"{gift.get_direction_display()} · {gift.get_kind_display()}\n"
                    f"{gift.description}",
                    cell,
                ),
                pdf.paragraph(f"{gift.counterpart}\n{gift.file.visit.title}".strip(), cell),
                pdf.paragraph(money(gift.estimated_value), cell),
                pdf.paragraph(declaration, cell),
                pdf.paragraph(valuation, cell),
                pdf.paragraph(row.decision_text, cell),
            ]
        )
    widths = [9, 30, 24, 45, 34, 20, 30, 40, 35]
    table = LongTable(data, colWidths=[width * mm for width in widths], repeatRows=1)
    table.setStyle(branding.table_style())
    story = [pdf.paragraph(title, styles["title"])]
    if register.rows:
        story.append(table)
    else:
        story.append(pdf.paragraph(_("No gift was received or given this year."), styles["body"]))
    if register.rows:
        summary = [[pdf.paragraph(text, cell) for text in _summary_headings()]]
        summary += [
            [
                pdf.paragraph(row.official, cell),
                pdf.paragraph(row.received, cell),
                pdf.paragraph(row.given, cell),
                pdf.paragraph(money(row.estimated_total), cell),
                pdf.paragraph(row.overdue, cell),
            ]
            for row in register.by_official()
        ]
        summary_table = Table(summary, colWidths=[70 * mm, 30 * mm, 30 * mm, 40 * mm, 40 * mm])
        summary_table.setStyle(branding.table_style())
        story += [pdf.paragraph(_("By official"), styles["heading"]), summary_table]
    story += [
        Spacer(1, 4 * mm),
        pdf.paragraph(
            _(
                "Gifts received: %(received)s; given: %(given)s; overdue declarations: "
                "%(overdue)s; estimated value in all: %(total)s lei."
            )
            % {
                "received": register.received,
                "given": register.given,
                "overdue": register.overdue,
                "total": money(register.estimated_total),
            },
            styles["body"],
        ),
    ]
    footer = _("%(title)s, printed on %(date)s") % {"title": title, "date": when(register.today)}
    return pdf.render(story, branding=branding, title=title, footer=footer, pagesize=landscape(A4))
