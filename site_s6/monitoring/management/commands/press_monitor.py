"""The press review's sources from the command line: OPML in and out, and a poll now."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from site_s6.monitoring.models import Source
from site_s6.monitoring.opml import OPMLError, export_opml, import_opml
from site_s6.monitoring.polling import poll_all


class Command(BaseCommand):
    help = (
        "Press review sources: --import-opml FILE, --export-opml FILE, --once to poll every "
        "active source now (in this process, one after the other)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--import-opml", metavar="FILE", help="Add or update sources.")
        parser.add_argument("--export-opml", metavar="FILE", help="Write every source ('-': out).")
        parser.add_argument("--once", action="store_true", help="Poll every active source now.")

    def handle(self, *args, **options):
        if not (options["import_opml"] or options["export_opml"] or options["once"]):
            raise CommandError("Give --import-opml FILE, --export-opml FILE or --once.")
        if path := options["import_opml"]:
            try:
                report = import_opml(Path(path).read_bytes())
            except OSError as error:
                raise CommandError(f"Cannot read {path}: {error}") from None
            except OPMLError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"OPML import: {report}")
            for url in report.skipped:
                self.stderr.write(f"  skipped (not an http(s) URL): {url}")
        if path := options["export_opml"]:
            document = export_opml()
            if path == "-":
                self.stdout.write(document.decode("utf-8"))
            else:
                Path(path).write_bytes(document)
                self.stdout.write(f"OPML export: {Source.objects.count()} sources to {path}")
        if options["once"]:
            names = dict(Source.objects.values_list("pk", "name"))
            results = poll_all()
            failed = 0
            for source_id, result in results.items():
                failed += bool(result.error)
                self.stdout.write(f"{names.get(source_id, source_id)}: {result}")
            created = sum(result.created for result in results.values())
            self.stdout.write(
                f"Polled {len(results)} sources: {created} new clippings, {failed} failed."
            )
