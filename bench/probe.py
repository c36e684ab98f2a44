"""Prints, as JSON, what the scenarios need from a seeded database (ids and paths).

Run by ``bench/run.py`` as ``python -m bench.probe`` with the bench settings.
"""

import json
import os

import django


def probe_data() -> dict:
    """Ids and paths of the main site's content; Django must be set up."""
    from wagtail.models import Locale, Page, Site

    from site_s6.events.models import EventPage
    from site_s6.news.models import NewsIndexPage, NewsPage

    site = Site.objects.get(is_default_site=True)
    romanian = Locale.get_default()
    index = NewsIndexPage.objects.child_of(site.root_page).get(locale=romanian)
    news = NewsPage.objects.live().child_of(index).order_by("pk")
    count = news.count()
    # The middle one: neither the newest (often special-cased) nor the oldest.
    page = news[count // 2]
    event = EventPage.objects.live().filter(locale=romanian).order_by("pk").first()
    return {
        "pages": Page.objects.count(),
        "news_pages": NewsPage.objects.count(),
        "site": site.hostname,
        "news_index_path": index.relative_url(site),
        "news_in_index": count,
        "news_id": page.pk,
        "news_path": page.relative_url(site),
        "event_id": event.pk if event else None,
    }


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_s6.settings.bench")
    django.setup()
    print(json.dumps(probe_data()))


if __name__ == "__main__":
    main()
