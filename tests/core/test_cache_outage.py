"""Redis down is a cache that misses: the API, the public pages, publishing and admin
logins go on from the database (docs/operations.md, "Faults").

The cache points at a port nothing listens on, with the production options
(``IGNORE_EXCEPTIONS``); without them the same request fails, which shows the option is
what carries the outage.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from site_s6.core import generations
from site_s6.core.page_cache import CACHE_STATUS_HEADER
from tests.conftest import build_site_tree, for_test
from tests.factories import NewsPageFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# A port nothing listens on: every connection is refused at once.
NOWHERE = "redis://127.0.0.1:1/0"


def redis_cache(*, ignore_exceptions: bool) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": NOWHERE,
            "KEY_PREFIX": "s6-outage-tests",
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "IGNORE_EXCEPTIONS": ignore_exceptions,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }


def build():
    site = build_site_tree()
    news = NewsPageFactory(parent=site["news_index"], title="Parcul Drumul Taberei se redeschide")
    return {**site, "news": news}


@pytest.fixture(scope="module")
def shared_tree(module_db):
    return module_db(build)


@pytest.fixture
def tree(db, shared_tree):
    return for_test(shared_tree)


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache(ignore_exceptions=True)
    settings.S6_PAGE_CACHE_SECONDS = 300


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


def test_the_api_list_and_public_pages_answer_from_the_database(client, tree, redis_down):
    for _ in range(2):
        listing = client.get("/api/v3/news/")
        assert listing.status_code == 200
        assert titles(listing) == ["Parcul Drumul Taberei se redeschide"]
        for page in (tree["home"], tree["news_index"], tree["news"]):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            # The page cache stands aside: each visit is built again.
            assert CACHE_STATUS_HEADER not in response
    assert "Parcul Drumul Taberei" in client.get(tree["news"].url).text


def test_nothing_is_kept_under_generations_that_could_not_be_read(client, tree, monkeypatch):
    # Redis answering again between two calls of one request: the generations read as
    # None, the writes that follow succeed. A value kept then could be served later under
    # a key that no change retires.
    from django.core.cache import cache

    written = []
    write = cache.set
    monkeypatch.setattr(generations, "_current", lambda key: None)
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, *args, **kwargs: written.append(key) or write(key, *args, **kwargs),
    )

    for url in ("/api/v3/news/", tree["news_index"].url, tree["news"].url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert CACHE_STATUS_HEADER not in response

    assert not [key for key in written if key.startswith(("s6:page:", "s6:api", "s6:site-value:"))]


def test_publishing_while_redis_is_down_reaches_the_api(client, tree, redis_down):
    # Publishing bumps the generations (cache.incr, cache.set): both do nothing.
    NewsPageFactory(parent=tree["news_index"], title="Ședința de consiliu din decembrie")

    listing = client.get("/api/v3/news/")

    assert listing.status_code == 200
    assert set(titles(listing)) == {
        "Parcul Drumul Taberei se redeschide",
        "Ședința de consiliu din decembrie",
    }


def test_an_editor_logs_in_while_redis_is_down(client, tree, redis_down):
    # Sessions and the login throttling (django-axes) are kept in the database.
    SuperuserFactory(username="editor", password="a long pass phrase 6")

    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a long pass phrase 6"}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_without_ignore_exceptions_the_same_request_fails(client, tree):
    # Restored before the suite's own fixtures clear the cache.
    with (
        override_settings(CACHES=redis_cache(ignore_exceptions=False)),
        pytest.raises(RedisConnectionError),
    ):
        client.get("/api/v3/news/")


def test_the_settings_tolerate_an_outage_and_recheck_database_connections():
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "DJANGO_SETTINGS", "REDIS_"))
    }
    environment.update(
        REDIS_URL="redis://cache.example:6379/0",
        DATABASE_URL="postgres://newsroom@db.example:5432/newsroom",
    )
    snippet = (
        "import json; from site_s6.settings import base as s; print(json.dumps(["
        "s.CACHES['default']['OPTIONS'], s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "s.DATABASES['default']['CONN_MAX_AGE'], getattr(s, 'SESSION_ENGINE', None)]))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed snippet
        [sys.executable, "-c", snippet],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    options, health_checks, max_age, session_engine = json.loads(result.stdout)
    assert options["IGNORE_EXCEPTIONS"] is True
    assert options["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert health_checks is True
    assert max_age > 0
    # Django's default: sessions in the database, never in the cache that may be down.
    assert session_engine in (None, "django.contrib.sessions.backends.db")
