import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_s6.demo.loader import DemoLoader
from site_s6.search.indexing import rebuild as search_index_rebuild
from site_s6.search.signal_handlers import indexing_deferred


class Command(BaseCommand):
    help = (
        "Build the demo: five sites with their institutions, demo users and original "
        "content dated relative to today. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG=False. The demo users have a public password.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help=(
                "Port the demo sites are served on, which their absolute links carry: "
                "PORT from the environment (as `make run` and honcho pass it), else 8000. "
                "Loading again with another port moves the sites."
            ),
        )

    def handle(self, *args, force=False, port=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load the demo with DEBUG=False: its users share a public "
                "password. Use --force if this really is a demo server."
            )
        if port is None:
            port = int(os.environ.get("PORT") or 8000)
        # The demo's pages are indexed here, in one pass, rather than by a task each: the
        # demo is searchable at once, and the worker's queue is left to what people
        # publish; this also covers pages the loader wrote without publishing.
        with indexing_deferred():
            report = DemoLoader(port=port).run()
        indexed = search_index_rebuild()
        if not report.created:
            self.stdout.write("The demo is already loaded; nothing to do.")
            return
        for what, count in report.created.items():
            self.stdout.write(f"  + {count} {what}")
        self.stdout.write(f"  {indexed} pages indexed for search")
        self.stdout.write(self.style.SUCCESS("Demo loaded."))
