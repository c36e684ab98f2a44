import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale, Site

from tests.factories import SuperuserFactory, make_site


@pytest.fixture(autouse=True)
def _clean_cache_and_media(settings):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def locales(db):
    """The two content locales: Romanian (default) and English."""
    ro, _ = Locale.objects.get_or_create(language_code="ro")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"ro": ro, "en": en}


@pytest.fixture
def site_tree(locales):
    """The main site on ``localhost`` with its home and index pages, replacing Wagtail's default."""
    Site.objects.all().delete()
    return make_site("localhost")


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
