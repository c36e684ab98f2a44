"""Nothing of the press review reaches a public surface: pages, feeds, the sitemap,
search, the APIs and their schema. Distinctive strings are put in every field of a
source, a watch and a clipping linked to a live release, and looked for everywhere."""

import json

import pytest

from site_s6.monitoring.models import Clipping, Source, Watch
from tests.subsites.conftest import SITES, build_subsites

pytestmark = pytest.mark.django_db

MARKERS = {
    "source": "Zqxsourcename",
    "feed": "zqxfeedhost",
    "watch": "Zqxwatchphrase",
    "title": "Zqxclippingtitle",
    "excerpt": "Zqxclippingexcerpt",
    "outlet": "Zqxoutletname",
    "topic": "zqxtopictag",
}


@pytest.fixture(scope="module")
def shared(module_db):
    def build():
        built = build_subsites()
        news = built["world"]["main"].live_news
        source = Source.objects.create(
            name=MARKERS["source"], feed_url=f"https://{MARKERS['feed']}.example/rss"
        )
        watch = Watch.objects.create(phrase=MARKERS["watch"])
        clipping = Clipping.objects.create(
            url=f"https://{MARKERS['feed']}.example/articol",
            title=f"{MARKERS['title']} {news.title}",
            excerpt=MARKERS["excerpt"],
            outlet=MARKERS["outlet"],
            source=source,
            relevant=True,
            tone=Clipping.Tone.POSITIVE,
            news_page_id=news.pk,
        )
        clipping.watches.add(watch)
        clipping.topics.add(MARKERS["topic"])
        return built

    return module_db(build)


def public_urls(news):
    return [
        "/",
        news.url,
        news.get_parent().url,
        "/feeds/news.xml",
        "/en/feeds/news.xml",
        "/feeds/events.ics",
        "/sitemap.xml",
        "/robots.txt",
        f"/search/?q={MARKERS['excerpt']}",
        f"/search/?q={MARKERS['topic']}",
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/{news.pk}/?fields=*",
        f"/api/v2/pages/?search={MARKERS['excerpt']}",
        "/api/v3/pages/",
        "/api/v3/news/",
        f"/api/v3/news/?search={MARKERS['excerpt']}",
        "/api/v3/events/",
        "/api/v3/campaigns/",
        "/api/v3/snippets/",
        "/api/v3/openapi.json",
    ]


def test_no_public_surface_shows_the_press_review(client, shared):
    news = shared["world"]["main"].live_news
    host = SITES["main"][2]
    checked = 0
    for url in public_urls(news):
        response = client.get(url, HTTP_HOST=host)
        if response.status_code == 404 and url.startswith("/api/v3/snippets/"):
            continue
        assert response.status_code == 200, (url, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        if response.get("Content-Type", "").startswith("application/json"):
            text = json.dumps(json.loads(text), ensure_ascii=False)
        # A search page repeats what was searched for; what it found is the question.
        for marker in (marker for marker in MARKERS.values() if marker not in url):
            assert marker.lower() not in text.lower(), (url, marker)
        checked += 1
    # The release is there, so the absence of its clipping means something.
    assert news.title in client.get(news.url, HTTP_HOST=host).content.decode()
    assert checked >= len(public_urls(news)) - 1


def test_the_schema_knows_no_monitoring_model(client, shared):
    schema = client.get("/api/v3/openapi.json", HTTP_HOST=SITES["main"][2]).content.decode()
    for word in ("clipping", "monitoring", "digestsubscription", "press review"):
        assert word not in schema.lower()
