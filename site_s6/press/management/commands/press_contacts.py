"""Imports or exports the press contacts register in CSV (the columns are described in
docs/press-office.md); the admin's import screen runs the same service."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from site_s6.press.models import Journalist
from site_s6.press.services.contacts_csv import ImportFileError, contacts_export, contacts_import


class Command(BaseCommand):
    help = "Import (--import FILE) or export (--export FILE) the press contacts register in CSV."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--import", dest="import_path", metavar="FILE", help="CSV to import")
        action.add_argument("--export", dest="export_path", metavar="FILE", help="CSV to write")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; change nothing."
        )

    def handle(self, *args, import_path=None, export_path=None, dry_run=False, **options):
        if export_path:
            return self.export(Path(export_path))
        try:
            data = Path(import_path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {import_path}: {error.strerror}") from error
        try:
            summary = contacts_import(data=data, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for problem in summary.problems:
            self.stderr.write(f"line {problem.line}: {problem.reason}")
        if summary.ignored_columns:
            self.stdout.write(f"ignored columns: {', '.join(summary.ignored_columns)}")
        prefix = "would import (dry run)" if dry_run else "imported"
        self.stdout.write(
            f"{prefix}: {summary.rows} rows, {summary.created} created, {summary.updated} "
            f"updated, {summary.unchanged} unchanged, {summary.repeated} repeated in the file, "
            f"{summary.skipped} skipped; {summary.outlets_created} outlets and "
            f"{summary.beats_created} beats created"
        )

    def export(self, path: Path) -> None:
        rows = 0
        with path.open("w", encoding="utf-8", newline="") as output:
            for piece in contacts_export(queryset=Journalist.objects.order_by("name", "pk")):
                output.write(piece)
                rows += 1
        self.stdout.write(f"exported {rows - 1} contacts to {path}")
