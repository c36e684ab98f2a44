"""A press release under embargo, through the scheduler's jobs, the task worker's code
and a real SMTP server.

Tasks go to the database backend, as with ``make run``; each "minute" the test does what
the scheduler does (``site_s6.runtime.scheduler.enqueue`` of the due jobs: Wagtail's
``publish_scheduled`` and ``press_distributions``), then what ``db_worker`` does with every
due task (claim it, run it). The SMTP server (``smtp_inbox``) refuses one address with a
550, as a real server would; the delivery log keeps its answer.
"""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from site_s6.press.models import Delivery, Distribution
from site_s6.press.services.distribution import distribution_create
from site_s6.runtime.scheduler import enqueue, periodic_jobs
from tests.conftest import for_test
from tests.mailserver import text_of

from .outreach import PRESS_EMAIL, build_outreach_world

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REFUSED = "radu@tv.example"


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build_outreach_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


@pytest.fixture
def refusing_inbox(smtp_inbox):
    """The real SMTP server, answering 550 for one address, as mailbox servers do."""

    async def handle_RCPT(server, session, envelope, address, rcpt_options):  # noqa: N802
        if address == REFUSED:
            return "550 5.1.1 <radu@tv.example>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_inbox.handle_RCPT = handle_RCPT
    return smtp_inbox


def run_due_tasks() -> list[DBTaskResult]:
    """What ``db_worker --batch`` does, in this test's transaction: claim and run every
    due task, then stop (a separate worker process: tests/runtime/test_worker_integration.py)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="press-worker",
        excluded_queue_names=[],
    )
    ran = []
    while (due := DBTaskResult.objects.ready().first()) is not None:
        due.claim(worker.worker_id)
        worker.run_task(due)
        ran.append(due)
    return ran


def scheduler_minute():
    """The scheduler's firing of this minute: publishing and distributions, then the
    worker runs what they enqueued."""
    jobs = {job.name: job for job in periodic_jobs()}
    for name in ("publish_scheduled", "press_distributions"):
        enqueue(jobs[name])
    return run_due_tasks()


def test_an_embargoed_release_leaves_at_its_end_once_per_recipient_with_the_page(
    world, refusing_inbox
):
    # A context manager, nested inside the SMTP server's settings: undone before them.
    with override_settings(TASKS=DATABASE_TASKS):
        run_embargo_journey(world, refusing_inbox)


def run_embargo_journey(world, refusing_inbox):
    release = world["draft_release"]
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    embargo = start + datetime.timedelta(hours=2)

    with time_machine.travel(start, tick=True):
        distribution = distribution_create(
            page=release,
            lists=[world["lists"]["tv"], world["lists"]["papers"]],
            journalists=[],
            user=world["users"]["central"],
            embargo_until=embargo,
        )
        assert scheduler_minute()  # the jobs ran, and found nothing due
    with time_machine.travel(embargo - datetime.timedelta(minutes=1), tick=True):
        scheduler_minute()

    release.refresh_from_db()
    assert refusing_inbox.messages == []
    assert not release.live
    assert Distribution.objects.get().status == Distribution.Status.SCHEDULED

    with time_machine.travel(embargo + datetime.timedelta(seconds=5), tick=True):
        scheduler_minute()
        # The task run again, twice, as a retry or a second worker would: nothing more.
        from site_s6.press.tasks import send_distribution_task

        send_distribution_task.enqueue(distribution.pk)
        send_distribution_task.enqueue(distribution.pk)
        run_due_tasks()
    with time_machine.travel(embargo + datetime.timedelta(minutes=1, seconds=5), tick=True):
        scheduler_minute()

    release.refresh_from_db()
    assert release.live
    assert release.first_published_at >= embargo
    messages = refusing_inbox.messages
    assert sorted(message["To"] for message in messages) == [
        "ana@tv.example",
        "ioana@ziar.example",
    ]
    message = messages[0]
    assert message["Reply-To"] == PRESS_EMAIL
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Subject"] == release.title
    body = text_of(message)
    assert body.startswith("EMBARGO")
    assert release.get_full_url() in body
    deliveries = {d.email: d for d in Delivery.objects.filter(distribution=distribution)}
    assert deliveries[REFUSED].status == Delivery.Status.FAILED
    assert deliveries[REFUSED].error.startswith("550 5.1.1")
    assert {d.status for e, d in deliveries.items() if e != REFUSED} == {Delivery.Status.SENT}
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert Distribution.objects.get().status == Distribution.Status.SENT
