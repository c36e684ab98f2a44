"""The printed delegation programme and seating sheet of a visit, in Romanian, English or
both (the file's choice), branded with the visit's site.

Printed from the database's state of the visit (its delegation members) and of its file
(the programme, the hosts, the logistics); a visit without hosts in its file prints the
page's hosts, one per line, in the order typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table

from . import pdf
from .files import VisitFile

PROGRAMME_TITLE = gettext_lazy("Programme of the visit")
SEATING_TITLE = gettext_lazy("Seating plan and order of precedence")


@dataclass(frozen=True)
class Person:
    precedence: int
    name: str
    role: str


def seating_order(count: int) -> list[int]:
    """The ranks of ``count`` people seated along one side of a table, left to right as
    the other side sees them: the first in precedence in the middle, the second on their
    right, the third on their left, and so on outwards."""
    if count <= 0:
        return []
    seats = [1]
    for rank in range(2, count + 1):
        # A seat's right is the onlooker's left.
        if rank % 2 == 0:
            seats.insert(0, rank)
        else:
            seats.append(rank)
    return seats


def delegation(visit_file: VisitFile) -> list[Person]:
    """The delegation's members in order of precedence."""
    members = visit_file.visit.members.order_by("precedence", "sort_order")
    return [Person(member.precedence, member.name, member.role) for member in members]


def hosts(visit_file: VisitFile) -> list[Person]:
    """The hosts in order of precedence: the file's, or the page's lines."""
    people = [Person(host.precedence, host.name, host.role) for host in visit_file.hosts.all()]
    if people:
        return people
    lines = [line.strip() for line in visit_file.visit.hosts.splitlines() if line.strip()]
    return [Person(rank, line, "") for rank, line in enumerate(lines, start=1)]


def _visit_title(visit_file: VisitFile, language: str) -> str:
    translation_ = visit_file.visit.get_translations(inclusive=True).filter(
        locale__language_code=language
    )
    page = translation_.first() or visit_file.visit
    return page.title


def _visit_facts(visit_file: VisitFile, styles) -> list:
    visit = visit_file.visit
    dates = date_format(visit.visit_start, "j F Y")
    if visit.visit_end and visit.visit_end != visit.visit_start:
        dates = f"{dates} – {date_format(visit.visit_end, 'j F Y')}"
    facts = [
        (_("Delegation"), visit.delegation_name),
        (capfirst(visit._meta.get_field("organisation").verbose_name), visit.organisation),
        (_("From"), ", ".join(part for part in (visit.city, str(visit.country.name)) if part)),
        (_("Dates"), dates),
    ]
    return [pdf.paragraph(f"{label}: {value}", styles["body"]) for label, value in facts if value]


def _people_table(people: list[Person], branding, styles, heading: str):
    cell = styles["cell"]
    data = [[pdf.paragraph(text, cell) for text in (_("No."), _("Name"), _("Role"))]]
    data += [
        [pdf.paragraph(person.precedence, cell), pdf.paragraph(person.name, cell)]
        + [pdf.paragraph(person.role, cell)]
        for person in people
    ]
    table = Table(data, colWidths=[14 * mm, 70 * mm, 96 * mm], repeatRows=1)
    table.setStyle(branding.table_style())
    return KeepTogether([pdf.paragraph(heading, styles["heading"]), table])


def _programme_story(visit_file: VisitFile, branding, language: str) -> list:
    styles = branding.styles()
    cell = styles["cell"]
    story = [
        pdf.paragraph(str(PROGRAMME_TITLE), styles["title"]),
        pdf.paragraph(_visit_title(visit_file, language), styles["heading"]),
        *_visit_facts(visit_file, styles),
    ]
    items = list(visit_file.programme_items.all())
    if not items:
        story.append(pdf.paragraph(_("The programme has no items yet."), styles["body"]))
    for day, day_items in groupby(items, key=lambda item: item.day):
        story.append(pdf.paragraph(date_format(day, "l, j F Y"), styles["heading"]))
        header = (_("Time"), _("Place"), _("Activity"), _("Participants"))
        data = [[pdf.paragraph(text, cell) for text in header]]
        for item in day_items:
            time = item.starts_at.strftime("%H:%M")
            if item.ends_at:
                time += "–" + item.ends_at.strftime("%H:%M")
            data.append(
                [
                    pdf.paragraph(time, cell),
                    pdf.paragraph(item.place, cell),
                    pdf.paragraph(item.activity_in(language), cell),
                    pdf.paragraph(item.participants, cell),
                ]
            )
        table = Table(data, colWidths=[26 * mm, 44 * mm, 65 * mm, 45 * mm], repeatRows=1)
        table.setStyle(branding.table_style())
        story.append(table)
    story.append(_people_table(delegation(visit_file), branding, styles, _("The delegation")))
    story.append(_people_table(hosts(visit_file), branding, styles, _("The hosts")))
    logistics = [
        (_("Logistics"), visit_file.logistics),
        (_("Interpreters"), visit_file.interpreters),
    ]
    for label, text in logistics:
        if text.strip():
            story += [pdf.paragraph(label, styles["heading"]), pdf.paragraph(text, styles["body"])]
    return story


def _seating_drawing(guests: list[Person], home: list[Person], branding) -> Drawing:
    """The table seen from above: the hosts along the top, facing down, the delegation along
    the bottom, facing up, each seat marked with its rank; the two first in precedence face
    each other in the middle."""
    width, height = 180 * mm, 62 * mm
    drawing = Drawing(width, height)
    # The hosts face the reader: a host's right is the reader's left, as seating_order
    # draws it. The delegation turns its back to the reader: its order is mirrored.
    rows = [
        (seating_order(len(home)), 48 * mm, branding.primary, _("The hosts"), 54.5 * mm),
        (
            seating_order(len(guests))[::-1],
            14 * mm,
            branding.secondary,
            _("The delegation"),
            3 * mm,
        ),
    ]
    # Seats reach this far on either side of the middle one.
    reach = max(
        (max(order.index(1), len(order) - 1 - order.index(1)) for order, *_rest in rows if order),
        default=0,
    )
    step = min(16 * mm, (width - 30 * mm) / (2 * reach + 1))
    middle = width / 2
    table_width = (2 * reach + 1) * step + 6 * mm
    drawing.add(
        Rect(
            middle - table_width / 2,
            20 * mm,
            table_width,
            22 * mm,
            fillColor=colors.HexColor("#eef2f6"),
        )
    )
    for order, y, colour, label, label_y in rows:
        if not order:
            continue
        centre = order.index(1)
        for index, rank in enumerate(order):
            x = middle + (index - centre) * step
            drawing.add(
                Circle(x, y, min(4.5 * mm, step / 2.2), fillColor=colour, strokeColor=colour)
            )
            drawing.add(
                String(
                    x,
                    y - 1.3 * mm,
                    str(rank),
                    fontName=pdf.FONT_BOLD,
                    fontSize=9 if step >= 8 * mm else 6.5,
                    fillColor=colors.white,
                    textAnchor="middle",
                )
            )
        drawing.add(
            String(middle, label_y, label, fontName=pdf.FONT, fontSize=8.5, textAnchor="middle")
        )
    return drawing


def _seating_story(visit_file: VisitFile, branding, language: str) -> list:
    styles = branding.styles()
    cell = styles["cell"]
    guests, home = delegation(visit_file), hosts(visit_file)
    story = [
        pdf.paragraph(str(SEATING_TITLE), styles["title"]),
        pdf.paragraph(_visit_title(visit_file, language), styles["heading"]),
        *_visit_facts(visit_file, styles),
        Spacer(1, 3 * mm),
        _seating_drawing(guests, home, branding),
        pdf.paragraph(
            _(
                "The first in precedence of each side sits in the middle, facing the other; "
                "the second on their right, the third on their left, and so on."
            ),
            styles["small"],
        ),
        pdf.paragraph(_("Order of precedence"), styles["heading"]),
    ]
    header = (_("No."), _("The hosts"), _("The delegation"))
    data = [[pdf.paragraph(text, cell) for text in header]]
    for rank in range(max(len(guests), len(home))):
        row = [pdf.paragraph(rank + 1, cell)]
        for people in (home, guests):
            person = people[rank] if rank < len(people) else None
            text = f"{person.name}\n{person.role}".strip() if person else ""
            row.append(pdf.paragraph(text, cell))
        data.append(row)
    table = Table(data, colWidths=[14 * mm, 83 * mm, 83 * mm], repeatRows=1)
    table.setStyle(branding.table_style())
    story.append(table)
    return story


def _document(visit_file: VisitFile, build_story, title) -> bytes:
    visit = visit_file.visit
    branding = pdf.Branding(visit.get_site())
    story: list = []
    titles = []
    for index, language in enumerate(visit_file.programme_languages()):
        with translation.override(language):
            if index:
                story.append(PageBreak())
            story += build_story(visit_file, branding, language)
            titles.append(f"{title}: {_visit_title(visit_file, language)}")
    return pdf.render(story, branding=branding, title=" / ".join(titles), footer=titles[0])


def programme_pdf(visit_file: VisitFile) -> bytes:
    """The programme of the visit: day by day, the delegation and hosts, the logistics."""
    return _document(visit_file, _programme_story, PROGRAMME_TITLE)


def seating_pdf(visit_file: VisitFile) -> bytes:
    """The seating plan and the order of precedence of both sides."""
    return _document(visit_file, _seating_story, SEATING_TITLE)
