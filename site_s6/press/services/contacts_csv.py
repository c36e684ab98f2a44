"""The contacts register in CSV: one import (the admin's upload and ``press_contacts
--import`` alike) and one export, with the same columns, so an export imports back as is.

The import reads UTF-8 with or without a byte order mark, separated by commas or by
semicolons (what a spreadsheet in Romanian saves), and finds people by e-mail address,
whatever its case: a person already in the register, or met earlier in the same file, is
updated instead of duplicated. A malformed row is skipped and reported by its line number
with the reason. The whole file is one transaction and a fixed number of bulk queries,
whatever its length (the database only splits a bulk insert where its parameters run out).
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from site_s6.core.text import LINE_BREAKS

from ..models import Beat, Journalist, JournalistBeat, Outlet
from ..personal_data import normalise_email

#: The columns of the import and of the export, in the export's order.
COLUMNS = (
    "name",
    "email",
    "outlet",
    "outlet_kind",
    "beats",
    "phone",
    "language",
    "lawful_basis",
    "source",
    "notes",
    "opted_out",
)
REQUIRED_COLUMNS = ("name", "email")
BEAT_SEPARATOR = ";"
#: What an ``opted_out`` cell may say to opt a person out; anything else changes nothing.
YES = frozenset({"yes", "da", "true", "1", "x"})
#: A cell a spreadsheet would run as a formula starts with one of these; the export puts an
#: apostrophe before it (shown by no spreadsheet) and the import takes it away again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Changed people are written in batches of this many (one UPDATE … CASE per batch: a
#: single statement for thousands of rows costs the database more than a few batches).
UPDATE_BATCH = 500

#: The fields a row may set on a person, with their length limits.
PERSON_FIELDS = ("name", "phone", "language", "lawful_basis", "source", "notes")
MAX_LENGTHS = {
    "name": Journalist._meta.get_field("name").max_length,
    "email": Journalist._meta.get_field("email").max_length,
    "outlet": Outlet._meta.get_field("name").max_length,
    "phone": Journalist._meta.get_field("phone").max_length,
    "source": Journalist._meta.get_field("source").max_length,
}
BEAT_MAX_LENGTH = Beat._meta.get_field("name").max_length
ONE_LINE = ("name", "email", "outlet", "phone", "source")


class ImportFileError(Exception):
    """The file as a whole cannot be read (not UTF-8, no header, a required column
    missing): nothing is imported."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    reason: str


@dataclass
class ImportSummary:
    """What an import did (or, checked only, would do)."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Rows repeating an address met earlier in the file, merged into that person.
    repeated: int = 0
    outlets_created: int = 0
    beats_created: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def skipped(self) -> int:
        return len(self.problems)


@dataclass
class Record:
    """One person as the file describes them, merged over the rows with their address."""

    email: str
    line: int
    values: dict = field(default_factory=dict)
    outlet: str = ""
    outlet_kind: str = ""
    beats: dict = field(default_factory=dict)  # lower-case name → name as written
    opt_out: bool = False


def contacts_import(*, data: bytes, dry_run: bool = False) -> ImportSummary:
    """Imports a CSV file of contacts (its bytes) and returns what changed.

    With ``dry_run`` everything is checked and counted, then rolled back. Raises
    ``ImportFileError`` when the file cannot be read at all.
    """
    rows, ignored = read_rows(data)
    summary = ImportSummary(ignored_columns=ignored, dry_run=dry_run)
    records = parse_records(rows, summary)
    with transaction.atomic():
        write_records(records, summary)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def decode(data: bytes) -> str:
    try:
        # ``utf-8-sig`` drops the byte order mark a spreadsheet may put first.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("The file is not UTF-8 text (byte %(position)d). Save it as “CSV UTF-8”.")
            % {"position": error.start + 1}
        ) from error


def read_rows(data: bytes) -> tuple[Iterator[tuple[int, dict | str]], list[str]]:
    """The rows of the file after a checked header, each with the line it starts on: a
    dict of its cells by column, or the reason it cannot be read."""
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    except csv.Error as error:
        raise ImportFileError(
            _("The header cannot be read: %(error)s") % {"error": error}
        ) from None
    columns = [name.strip().lower() for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    ignored = [name for name in columns if name and name not in COLUMNS]

    def rows() -> Iterator[tuple[int, dict | str]]:
        line = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield line, _("The row cannot be read: %(error)s") % {"error": error}
                line = reader.line_num + 1
                continue
            if cells and any(cell.strip() for cell in cells):
                if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
                    yield (
                        line,
                        _("The row has %(cells)d cells, the header %(columns)d.")
                        % {
                            "cells": len(cells),
                            "columns": len(columns),
                        },
                    )
                else:
                    yield line, dict(zip(columns, cells, strict=False))
            line = reader.line_num + 1

    return rows(), ignored


def guarded(value: str) -> str:
    """``value`` safe to open in a spreadsheet: never run as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def unguarded(value: str) -> str:
    """``value`` as it was before ``guarded``."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def clean_row(row: dict) -> dict:
    """The row's values, stripped and checked; raises ``ValidationError`` with the reason."""
    values = {name: unguarded((row.get(name) or "").strip()) for name in COLUMNS}
    if not values["name"]:
        raise ValidationError(_("The name is empty."))
    if not values["email"]:
        raise ValidationError(_("The e-mail address is empty."))
    values["email"] = normalise_email(values["email"])
    for name in ONE_LINE:
        if LINE_BREAKS.search(values[name]):
            raise ValidationError(_("The %(column)s column has a line break.") % {"column": name})
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            raise ValidationError(
                _("The %(column)s column is longer than %(limit)d characters.")
                % {"column": name, "limit": limit}
            )
    try:
        validate_email(values["email"])
    except ValidationError:
        raise ValidationError(
            _("“%(email)s” is not an e-mail address.") % {"email": values["email"]}
        ) from None
    choices = {
        "outlet_kind": Outlet.Kind.values,
        "language": [code for code, _name in Journalist._meta.get_field("language").choices],
        "lawful_basis": Journalist.LawfulBasis.values,
    }
    for name, allowed in choices.items():
        values[name] = values[name].lower()
        if values[name] and values[name] not in allowed:
            raise ValidationError(
                _("The %(column)s “%(value)s” is not one of: %(allowed)s.")
                % {"column": name, "value": values[name], "allowed": ", ".join(allowed)}
            )
    if values["outlet_kind"] and not values["outlet"]:
        raise ValidationError(_("The outlet kind is given without an outlet."))
    beats = [beat.strip() for beat in values["beats"].split(BEAT_SEPARATOR)]
    values["beats"] = [beat for beat in beats if beat]
    for beat in values["beats"]:
        if len(beat) > BEAT_MAX_LENGTH or LINE_BREAKS.search(beat):
            raise ValidationError(_("The beat “%(beat)s” is too long.") % {"beat": beat[:40]})
    values["opted_out"] = values["opted_out"].lower() in YES
    return values


def parse_records(rows: Iterable, summary: ImportSummary) -> dict[str, Record]:
    """One record per address, the rows with the same address merged in file order (a
    non-empty cell of a later row replaces the value; beats add up)."""
    records: dict[str, Record] = {}
    for line, row in rows:
        summary.rows += 1
        if isinstance(row, str):
            summary.problems.append(RowProblem(line, row))
            continue
        try:
            values = clean_row(row)
        except ValidationError as error:
            summary.problems.append(RowProblem(line, " ".join(error.messages)))
            continue
        record = records.get(values["email"])
        if record is None:
            record = records[values["email"]] = Record(email=values["email"], line=line)
        else:
            summary.repeated += 1
        record.values.update({name: values[name] for name in PERSON_FIELDS if values[name]})
        if values["outlet"]:
            record.outlet = values["outlet"]
            record.outlet_kind = values["outlet_kind"] or record.outlet_kind
        for beat in values["beats"]:
            record.beats.setdefault(beat.lower(), beat)
        record.opt_out = record.opt_out or values["opted_out"]
    return records


def outlets_for(records: Iterable[Record], summary: ImportSummary) -> dict[str, Outlet]:
    """The outlets the records name, by lower-case name, missing ones created (with the
    first kind the file gives them). An existing outlet keeps its kind."""
    wanted: dict[str, Record] = {}
    for record in records:
        if record.outlet:
            key = record.outlet.lower()
            if key not in wanted or (record.outlet_kind and not wanted[key].outlet_kind):
                wanted[key] = record
    if not wanted:
        return {}
    outlets = {
        outlet.lowered: outlet
        for outlet in Outlet.objects.annotate(lowered=Lower("name")).filter(lowered__in=wanted)
    }
    new = [
        Outlet(name=record.outlet, kind=record.outlet_kind or Outlet.Kind.ONLINE)
        for key, record in wanted.items()
        if key not in outlets
    ]
    if new:
        for outlet in Outlet.objects.bulk_create(new):
            outlets[outlet.name.lower()] = outlet
        summary.outlets_created = len(new)
    return outlets


def beats_for(records: Iterable[Record], summary: ImportSummary) -> dict[str, Beat]:
    """Every beat the records name, by lower-case name, missing ones created with a
    unique slug (the register holds a few dozen beats: they are read in one query)."""
    wanted: dict[str, str] = {}
    for record in records:
        for key, name in record.beats.items():
            wanted.setdefault(key, name)
    if not wanted:
        return {}
    existing = list(Beat.objects.all())
    beats = {beat.name.lower(): beat for beat in existing}
    slugs = {beat.slug for beat in existing}
    new = []
    for key, name in wanted.items():
        if key in beats:
            continue
        beat = Beat(name=name)
        base = beat.slugify(name)[: BEAT_MAX_LENGTH - 8] or "beat"
        slug, number = base, 0
        while slug in slugs:
            number += 1
            slug = f"{base}_{number}"
        beat.slug = slug
        slugs.add(slug)
        beats[key] = beat
        new.append(beat)
    if new:
        Beat.objects.bulk_create(new)
        summary.beats_created = len(new)
    return beats


def write_records(records: dict[str, Record], summary: ImportSummary) -> None:
    """Creates the new people and updates the known ones, in bulk."""
    if not records:
        return
    outlets = outlets_for(records.values(), summary)
    beats = beats_for(records.values(), summary)
    known = {person.email: person for person in Journalist.objects.filter(email__in=records)}
    known_beats: set[tuple[int, int]] = set()
    if known:
        known_beats = set(
            JournalistBeat.objects.filter(
                content_object_id__in=[person.pk for person in known.values()]
            ).values_list("content_object_id", "tag_id")
        )
    now = timezone.now()
    new_people, links = [], []
    changed_people: dict[frozenset, list[Journalist]] = {}
    for email, record in records.items():
        outlet = outlets.get(record.outlet.lower()) if record.outlet else None
        person = known.get(email)
        if person is None:
            person = Journalist(email=email, outlet=outlet, opted_out=record.opt_out)
            for name, value in record.values.items():
                setattr(person, name, value)
            new_people.append((person, record))
            continue
        fields = set()
        for name, value in record.values.items():
            if getattr(person, name) != value:
                setattr(person, name, value)
                fields.add(name)
        if outlet is not None and person.outlet_id != outlet.pk:
            person.outlet = outlet
            fields.add("outlet")
        # An import may opt a person out, never back in: only they can take that back.
        if record.opt_out and not person.opted_out:
            person.opted_out = True
            fields.add("opted_out")
        new_links = [
            JournalistBeat(content_object_id=person.pk, tag_id=beats[key].pk)
            for key in record.beats
            if (person.pk, beats[key].pk) not in known_beats
        ]
        links.extend(new_links)
        if fields or new_links:
            changed_people.setdefault(frozenset(fields), []).append(person)
        else:
            summary.unchanged += 1
    if new_people:
        created = Journalist.objects.bulk_create([person for person, _record in new_people])
        for person, (_unsaved, record) in zip(created, new_people, strict=True):
            links.extend(
                JournalistBeat(content_object_id=person.pk, tag_id=beats[key].pk)
                for key in record.beats
            )
    # Grouped by the fields that changed, so that each UPDATE sets only those: Django
    # builds one CASE branch per person and field, and those cost more than the database.
    for fields, people in changed_people.items():
        if fields:
            Journalist.objects.bulk_update(people, sorted(fields), batch_size=UPDATE_BATCH)
    if changed_people:
        # One time for everyone changed: a plain UPDATE, no CASE.
        Journalist.objects.filter(
            pk__in=[person.pk for people in changed_people.values() for person in people]
        ).update(updated_at=now)
    if links:
        JournalistBeat.objects.bulk_create(links)
    summary.created = len(new_people)
    summary.updated = sum(len(people) for people in changed_people.values())


def contacts_for_export(queryset) -> Iterable[Journalist]:
    """The people of ``queryset`` with their outlet and beats, in three queries."""
    # Whatever the caller prefetched is replaced: one prefetch of the beats is enough.
    return (
        queryset.select_related("outlet")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("tagged_beats", queryset=JournalistBeat.objects.select_related("tag"))
        )
    )


def contact_row(person: Journalist) -> list[str]:
    """One person as a row of ``COLUMNS``."""
    beats = sorted((link.tag.name for link in person.tagged_beats.all()), key=str.lower)
    cells = [
        person.name,
        person.email,
        person.outlet.name if person.outlet else "",
        person.outlet.kind if person.outlet else "",
        f"{BEAT_SEPARATOR} ".join(beats),
        person.phone,
        person.language,
        person.lawful_basis,
        person.source,
        person.notes,
        "yes" if person.opted_out else "",
    ]
    return [guarded(cell) for cell in cells]


class _Line:
    """A file-like object that hands back what the CSV writer writes to it."""

    def write(self, value):
        return value


def contacts_export(*, queryset) -> Iterator[str]:
    """The people of ``queryset`` as CSV text, piece by piece (for a streamed response
    or a file), beginning with a byte order mark so that spreadsheets read it as UTF-8."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for person in contacts_for_export(queryset).iterator(chunk_size=2000):
        yield writer.writerow(contact_row(person))
