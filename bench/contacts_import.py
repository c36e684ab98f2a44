"""Benchmark of the press contacts register's CSV import: 10,000 rows, in rows per second.

Creates a PostgreSQL database on loopback (``BENCH_PG_URL``, as ``make bench``), migrates
it, generates a CSV file of journalists (Romanian diacritics, beats, 40 outlets), then
times on the same database: the first import (everyone new), the same file again
(everyone unchanged), the file with every person changed (everyone updated), and the
export of the register. Each import reports its rows per second and SQL queries. The
database is dropped at the end. Results go to ``bench/results/contacts-import.json``.

Run with ``make bench-import`` (``BENCH_IMPORT_ARGS="--rows 50000"`` for another size).
The test suite pins the import's query count; the time is measured here, never in a test.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LOOPBACK = "127.0.0.1"
KINDS = ["tv", "radio", "print", "online", "agency"]


def generate(rows: int, *, source: str = "import") -> bytes:
    """A CSV of ``rows`` journalists, as a spreadsheet saves it (with a byte order mark)."""
    lines = ["name,email,outlet,outlet_kind,beats,phone,language,lawful_basis,source,notes"]
    lines.extend(
        f"Jurnalist Ăîșțâ {n},jurnalist{n}@example.ro,Redacția „Știri” {n % 40},"
        f"{KINDS[n % 5]},educație {n % 7}; administrație,07{n:08d},{'en' if n % 9 == 0 else 'ro'},"
        f"legitimate_interest,{source},Notă pentru {n}"
        for n in range(rows)
    )
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def database_url(admin_url: str, name: str) -> str:
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_execute(admin_url: str, sql: str) -> None:
    import psycopg2

    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def timed_import(data: bytes, rows: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from site_s6.press.services.contacts_csv import contacts_import

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        summary = contacts_import(data=data)
        seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 3),
        "rows_per_second": round(rows / seconds),
        "queries": len(queries),
        "created": summary.created,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "skipped": summary.skipped,
    }


def timed_export() -> dict:
    from site_s6.press.models import Journalist
    from site_s6.press.services.contacts_csv import contacts_export

    started = time.perf_counter()
    size = sum(len(piece) for piece in contacts_export(queryset=Journalist.objects.all()))
    seconds = time.perf_counter() - started
    count = Journalist.objects.count()
    return {
        "seconds": round(seconds, 3),
        "rows_per_second": round(count / seconds),
        "characters": size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", f"postgres://postgres@{LOOPBACK}:5432/postgres"),
        help="a PostgreSQL server's maintenance database, to create the bench database on",
    )
    args = parser.parse_args()
    if urlsplit(args.pg_url).hostname not in (LOOPBACK, "localhost"):
        parser.error("the benchmark connects on loopback only")
    name = f"s6_bench_contacts_{os.getpid()}"
    admin_execute(args.pg_url, f'CREATE DATABASE "{name}"')
    try:
        os.environ["DATABASE_URL"] = database_url(args.pg_url, name)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_s6.settings.dev")
        sys.path.insert(0, str(ROOT))
        import django
        from django.conf import settings
        from django.core.management import call_command

        django.setup()
        # Queries are counted through Django's debug cursor, whatever DEBUG says.
        from django.db import connection

        connection.force_debug_cursor = True
        call_command("migrate", verbosity=0)
        results = {
            "rows": args.rows,
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            # On a shared machine the times move with the load: read them beside it.
            "load_average_before": round(os.getloadavg()[0], 2),
            "first_import": timed_import(generate(args.rows), args.rows),
            "same_file_again": timed_import(generate(args.rows), args.rows),
            "every_row_changed": timed_import(generate(args.rows, source="import 2"), args.rows),
            "export": timed_export(),
        }
        connection.close()
    finally:
        admin_execute(args.pg_url, f'DROP DATABASE IF EXISTS "{name}"')
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "contacts-import.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"Contacts CSV import, {args.rows:,} rows on {results['database']}:")
    for label in ("first_import", "same_file_again", "every_row_changed"):
        run = results[label]
        print(
            f"  {label.replace('_', ' '):<18} {run['seconds']:>7.2f} s  "
            f"{run['rows_per_second']:>8,} rows/s  {run['queries']:>4} queries"
        )
    export = results["export"]
    print(f"  {'export':<18} {export['seconds']:>7.2f} s  {export['rows_per_second']:>8,} rows/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
