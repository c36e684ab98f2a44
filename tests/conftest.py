"""Fixtures shared by the whole suite, and the way trees are built once per module.

Building a site tree (pages, revisions, translations, provisioned institutions) is what
costs most in a test. A tree that many tests read is built once per module instead, in a
transaction that stays open while the module runs and is rolled back after its last test
(``module_db``). Each test still runs in a transaction of its own inside it (the ``db``
fixture), so whatever a test changes is undone before the next one, as with Django's
``TestCase.setUpTestData``. Tests get a deep copy of the shared objects (``for_test``),
so that changing one in memory does not leak into the next test either.
"""

import copy
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Locale, Site

from tests.factories import SuperuserFactory, make_site
from tests.mailserver import smtp_inbox  # noqa: F401  (a fixture for every test package)


def put_back_database(snapshot: str, *, using: str = "default") -> None:
    """Empty the database and load ``snapshot`` (``serialize_db_to_string``'s), content
    types first.

    Loaded in the snapshot's order after an emptying, a row saved before the content types
    would make its own under a new id (or read a stale one from the cache), and the
    snapshot's would then collide.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core import serializers
    from django.core.management import call_command
    from django.db import connections

    call_command(
        "flush",
        database=using,
        verbosity=0,
        interactive=False,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
    rows = json.loads(snapshot)
    content_types = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    others = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    ContentType.objects.clear_cache()
    with transaction.atomic(using=using), connections[using].constraint_checks_disabled():
        for part in (content_types, others):
            for deserialized in serializers.deserialize("json", json.dumps(part), using=using):
                deserialized.save(using=using)
    ContentType.objects.clear_cache()
    cache.clear()


def _is_test_database(connection) -> bool:
    """Whether ``connection`` is on a database Django created for the tests."""
    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    return name == test_name or Path(name).name.startswith(("test_", "s6-test-"))


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put back the rows the migrations made.

    Django empties the database after such a test (Wagtail's root page, the locales, the
    groups and content types included). A serial run keeps these tests for the end; in a
    parallel worker a test file is run whole, so the files after it in that worker would
    otherwise meet an empty database.
    """
    result = yield
    # After the last test the session's fixtures are gone, the test database with them.
    if nextitem is not None and _is_transactional(item):
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents is not None and _is_test_database(connection):
                    put_back_database(contents, using=connection.alias)
    return result


@pytest.fixture(autouse=True)
def _clean_cache_and_media(settings):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around the module, for data built once and read by all its tests.

    Yields a function that runs a builder inside it (in a savepoint, so a builder that
    fails leaves nothing behind) and returns what the builder returns. The transaction is
    rolled back after the module's last test, on SQLite and PostgreSQL alike: nothing
    built here is ever committed.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()

    def build(builder, *args, **kwargs):
        with django_db_blocker.unblock(), transaction.atomic():
            built = builder(*args, **kwargs)
        # Whatever building cached (site roots, generations) is not the tests' business.
        cache.clear()
        return built

    yield build
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
    cache.clear()


def for_test(data):
    """A deep copy of shared ``data`` for one test, as ``setUpTestData`` gives each test.

    One memo for the whole structure: an object reachable twice is one object in the copy.
    """
    return copy.deepcopy(data)


def build_locales():
    ro, _ = Locale.objects.get_or_create(language_code="ro")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"ro": ro, "en": en}


def build_site_tree():
    build_locales()
    Site.objects.all().delete()
    return make_site("localhost")


@pytest.fixture
def locales(db):
    """The two content locales: Romanian (default) and English."""
    return build_locales()


@pytest.fixture
def site_tree(locales):
    """The main site on ``localhost`` with its home and index pages, replacing Wagtail's default."""
    return build_site_tree()


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
