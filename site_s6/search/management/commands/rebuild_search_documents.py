"""``manage.py rebuild_search_documents``: build the search index of every page anew."""

import time

from django.core.management.base import BaseCommand

from site_s6.search.indexing import BATCH, rebuild


class Command(BaseCommand):
    help = (
        "Write the search document of every page from its current row (idempotent): after "
        "an upgrade, a restore, a bulk import, or a change of the text search configurations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH, help="Pages per transaction.")

    def handle(self, *args, batch, **options):
        started = time.monotonic()
        count = rebuild(batch=batch)
        self.stdout.write(
            f"Indexed {count} pages for search in {time.monotonic() - started:.1f} s."
        )
