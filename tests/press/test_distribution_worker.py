"""A press release under embargo sent by a real task worker process to a real SMTP server.

``manage.py db_worker`` runs in its own process on the database backend, as ``make run``
and production do; the test plays the scheduler (it enqueues the periodic jobs' tasks)
and the SMTP server (``smtp_inbox``), in real time: the embargo ends a few seconds after
the distribution is queued. The worker's e-mail settings point at the test's server (the
test settings keep messages in memory, which another process cannot show).
"""

import datetime
import os
import subprocess
import sys
import tempfile
import time

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from site_s6.press.models import Delivery, Distribution
from site_s6.press.services.distribution import distribution_create
from site_s6.press.tasks import enqueue_due_distributions, send_distribution_task
from site_s6.runtime.tasks import publish_scheduled
from tests.mailserver import text_of
from tests.runtime.test_worker_integration import database_url, pending_tasks, stop, wait_for

from .outreach import build_outreach_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
#: Seconds between queuing the distribution and the embargo's end.
EMBARGO_SECONDS = 20
# The real ``db_worker`` command, with the test server's SMTP settings.
LAUNCHER = """
import django, sys
django.setup()
from django.conf import settings
settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", int(sys.argv[1])
from django.core.management import call_command
call_command("db_worker", "--queue-name=*", "--interval=0.2", "--no-startup-delay", "--no-reload")
"""


def start_worker(log, smtp_port: int):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_s6.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-c", LAUNCHER, str(smtp_port)]
    return subprocess.Popen(  # noqa: S603 - a fixed command line
        command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
    )


def scheduler_fires():
    """What the scheduler enqueues every minute for publishing and distributions."""
    publish_scheduled.enqueue()
    enqueue_due_distributions.enqueue()


def test_a_worker_process_sends_an_embargoed_release_once_per_recipient_at_its_end(smtp_inbox):
    # A context manager, nested inside the SMTP server's settings: undone before them.
    with override_settings(TASKS=DATABASE_TASKS):
        run_embargo_with_a_worker_process(smtp_inbox)


def run_embargo_with_a_worker_process(smtp_inbox):
    world = build_outreach_world()
    release = world["draft_release"]
    port = int(settings.EMAIL_PORT)
    embargo = timezone.now() + datetime.timedelta(seconds=EMBARGO_SECONDS)
    distribution = distribution_create(
        page=release,
        lists=[world["lists"]["tv"], world["lists"]["papers"]],
        journalists=[],
        user=world["users"]["central"],
        embargo_until=embargo,
    )

    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        worker = start_worker(log, port)
        try:
            scheduler_fires()
            wait_for(lambda: not pending_tasks().exists(), worker, log)
            assert timezone.now() < embargo, "the worker took longer than the embargo"
            release.refresh_from_db()
            assert smtp_inbox.messages == []
            assert not release.live

            time.sleep(max((embargo - timezone.now()).total_seconds(), 0) + 0.5)
            scheduler_fires()
            wait_for(lambda: not pending_tasks().exists(), worker, log)
            # Run again, twice, as a retry or a second worker would: nothing more.
            send_distribution_task.enqueue(distribution.pk)
            send_distribution_task.enqueue(distribution.pk)
            scheduler_fires()
            wait_for(lambda: not pending_tasks().exists(), worker, log)
        finally:
            stop(worker)

    release.refresh_from_db()
    assert release.live
    assert release.first_published_at >= embargo
    assert sorted(message["To"] for message in smtp_inbox.messages) == [
        "ana@tv.example",
        "ioana@ziar.example",
        "radu@tv.example",
    ]
    assert all(text_of(message).startswith("EMBARGO") for message in smtp_inbox.messages)
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}
    assert Distribution.objects.get().status == Distribution.Status.SENT
    unsuccessful = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert list(unsuccessful.values_list("task_path", "traceback")) == []
