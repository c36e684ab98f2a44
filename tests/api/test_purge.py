"""With a CDN configured, publishing purges the API's URLs of the page's site."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

pytestmark = pytest.mark.django_db

PURGED: list[str] = []


class MemoryBackend(BaseBackend):
    """A CDN that remembers what it was asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"memory": {"BACKEND": f"{__name__}.MemoryBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def test_publish_purges_the_api_lists_and_details_of_its_site(cdn, tree):
    event = tree["soon"]
    root = event.get_site().root_url
    cdn.clear()

    event.save_revision().publish()

    for path in [
        "/api/v3/events/?site=primarie.test",
        "/api/v3/events/",
        f"/api/v3/events/{event.pk}/?site=primarie.test",
        "/api/v3/news/?site=primarie.test",
        "/api/v3/site-config/?site=primarie.test",
        "/api/v3/pages/?site=primarie.test",
        "/api/v2/pages/?site=primarie.test",
        f"/api/v2/pages/{event.pk}/",
    ]:
        assert f"{root}{path}" in cdn
    assert event.full_url in cdn  # the page itself
    assert not any("dgaspc" in url for url in cdn)


def test_syndicated_news_purges_the_main_site_news_too(cdn, tree):
    shared = tree["shared"]
    cdn.clear()

    shared.save_revision().publish()

    assert any(url.endswith("/api/v3/news/?site=dgaspc.test") for url in cdn)
    assert any(url.endswith("/api/v3/news/?site=primarie.test") for url in cdn)


def test_unpublish_purges(cdn, tree):
    tree["announcement"].unpublish()

    assert any(url.endswith("/api/v3/news/?site=primarie.test") for url in cdn)


def test_nothing_is_purged_without_a_cdn(settings, tree):
    PURGED.clear()
    tree["announcement"].save_revision().publish()

    assert PURGED == []
