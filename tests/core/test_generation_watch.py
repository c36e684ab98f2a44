"""Each process keeps copies of the generation counters that Redis keeps current
(``site_s6.core.generation_watch``): a copy is read without a round trip, and a change
made anywhere is read anew. Against a real Redis (``S6_TEST_WATCH_REDIS_URL``)."""

import os
import time
import uuid

import pytest
import redis
from django.core.cache import caches

from site_s6.core import generation_watch, generations
from site_s6.core.generation_watch import GenerationWatch, watch_for

# A database of their own: the API's cache tests, in another test process, empty theirs.
REDIS_URL = os.environ.get("S6_TEST_WATCH_REDIS_URL", "redis://127.0.0.1:6379/14")


@pytest.fixture
def backend(settings, monkeypatch):
    monkeypatch.setattr(generation_watch, "RETRY_SECONDS", 0.1)
    monkeypatch.setattr(generation_watch, "CHECK_SECONDS", 0.1)
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"s6-watch-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    backend = caches["default"]
    yield backend
    watch = watch_for(backend)
    watch.stop()
    # This test's keys only: emptying the database would reach every process that
    # watches (tests/api/test_caching.py in another worker).
    backend.delete_pattern("*")


@pytest.fixture
def elsewhere():
    """Another process's connection to the same Redis."""
    client = redis.Redis.from_url(REDIS_URL)
    yield client
    client.close()


def eventually(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.02)


def watched(backend) -> GenerationWatch:
    watch = watch_for(backend)
    eventually(lambda: watch.watching)
    return watch


class RoundTrips:
    """Counts the cache's reads of several keys (``get_many``), the reads of counters."""

    def __init__(self, backend, monkeypatch):
        self.count = 0
        original = backend.get_many

        def counting(*args, **kwargs):
            self.count += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(backend, "get_many", counting)


def test_a_copy_is_read_without_a_round_trip_until_it_changes_elsewhere(
    backend, elsewhere, monkeypatch
):
    watch = watched(backend)
    first = generations.site_generation(7)
    time.sleep(0.2)  # Redis reports the counter's creation too: let the watch read it
    assert generations.site_generation(7) == first  # read from Redis, and kept
    trips = RoundTrips(backend, monkeypatch)

    assert generations.site_generation(7) == first
    assert trips.count == 0

    elsewhere.incr(backend.make_key(generations.site_key(7)))
    eventually(lambda: generations.site_key(7) not in watch.copies)
    assert generations.site_generation(7) == first + 1
    assert trips.count == 1


def test_a_change_in_this_process_is_read_at_once(backend, db):
    watched(backend)
    before = generations.site_generation(8)

    generations.bump_sites([8])

    assert generations.site_generation(8) > before


def test_every_copy_goes_when_redis_is_emptied(backend, elsewhere):
    watch = watched(backend)

    def both_kept():
        # Creating a counter is a change Redis reports too: a copy is kept at a later read.
        generations.site_generation(9)
        generations.global_generation()
        return len(watch.copies) == 2

    eventually(both_kept)

    # What Redis sends every watching client when a database is emptied (FLUSHDB), a
    # null list of keys: given to this watch alone, as a real flush would reach the
    # watches of other test processes too.
    watch._invalidated([b"message", generation_watch.CHANNEL, None])

    eventually(lambda: not watch.copies)


def test_no_copy_is_served_while_the_watch_has_lost_redis(backend, elsewhere, monkeypatch):
    watch = watched(backend)
    generations.site_generation(10)
    generations.site_generation(10)
    assert watch.copies

    monkeypatch.setattr(generation_watch, "RETRY_SECONDS", 3.0)  # a long outage

    elsewhere.client_kill_filter(_id=watch.subscriber_id)  # this watch's connection only
    eventually(lambda: not watch.watching)
    trips = RoundTrips(backend, monkeypatch)
    assert not watch.copies
    # The counter changes while nothing would say so: every read asks Redis.
    elsewhere.incr(backend.make_key(generations.site_key(10)))
    fresh = int(elsewhere.get(backend.make_key(generations.site_key(10))))
    assert generations.site_generation(10) == generations.site_generation(10) == fresh
    assert trips.count == 2

    eventually(lambda: watch.watching)  # connected again
    assert generations.site_generation(10) == fresh


def test_a_value_read_while_its_invalidation_arrived_is_not_kept():
    watch = GenerationWatch(REDIS_URL, "s6-unit:1:")
    watch.watching = True
    epoch = watch.epoch

    watch.drop(["s6:gen:site:1"])  # the message came before the reply it makes stale
    watch.keep({"s6:gen:site:1": 41}, epoch)
    assert watch.copies_of(["s6:gen:site:1"]) is None

    watch.keep({"s6:gen:site:1": 42}, watch.epoch)
    assert watch.copies_of(["s6:gen:site:1"]) == {"s6:gen:site:1": 42}


def test_without_redis_or_when_turned_off_there_is_no_watch(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert watch_for(caches["default"]) is None

    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    settings.S6_WATCH_GENERATIONS = False
    assert watch_for(caches["default"]) is None


def test_an_outage_is_logged_once_and_reads_go_on(settings, monkeypatch, caplog):
    monkeypatch.setattr(generation_watch, "RETRY_SECONDS", 0.05)
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens: refused at once
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    with caplog.at_level("WARNING", logger="site_s6.core.generation_watch"):
        watch = watch_for(caches["default"])
        time.sleep(0.5)  # several attempts
        assert not watch.watching
        assert generations.read_with_generations([generations.GLOBAL_KEY]) == {}
        watch.stop()

    lost = [record for record in caplog.records if "lost Redis" in record.getMessage()]
    assert len(lost) == 1
