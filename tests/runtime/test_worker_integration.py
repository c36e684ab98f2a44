"""A real task worker: ``manage.py db_worker`` in its own process, on the database backend.

The unit tests run tasks at once (the immediate backend); here a page is published with
the database backend, as ``make run`` and production do, and a separate worker process
must pick the tasks up: the search index, so that the API's search finds the page, and the
webhook delivery, which must reach a receiver on loopback with a valid signature.
"""

import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from site_s6.api.webhooks.models import WebhookEndpoint
from subsites.models import Institution
from tests.api.test_webhooks import Receiver, verify
from tests.factories import NewsPageFactory, make_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
#: Seconds the worker gets to do everything; polled, never slept through.
DEADLINE = 60


def database_url() -> str:
    """The URL of the test database this process uses, for the worker process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{credentials}@{host}{port}/{db['NAME']}"


def start_worker(log):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_s6.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "S6_OUTBOUND_ALLOW_PRIVATE": "1",
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--queue-name=*",
        "--interval=0.2",
        "--no-startup-delay",
        "--no-reload",
        "-v",
        "1",
    ]
    return subprocess.Popen(  # noqa: S603 - a fixed command line
        command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
    )


def stop(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def pending_tasks():
    """Tasks that are due and not finished: waiting for the worker or running."""
    return DBTaskResult.objects.ready() | DBTaskResult.objects.running()


def wait_for(condition, process, log) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"The worker exited with {process.returncode}:\n{read(log)}")
        if time.monotonic() > deadline:
            pytest.fail(f"Not done within {DEADLINE} s; the worker said:\n{read(log)}")
        time.sleep(0.2)


def read(log) -> str:
    log.flush()
    with open(log.name, encoding="utf-8", errors="replace") as text:
        return text.read()[-4000:]


@pytest.fixture
def receiver():
    with Receiver() as receiver:
        yield receiver


@pytest.fixture
def site(locales):
    Site.objects.all().delete()
    tree = make_site("runtime.test", title="Primăria Sectorului 6", default=True)
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=Site.objects.get(hostname="runtime.test"),
    )
    return tree


def test_a_worker_process_indexes_a_published_page_and_delivers_its_webhook(
    client, site, receiver, settings
):
    endpoint = WebhookEndpoint.objects.create(
        site=Site.objects.get(hostname="runtime.test"), url=receiver.url, secret="s3cret"
    )
    page = NewsPageFactory(
        parent=site["news_index"], title="Reabilitarea pasajului Basarab", live=False
    )
    settings.TASKS = DATABASE_TASKS
    DBTaskResult.objects.all().delete()

    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        worker = start_worker(log)
        try:
            page.save_revision().publish()
            enqueued = set(DBTaskResult.objects.values_list("task_path", flat=True))
            # Enqueued in the database for the worker, not run here.
            assert "site_s6.api.webhooks.delivery.deliver_webhook" in enqueued
            assert any(".search." in path for path in enqueued), enqueued

            wait_for(lambda: receiver.requests and not pending_tasks().exists(), worker, log)
        finally:
            stop(worker)

    unsuccessful = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert list(unsuccessful.values_list("task_path", "status", "traceback")) == []
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert verify(endpoint.secret, request)
    assert request["headers"]["X-S6-Event"] == "page.published"

    response = client.get("/api/v3/news/", {"site": "runtime.test", "search": "pasajului"})
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [page.pk]
