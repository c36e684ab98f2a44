"""Browser tests of the demo itself, as ``make run`` serves it, on a port that is not 8000.

``load_demo --port <port>`` builds the five demo sites on the port of a live server (a
random one, as a ``PORT=8123 make run`` would), and ``WAGTAILADMIN_BASE_URL`` names that
port as ``make run`` does: every absolute link the demo writes (cross-site news cards,
feed items, workflow e-mails) must open in the browser.

The machinery is ``tests/e2e``'s (Debian's chromium, one live server, data committed once
for the package and put back after its last test); the data is the whole demo instead of
the small tree, so it lives in its own package: the two cannot share a database.

Unlike the tree's tests, the test here holds no transaction open (``transaction=True``):
the server writes while it runs (the demo's image renditions on first view, the admin's
session at sign-in), and a test's transaction would hold SQLite's write lock
(``transaction_mode="IMMEDIATE"``) for as long as it lasts. Django empties the database
after such a test, so the demo's checks are the steps of one test; the database is put
back as it was when the package ends.
"""

import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from tests.conftest import put_back_database
from tests.e2e.conftest import (
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _chromium_path,
    _is_test_database,
    _orm_beside_playwright,
)

CITY_HALL = "primarie6.localhost"
DGASPC = "dgaspc6.localhost"
ADMIN_LINK = re.compile(r"https?://[^\s\"'<>]+/admin/pages/(\d+)/edit/")


@dataclass
class Demo:
    """The demo on the live server's port, and what the tests follow through it."""

    port: int
    shared_news: object
    release: object
    submitted: object
    emails: list = field(default_factory=list)

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def admin_links(self) -> list[str]:
        """The admin links of the e-mails the submission sent, as the moderators got them."""
        return [
            match.group(0) for message in self.emails for match in ADMIN_LINK.finditer(message.body)
        ]


def _submit_for_approval(port: int):
    """DGASPC's editor sends a new release for approval, as "Submit for moderation" does:
    the central team is told by e-mail, with a link to the page in the admin."""
    from django.contrib.auth import get_user_model

    from site_s6.news.models import NewsIndexPage, NewsPage

    editor = get_user_model().objects.get(username="editor.dgaspc")
    index = NewsIndexPage.objects.get(
        locale__language_code="ro", url_path__startswith=_home_path(DGASPC)
    )
    page = NewsPage(
        title="Programul prelungit al centrului de zi în perioada sărbătorilor",
        kind=NewsPage.Kind.ANNOUNCEMENT,
        lead="Centrul de zi pentru vârstnici rămâne deschis și în zilele libere.",
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=editor)
    mail.outbox = []
    page.get_workflow().start(page, editor)
    return page, list(mail.outbox)


def build_demo(port: int) -> Demo:
    from site_s6.news.models import NewsPage

    call_command("load_demo", force=True, port=port, stdout=io.StringIO())
    shared = (
        NewsPage.objects.live()
        .filter(syndicate_to_main_site=True, locale__language_code="ro")
        .filter(url_path__startswith=_home_path(DGASPC))
        .order_by("-publication_date")
        .first()
    )
    release = (
        NewsPage.objects.live()
        .filter(locale__language_code="ro", contact_person__isnull=False)
        .filter(url_path__startswith=_home_path(CITY_HALL))
        .order_by("-publication_date")
        .first()
    )
    submitted, emails = _submit_for_approval(port)
    return Demo(port=port, shared_news=shared, release=release, submitted=submitted, emails=emails)


def _home_path(hostname: str) -> str:
    from wagtail.models import Site

    return Site.objects.get(hostname=hostname).root_page.url_path


@pytest.fixture(scope="session")
def demo_server(django_db_setup):
    """The live server, on a free port of ``localhost``: never the demo's default 8000."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="package")
def demo(demo_server, django_db_blocker):
    """The demo, loaded on the live server's port and committed; put back after the last
    test of the package, so the tests after these never see it."""
    from django.db import connection

    from tests.conftest import build_locales

    port = urlsplit(demo_server.url).port
    assert port != 8000
    assert _is_test_database(connection), "the demo browser tests need the test database"
    # What `make run` gives its processes: the admin's address on the port that listens.
    admin_url = override_settings(WAGTAILADMIN_BASE_URL=f"http://localhost:{port}")
    admin_url.enable()
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        try:
            build_locales()
            built = build_demo(port)
        except BaseException:
            put_back_database(snapshot)
            admin_url.disable()
            raise
    yield built
    with django_db_blocker.unblock():
        put_back_database(snapshot)
    admin_url.disable()


@pytest.fixture(scope="package")
def browser(demo):
    """A headless chromium for the package, started once the demo is loaded."""
    executable = _chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, _orm_beside_playwright():
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    """A fresh browser context, as a new visitor's (or a new sign-in's)."""
    context = browser.new_context(locale="ro-RO", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
