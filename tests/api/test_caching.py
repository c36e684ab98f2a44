"""HTTP caching: ETag and Cache-Control on every read, 304, and invalidation by site.

Run on local memory, and on Redis (``REDIS_URL``, default redis://127.0.0.1:6379/13).
"""

import os
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from site_s6.api import caching
from site_s6.core import generations
from site_s6.core.generation_watch import watch_for
from site_s6.core.generations import bump_sites, site_generation
from site_s6.core.models import BrandingSettings
from tests.api.conftest import count_queries, days, publish, titles
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("S6_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": "s6-api-tests",
                "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "s6-api-tests",
            }
        }
    from django.core.cache import cache

    def empty():
        # Redis: this module's keys only, never the whole database, which other test
        # processes use too (tests/core/test_generation_watch.py).
        if request.param == "redis":
            cache.delete_pattern("*")
        else:
            cache.clear()

    empty()
    yield request.param
    empty()


def read_urls(tree):
    return [
        "/api/v3/news/",
        f"/api/v3/news/{tree['press'].pk}/",
        "/api/v3/events/?upcoming=true",
        f"/api/v3/events/{tree['soon'].pk}/",
        "/api/v3/campaigns/",
        f"/api/v3/campaigns/{tree['active'].pk}/",
        "/api/v3/protocol-visits/",
        f"/api/v3/protocol-visits/{tree['french'].pk}/",
        "/api/v3/site-config/?site=dgaspc.test",
    ]


def test_every_read_has_etag_cache_control_and_answers_304(client, tree, cache_backend):
    for url in read_urls(tree):
        response = client.get(url)
        etag = response["ETag"]

        assert response.status_code == 200, url
        assert etag.startswith('"') and etag.endswith('"')
        assert "max-age=60" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]

        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again["ETag"] == etag
        assert again.content == b""
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_errors_are_not_cached_and_carry_no_etag(client, tree, cache_backend):
    response = client.get("/api/v3/news/?site=nope.example")

    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_a_cached_read_makes_no_database_query(
    client, tree, cache_backend, django_assert_num_queries
):
    url = "/api/v3/news/?tag=transport"
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_publish_makes_the_next_response_fresh(client, tree, cache_backend):
    url = "/api/v3/news/"
    before = client.get(url)
    press = tree["press"]
    press.title = "Comunicat transport actualizat"

    publish(press)
    after = client.get(url, HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Comunicat transport actualizat" in after.content.decode()


def test_unpublish_move_and_delete_make_responses_fresh(client, tree, cache_backend):
    url = "/api/v3/news/?limit=100"
    first = client.get(url)

    tree["announcement"].unpublish()
    second = client.get(url)
    assert "Anunț cultură" in titles(first)
    assert "Anunț cultură" not in titles(second)

    tree["press"].move(tree["dgaspc"]["news_index"], pos="last-child")
    third = client.get(url)
    assert "Comunicat transport" not in titles(third)
    assert "Comunicat transport" in titles(client.get(url + "&site=dgaspc.test"))

    tree["shared"].delete()
    fourth = client.get(url)
    assert "DGASPC partajată" in titles(third)
    assert "DGASPC partajată" not in titles(fourth)
    assert len({first["ETag"], second["ETag"], third["ETag"], fourth["ETag"]}) == 4


def test_institution_news_refreshes_the_main_site(client, tree, cache_backend):
    before = client.get("/api/v3/news/").json()["count"]
    news = NewsPageFactory(
        parent=tree["dgaspc"]["news_index"],
        title="Nouă partajată",
        syndicate_to_main_site=True,
        live=False,
    )

    publish(news)

    assert client.get("/api/v3/news/").json()["count"] == before + 1


def test_settings_save_refreshes_site_config(client, tree, cache_backend):
    url = "/api/v3/site-config/?site=dgaspc.test"
    before = client.get(url)
    site = tree["dgaspc"]["home"].get_site()

    BrandingSettings.objects.create(site=site, full_name="DGASPC", short_name="Nou")
    after = client.get(url)

    assert after["ETag"] != before["ETag"]
    assert after.json()["branding"]["short_name"] == "Nou"


def test_invalidation_is_per_site(client, tree, cache_backend):
    main = client.get("/api/v3/events/")
    other = client.get("/api/v3/events/?site=dgaspc.test")
    main_site = Site.objects.get(hostname="primarie.test")
    main_generation = site_generation(main_site.pk)
    event = tree["dgaspc_event"]
    event.title = "Eveniment DGASPC mutat"

    publish(event)

    assert site_generation(main_site.pk) == main_generation
    assert client.get("/api/v3/events/")["ETag"] == main["ETag"]
    assert client.get("/api/v3/events/?site=dgaspc.test")["ETag"] != other["ETag"]


def test_privacy_restriction_refreshes_everything(client, tree, cache_backend):
    url = "/api/v3/events/?site=dgaspc.test"
    assert client.get(url).json()["count"] == 1

    PageViewRestriction.objects.create(
        page=tree["dgaspc"]["event_index"], restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(url).json()["count"] == 0


def test_absolute_urls_do_not_cross_hosts(client, tree, cache_backend):
    url = f"/api/v3/news/{tree['press'].pk}/"

    one = client.get(url, HTTP_HOST="api.one.test").json()
    two = client.get(url, HTTP_HOST="api.two.test").json()

    assert one["image"]["renditions"]["medium"].startswith("http://api.one.test/")
    assert two["image"]["renditions"]["medium"].startswith("http://api.two.test/")


class CountingCache:
    """Django's cache, recording the name of every method called on it."""

    def __init__(self, cache):
        self._cache = cache
        self.calls = []

    def __getattr__(self, name):
        attribute = getattr(self._cache, name)
        if callable(attribute):
            self.calls.append(name)
        return attribute


def count_cache_calls(monkeypatch) -> CountingCache:
    """Record the calls to the cache of the API's cache and of the generations."""
    counting = CountingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", counting)
    monkeypatch.setattr(generations, "cache", counting)
    return counting


def watched_generations(client, url):
    """With Redis, read ``url`` until this process holds watched copies of the
    generations (``site_s6.core.generation_watch``)."""
    watch = watch_for(caches["default"])
    deadline = time.monotonic() + 5
    while not watch.watching:
        assert time.monotonic() < deadline, "the watch did not connect"
        time.sleep(0.02)
    time.sleep(0.2)  # Redis's reports of the counters' creation, read by the watch
    client.get(url)  # the generations read from Redis once more, and kept


def test_a_hit_is_one_round_trip_to_the_cache_at_most(client, tree, cache_backend, monkeypatch):
    url = "/api/v3/news/?limit=5"
    first = client.get(url)
    if cache_backend == "redis":
        watched_generations(client, url)
    counting = count_cache_calls(monkeypatch)

    second = client.get(url)

    # Local memory: the entry with the generations. Redis: the entry held by this
    # process and the generations' watched copies, no round trip at all.
    assert counting.calls == (["get_many"] if cache_backend == "locmem" else [])
    assert second.content == first.content


def test_a_process_serves_its_own_copy_only_while_the_generations_are_current(
    client, tree, cache_backend, monkeypatch
):
    url = "/api/v3/news/?limit=1"
    first = client.get(url)
    assert caching.response_key(RequestFactory().get(url)) in caching._entries
    counting = count_cache_calls(monkeypatch)

    again = client.get(url)
    # Held by this process: the cache is asked for the two generations only (or not at
    # all, once Redis watches them for this process).
    assert counting.calls in (["get_many"], [])
    assert again.content == first.content

    # Another process changes the newest news and bumps the site's generation.
    newest = titles(first)[0]
    Page.objects.filter(title=newest).update(title="Schimbat de alt proces")
    bump_sites([Site.objects.get(hostname="primarie.test").pk])
    assert titles(client.get(url)) == ["Schimbat de alt proces"]


def test_responses_that_follow_the_clock_are_never_held_by_the_process(client, tree, cache_backend):
    url = "/api/v3/events/?upcoming=true"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert caching.response_key(RequestFactory().get(url)) not in caching._entries


def test_a_hit_is_answered_before_the_rest_of_the_stack(rf, tree, cache_backend, client):
    url = "/api/v3/events/?upcoming=true"
    miss = client.get(url)

    def unreachable(request):
        raise AssertionError("a hit must not reach the later middleware or the view")

    hit = caching.CachedReadMiddleware(unreachable)(rf.get(url, HTTP_HOST="testserver"))

    assert hit.status_code == 200
    assert hit.content == miss.content
    assert hit["ETag"] == miss["ETag"]
    assert hit["Cache-Control"] == miss["Cache-Control"]
    assert hit["Content-Length"] == miss["Content-Length"] == str(len(miss.content))


def test_a_hit_keeps_the_cors_headers(client, tree, cache_backend, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]
    url = "/api/v3/campaigns/"
    miss = client.get(url, HTTP_ORIGIN="https://app.example")

    hit = client.get(url, HTTP_ORIGIN="https://app.example")

    assert hit["ETag"] == miss["ETag"]
    assert hit["Access-Control-Allow-Origin"] == "https://app.example"
    assert "ETag" in hit["Access-Control-Expose-Headers"]


def test_other_paths_never_consult_the_cache(client, tree, cache_backend, monkeypatch):
    counting = CountingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", counting)

    client.get("/api/v3/pages/?type=news.NewsPage")

    assert "get_many" not in counting.calls


def test_an_entry_built_while_a_change_lands_is_never_served(rf, tree, cache_backend):
    calls = []

    @caching.cached_read
    def view(request):
        calls.append(request)
        # A page of the site is published while this response is being built.
        bump_sites([Site.objects.get(hostname="primarie.test").pk])
        return HttpResponse(b'{"count": 0}', content_type="application/json")

    url = "/api/v3/news/?site=primarie.test"
    view(rf.get(url))
    view(rf.get(url))

    assert len(calls) == 2
    assert caching.lookup(rf.get(url))[1] is None


def test_every_page_of_a_list_shares_one_count(client, tree, cache_backend):
    first_count, first_queries = count_queries(client, "/api/v3/news/?limit=1")
    second_count, second_queries = count_queries(client, "/api/v3/news/?limit=1&offset=1")
    other_count, other_queries = count_queries(client, "/api/v3/news/?limit=1&kind=announcement")

    assert len(first_queries) == 1
    assert second_queries == []
    assert second_count == first_count == 3
    assert len(other_queries) == 1 and other_count == 1


def test_a_publish_makes_every_page_recount(client, tree, cache_backend):
    client.get("/api/v3/news/?limit=1")
    news = NewsPageFactory(
        parent=tree["main"]["news_index"], title="Știre nouă", publication_date=days(-2)
    )

    publish(news)
    count, queries = count_queries(client, "/api/v3/news/?limit=1&offset=2")

    assert count == 4
    assert len(queries) == 1


def test_a_change_retires_its_generation_again_when_it_commits(
    tree, cache_backend, django_capture_on_commit_callbacks
):
    site_id = Site.objects.get(hostname="primarie.test").pk
    with django_capture_on_commit_callbacks(execute=True):
        bump_sites([site_id])
        # A request served now reads this generation, and the rows before the commit.
        during = site_generation(site_id)

    assert site_generation(site_id) != during


class RecordingCache(CountingCache):
    """Django's cache, recording the timeout of every ``set``."""

    def __init__(self, cache):
        super().__init__(cache)
        self.timeouts = []

    def set(self, key, value, timeout):
        self.timeouts.append(timeout)
        return self._cache.set(key, value, timeout)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("/api/v3/news/", 3600),
        ("/api/v3/events/", 3600),
        ("/api/v3/events/?upcoming=true", 60),
        ("/api/v3/events/?upcoming=false", 60),
        ("/api/v3/campaigns/", 60),
    ],
)
def test_responses_that_follow_the_clock_are_kept_no_longer_than_clients_keep_them(
    client, tree, cache_backend, monkeypatch, url, kept
):
    recording = RecordingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", recording)

    assert client.get(url).status_code == 200

    assert recording.timeouts[-1] == kept


def test_counts_that_follow_the_clock_serve_the_same_second_only(client, tree, cache_backend):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _count, first = count_queries(client, "/api/v3/events/?upcoming=true&limit=1")
        _count, same_second = count_queries(
            client, "/api/v3/events/?upcoming=true&limit=1&offset=1"
        )
        traveller.shift(timedelta(seconds=1))
        _count, next_second = count_queries(
            client, "/api/v3/events/?upcoming=true&limit=1&offset=2"
        )

    assert (len(first), len(same_second), len(next_second)) == (1, 0, 1)
