"""Browser tests of the public sites: Playwright driving Debian's chromium, headless.

The sites are served by a live server in a thread of the test process (pytest-django's
``LiveServer``, the one behind its ``live_server`` fixture), from the test database. One
server, one chromium and one tree serve every browser test: the tree is built once for
the package and committed, so that the server's thread sees it; the tests (marked
``django_db``, each in a transaction of its own, with a fresh browser context) only read
it, and the database is put back as it was after the last of them. The ``live_server``
fixture itself is not used: it makes every test transactional, flushing the database
after each one, and rebuilding the tree for every test took ten seconds a test on
PostgreSQL.

Nothing here is skipped: a missing chromium or axe-core fails the run with the command
that installs it (``make test`` does it on a fresh machine).
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
AXE_SCRIPT = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Every site of the tree is a *.localhost host name served by the one live server.
    "--host-resolver-rules=MAP *.localhost 127.0.0.1",
]
ALLOW_ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
# Generous for a loaded CI machine; a healthy page answers in milliseconds.
TIMEOUT_MS = 15_000


def _chromium_path() -> str:
    found = shutil.which(CHROMIUM)
    if not found:
        pytest.fail(
            f"The browser tests need Debian's chromium at {CHROMIUM} (or set CHROMIUM=/path). "
            "Install it with `apt-get install -y chromium`, or run `make test` as root.",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE_SCRIPT} is missing): run `npm ci` at the "
            "repository root, or `make test`.",
            pytrace=False,
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")


@contextmanager
def _orm_beside_playwright():
    """Let the ORM work in the main thread while Playwright's sync API runs there.

    The sync API keeps an asyncio loop running on the main thread. Django then refuses
    ORM calls, although they are synchronous here, and keeps that thread's database
    connections apart from the ones opened before the loop (asgiref's ``Local``): those
    are closed before the loop stops, so none is left open when the database is dropped.
    """
    from django.db import connections

    previous = os.environ.get(ALLOW_ASYNC_UNSAFE)
    os.environ[ALLOW_ASYNC_UNSAFE] = "true"
    try:
        yield
        connections.close_all()
    finally:
        if previous is None:
            os.environ.pop(ALLOW_ASYNC_UNSAFE, None)
        else:
            os.environ[ALLOW_ASYNC_UNSAFE] = previous


@pytest.fixture(scope="package")
def browser(newsroom):
    """A headless chromium for every browser test, started once the tree is built.

    Per package (tests/e2e), not per run: while Playwright runs, an asyncio loop runs on
    the main thread, which must not outlive the browser tests (the rest of the suite is
    synchronous Django code). The tree is built before the loop starts and put back after
    it stops.
    """
    executable = _chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "The browser tests need Playwright for Python: `pip install -e '.[dev]'` "
            "(no browser download is needed: Debian's chromium is used).",
            pytrace=False,
        )
    with sync_playwright() as playwright, _orm_beside_playwright():
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_server(django_db_setup):
    """The live server, on a free port of ``localhost``."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


def _put_back(snapshot: str) -> None:
    """Empty the database and reload ``snapshot``, as Django's ``serialized_rollback`` does."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True
    )
    connection.creation.deserialize_db_from_string(snapshot)
    cache.clear()


def _is_test_database(connection) -> bool:
    """Whether ``connection`` is on a database Django created for the tests."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return True
    name = str(connection.settings_dict["NAME"])
    return name == connection.settings_dict["TEST"].get("NAME") or Path(name).name.startswith(
        "test_"
    )


@pytest.fixture(scope="package")
def newsroom(site_server, django_db_blocker):
    """The city hall's site and one institution's, in Romanian and English, with content.

    Built once for the browser tests and committed (see ``tests/e2e/tree.py``), before the first
    test's transaction opens; after the last browser test the database is put back as it
    was, the migrations' rows included, so the tests after these never see the tree.
    """
    from django.db import connection

    from .tree import build_newsroom

    # The tree is committed and then flushed: never on anything but the test database.
    assert _is_test_database(connection), (
        "the browser tests need the test database: mark them @pytest.mark.django_db"
    )
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            tree = build_newsroom(urlsplit(site_server.url).port)
        except BaseException:
            _put_back(snapshot)
            raise
    yield tree
    with django_db_blocker.unblock():
        _put_back(snapshot)


@pytest.fixture
def tab(browser):
    """A fresh browser context (no cookies, no cache) and its page, as a new visitor's."""
    context = browser.new_context(
        locale="ro-RO",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
        service_workers="block",
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
