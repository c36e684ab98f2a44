"""The contacts register's CSV import and export (the service and ``press_contacts``)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from site_s6.press.models import Beat, Journalist, Outlet
from site_s6.press.services.contacts_csv import (
    COLUMNS,
    ImportFileError,
    contacts_export,
    contacts_import,
)
from tests.conftest import for_test

HEADER = "name,email,outlet,outlet_kind,beats,phone,language,lawful_basis,source,notes\n"


def build():
    radio = Outlet.objects.create(name="Radio Vest", kind=Outlet.Kind.RADIO)
    known = Journalist.objects.create(
        name="Ștefan Țurcanu", email="stefan@example.ro", outlet=radio, phone="0721 000 001"
    )
    known.beats.add("Transport")
    Journalist.objects.create(name="Ana Popa", email="ana@example.ro", opted_out=True)
    return {"radio": radio, "known": known}


@pytest.fixture(scope="module")
def shared(module_db):
    return module_db(build)


@pytest.fixture
def register(db, shared):
    return for_test(shared)


@pytest.fixture(autouse=True)
def _english():
    # The reasons are read in the language they are written in; the admin's Romanian is
    # read in test_contacts_admin.
    with translation.override("en"):
        yield


def csv_bytes(*lines: str, bom: bool = False) -> bytes:
    text = HEADER + "".join(line + "\n" for line in lines)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_diacritics_and_a_byte_order_mark_are_read_as_written(register):
    data = csv_bytes(
        "Ioana Mărgărit,Ioana.Margarit@Example.ro,Știrile Sectorului,online,"
        "educație; asistență socială,0722 111 222,ro,consent,cartea de vizită,Preferă e-mail",
        bom=True,
    )
    summary = contacts_import(data=data)
    assert (summary.created, summary.updated, summary.skipped) == (1, 0, 0)
    person = Journalist.objects.select_related("outlet").get(email="ioana.margarit@example.ro")
    assert person.name == "Ioana Mărgărit"
    assert person.outlet.name == "Știrile Sectorului"
    assert person.outlet.kind == Outlet.Kind.ONLINE
    assert sorted(person.beats.names()) == ["asistență socială", "educație"]
    assert (person.lawful_basis, person.source, person.notes) == (
        "consent",
        "cartea de vizită",
        "Preferă e-mail",
    )
    assert summary.outlets_created == 1 and summary.beats_created == 2


def test_a_semicolon_separated_file_from_a_romanian_spreadsheet_is_read(register):
    data = ('\ufeffname;email;beats\r\nRadu Ionescu;radu@example.com;"cultură;sport"\r\n').encode()
    summary = contacts_import(data=data)
    assert summary.created == 1
    assert sorted(Journalist.objects.get(email="radu@example.com").beats.names()) == [
        "cultură",
        "sport",
    ]


def test_duplicate_addresses_update_instead_of_duplicating(register):
    data = csv_bytes(
        # Twice in the file, in two cases: one person, the later cells winning.
        "Maria Enache,maria@example.ro,,,cultură,,,,,",
        "Maria Enache-Pop,MARIA@example.RO,,,economie,0733 000 000,en,,,",
        # Already in the register under another case: updated, beats added.
        "Ștefan Țurcanu,Stefan@Example.ro,radio vest,,Sănătate,0721 000 009,,,,",
        # Already in the register and nothing new.
        "Ana Popa,ana@example.ro,,,,,,,,",
    )
    summary = contacts_import(data=data)
    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 1)
    assert summary.repeated == 1
    assert Journalist.objects.filter(email__iexact="maria@example.ro").count() == 1
    maria = Journalist.objects.get(email="maria@example.ro")
    assert (maria.name, maria.phone, maria.language) == ("Maria Enache-Pop", "0733 000 000", "en")
    assert sorted(maria.beats.names()) == ["cultură", "economie"]
    stefan = Journalist.objects.get(email="stefan@example.ro")
    assert stefan.phone == "0721 000 009"
    assert stefan.outlet_id == register["radio"].pk  # matched whatever the name's case
    assert sorted(stefan.beats.names()) == ["Sănătate", "Transport"]
    assert Outlet.objects.count() == 1
    # An import never takes back someone's opt-out.
    assert Journalist.objects.get(email="ana@example.ro").opted_out


def test_malformed_rows_are_skipped_and_reported_by_line(register):
    data = csv_bytes(
        "Bun,bun@example.ro,,,,,,,,",
        ",fara.nume@example.ro,,,,,,,,",
        "Fără adresă,,,,,,,,,",
        "Adresă greșită,nu-e-adresa,,,,,,,,",
        "Tip greșit,tip@example.ro,Ziar,revistă,,,,,,",
        '"Nume pe\ndouă rânduri",doua@example.ro,,,,,,,,',
        "Limbă,limba@example.ro,,,,,de,,,",
        "Prea multe,multe@example.ro,,,,,,,,,extra",
        "",
        "Tot bun,totbun@example.ro,,,,,,,,",
    )
    summary = contacts_import(data=data)
    problems = {problem.line: problem.reason for problem in summary.problems}
    assert sorted(problems) == [3, 4, 5, 6, 7, 9, 10]
    assert "name" in problems[3]
    assert "e-mail" in problems[4]
    assert "nu-e-adresa" in problems[5]
    assert "revistă" in problems[6]
    assert "line break" in problems[7]
    assert "de" in problems[9]
    assert "cells" in problems[10]
    assert summary.created == 2
    assert set(Journalist.objects.values_list("email", flat=True)) >= {
        "bun@example.ro",
        "totbun@example.ro",
    }
    assert not Journalist.objects.filter(email="fara.nume@example.ro").exists()


def test_a_file_that_cannot_be_read_imports_nothing(register):
    with pytest.raises(ImportFileError, match="UTF-8"):
        contacts_import(data=HEADER.encode() + "Ion,ion@example.ro\n".encode("cp1250") + b"\xaa")
    with pytest.raises(ImportFileError, match="email"):
        contacts_import(data=b"name,e-mail\nIon,ion@example.ro\n")
    with pytest.raises(ImportFileError):
        contacts_import(data=b"")
    assert Journalist.objects.count() == 2


def test_a_dry_run_reports_and_changes_nothing(register):
    summary = contacts_import(
        data=csv_bytes("Nou,nou@example.ro,Ziar Nou,print,,,,,,"), dry_run=True
    )
    assert (summary.created, summary.outlets_created) == (1, 1)
    assert not Journalist.objects.filter(email="nou@example.ro").exists()
    assert not Outlet.objects.filter(name="Ziar Nou").exists()


def many_rows(count: int, *, offset: int = 0) -> bytes:
    kinds = ["tv", "radio", "print", "online", "agency"]
    lines = [
        f"Jurnalist Ăîșț {n},jurnalist{n}@example.ro,Redacția {n % 40},{kinds[n % 5]},"
        f"beat {n % 7}; comun,07{n:08d},ro,legitimate_interest,import,"
        for n in range(offset, offset + count)
    ]
    return csv_bytes(*lines)


#: The queries of a fresh import, whatever its length: a savepoint, its release, the
#: outlets and the beats read and created, the people read and created, their beat links
#: created. SQLite takes at most 999 parameters a statement, so Django splits the 10,000
#: new people (12 columns: 83 a statement, 121 statements) and their 20,000 beat links
#: (2 columns: 499 a statement, 41 statements); PostgreSQL takes each in one.
FRESH_IMPORT_QUERIES = {"postgresql": 9, "sqlite": 9 - 2 + 121 + 41}


def test_ten_thousand_rows_import_in_a_fixed_number_of_queries(register, django_assert_num_queries):
    data = many_rows(10_000)
    with django_assert_num_queries(FRESH_IMPORT_QUERIES[connection.vendor]):
        summary = contacts_import(data=data)
    assert (summary.rows, summary.created, summary.skipped) == (10_000, 10_000, 0)
    assert summary.outlets_created == 40 and summary.beats_created == 8
    person = Journalist.objects.get(email="jurnalist9999@example.ro")
    assert person.name == "Jurnalist Ăîșț 9999"
    assert sorted(person.beats.names()) == ["beat 3", "comun"]


def test_a_second_import_of_the_same_people_updates_them(register):
    contacts_import(data=many_rows(1_200))
    changed = many_rows(1_200).replace(b",import,", b",import 2,")
    summary = contacts_import(data=changed)
    assert (summary.created, summary.updated) == (0, 1_200)
    assert Journalist.objects.filter(source="import 2").count() == 1_200
    again = contacts_import(data=changed)
    assert (again.updated, again.unchanged) == (0, 1_200)


def test_the_export_imports_back_as_it_was(register):
    contacts_import(
        data=csv_bytes(
            "Elena Dobre,elena@example.ro,Agerpres,agency,justiție; ordine publică,"
            '+40 721 000 000,en,public_task,"conferința, 2026","Notă pe\ndouă rânduri"',
            "=Formula Hack,formula@example.ro,,,,@cmd,,,,",
        )
    )
    exported = "".join(contacts_export(queryset=Journalist.objects.order_by("email")))
    assert exported.startswith("\ufeff" + ",".join(COLUMNS))
    # Cells a spreadsheet would run as formulas are defused.
    assert "'=Formula Hack" in exported and "'+40 721 000 000" in exported
    before = {
        person.email: (
            person.name,
            person.outlet.name if person.outlet else "",
            person.phone,
            person.language,
            person.lawful_basis,
            person.source,
            person.notes,
            person.opted_out,
            tuple(sorted(person.beats.names())),
        )
        for person in Journalist.objects.select_related("outlet")
    }
    Journalist.objects.all().delete()
    Outlet.objects.all().delete()
    Beat.objects.all().delete()
    summary = contacts_import(data=exported.encode("utf-8"))
    assert summary.skipped == 0 and summary.created == len(before)
    after = {
        person.email: (
            person.name,
            person.outlet.name if person.outlet else "",
            person.phone,
            person.language,
            person.lawful_basis,
            person.source,
            person.notes,
            person.opted_out,
            tuple(sorted(person.beats.names())),
        )
        for person in Journalist.objects.select_related("outlet")
    }
    assert after == before
    assert Outlet.objects.get(name="Agerpres").kind == Outlet.Kind.AGENCY


def test_the_command_imports_and_exports_through_the_same_service(register, tmp_path):
    source = tmp_path / "contacte.csv"
    source.write_bytes(csv_bytes("Dan Voicu,dan@example.ro,,,,,,,,", "Rău,,,,,,,,,", bom=True))
    out, err = io.StringIO(), io.StringIO()
    call_command("press_contacts", "--import", str(source), stdout=out, stderr=err)
    assert "1 created" in out.getvalue() and "1 skipped" in out.getvalue()
    assert "line 3:" in err.getvalue()
    target = tmp_path / "export.csv"
    call_command("press_contacts", "--export", str(target), stdout=io.StringIO())
    text = target.read_text(encoding="utf-8-sig")
    assert "dan@example.ro" in text and "stefan@example.ro" in text
    with pytest.raises(CommandError):
        call_command("press_contacts", "--import", str(tmp_path / "missing.csv"))
