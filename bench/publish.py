"""Times publishing a news page the way an editor does, and counts its queries.

Creates a news page under the main site's Romanian news index (the largest section),
saves a revision and publishes it: ``add_child`` + ``save_revision().publish()``, with
every signal handler (caches, search index, webhooks) as in production. One warm-up,
then ``--repeat`` measured runs; prints JSON with the median and the spread.

Run by ``bench/run.py`` as ``python -m bench.publish`` with the bench settings.
"""

import argparse
import json
import os
import statistics
import time

import django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_s6.settings.bench")
    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from wagtail.models import Locale, Site
    from wagtail.rich_text import RichText

    from site_s6.news.models import NewsIndexPage, NewsPage

    site = Site.objects.get(is_default_site=True)
    romanian = Locale.get_default()

    def publish_one(number: str) -> tuple[float, int]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            index = NewsIndexPage.objects.child_of(site.root_page).get(locale=romanian)
            page = NewsPage(
                title=f"Comunicat de presă pentru măsurare {number}",
                kind=NewsPage.Kind.PRESS_RELEASE,
                publication_date=timezone.now(),
                intro="Un comunicat publicat de banc de încercare.",
                lead="Primăria anunță rezultatele măsurătorii.",
                body=[("paragraph", RichText("<p>Textul comunicatului.</p>"))],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            elapsed = time.perf_counter() - started
        return elapsed, len(queries)

    stamp = time.time_ns()
    publish_one(f"{stamp}-warm-up")  # imports, caches, connection
    runs = [publish_one(f"{stamp}-{number}") for number in range(1, args.repeat + 1)]
    times = [seconds * 1000 for seconds, _queries in runs]
    queries = [count for _seconds, count in runs]
    print(
        json.dumps(
            {
                "runs": args.repeat,
                "median_ms": round(statistics.median(times), 2),
                "queries": statistics.median_low(queries),
                "samples": [
                    {"ms": round(ms, 2), "queries": count}
                    for ms, count in zip(times, queries, strict=True)
                ],
            }
        )
    )


if __name__ == "__main__":
    main()
