"""A task left RUNNING by a worker that died runs again, with the same arguments."""

import datetime
import io

import pytest
from apscheduler.schedulers.blocking import BlockingScheduler
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from site_s6.runtime import scheduler as registry
from site_s6.runtime.recovery import WorkerLost, requeue_stale_tasks

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RUNS: list[dict] = []


@task()
def deliver(endpoint_id: int, payload: dict) -> str:
    RUNS.append({"endpoint_id": endpoint_id, **payload})
    return payload["delivery_id"]


def worker(worker_id: str) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def claim_and_die(worker_id: str, *, minutes_ago: int) -> DBTaskResult:
    """What a worker killed in the middle of the due task leaves: the row claimed by it,
    RUNNING, started ``minutes_ago``."""
    due = DBTaskResult.objects.ready().first()
    due.claim(worker_id)
    started = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=due.pk).update(started_at=started)
    return DBTaskResult.objects.get(pk=due.pk)


def run_due_tasks(worker_id: str = "second-worker") -> None:
    runner = worker(worker_id)
    while (due := DBTaskResult.objects.ready().first()) is not None:
        due.claim(runner.worker_id)
        runner.run_task(due)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    settings.S6_TASK_STALE_AFTER = 600
    settings.S6_TASK_MAX_CLAIMS = 3
    RUNS.clear()


def test_a_task_abandoned_by_its_worker_runs_again_as_the_same_call(database_tasks):
    enqueued = deliver.enqueue(7, {"delivery_id": "d-1", "event": "page.published"})
    abandoned = claim_and_die("killed-worker", minutes_ago=11)

    recovery = requeue_stale_tasks()

    assert recovery.requeued == [str(abandoned.pk)]
    assert recovery.failed == []
    again = DBTaskResult.objects.get(pk=enqueued.id)
    assert again.status == TaskResultStatus.READY
    assert again.started_at is None
    run_due_tasks()
    assert RUNS == [{"endpoint_id": 7, "delivery_id": "d-1", "event": "page.published"}]
    done = DBTaskResult.objects.get(pk=enqueued.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value == "d-1"
    assert done.worker_ids == ["killed-worker", "second-worker"]
    assert DBTaskResult.objects.count() == 1


def test_a_task_running_for_less_than_the_timeout_is_left_to_its_worker(database_tasks):
    deliver.enqueue(7, {"delivery_id": "d-2"})
    running = claim_and_die("busy-worker", minutes_ago=9)

    recovery = requeue_stale_tasks()

    assert recovery.requeued == recovery.failed == []
    assert DBTaskResult.objects.get(pk=running.pk).status == TaskResultStatus.RUNNING


def test_the_timeout_is_a_setting(database_tasks, settings):
    settings.S6_TASK_STALE_AFTER = 60
    deliver.enqueue(7, {"delivery_id": "d-3"})
    running = claim_and_die("killed-worker", minutes_ago=2)

    assert requeue_stale_tasks().requeued == [str(running.pk)]


def test_finished_tasks_are_never_touched(database_tasks):
    deliver.enqueue(7, {"delivery_id": "d-4"})
    run_due_tasks()
    old = timezone.now() - datetime.timedelta(hours=5)
    DBTaskResult.objects.update(started_at=old)

    assert requeue_stale_tasks().requeued == []
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_task_whose_workers_keep_dying_is_marked_failed(database_tasks):
    enqueued = deliver.enqueue(7, {"delivery_id": "d-5"})
    for number in range(1, 3):
        claim_and_die(f"worker-{number}", minutes_ago=20)
        assert requeue_stale_tasks().requeued == [str(enqueued.id)]
    claim_and_die("worker-3", minutes_ago=20)

    recovery = requeue_stale_tasks()

    assert recovery.requeued == []
    assert recovery.failed == [str(enqueued.id)]
    failed = DBTaskResult.objects.get(pk=enqueued.id)
    assert failed.status == TaskResultStatus.FAILED
    assert failed.finished_at is not None
    assert failed.exception_class_path == "site_s6.runtime.recovery.WorkerLost"
    assert "3 times" in failed.traceback
    assert failed.task_result.errors[0].exception_class is WorkerLost
    run_due_tasks()
    assert RUNS == []


def test_the_command_recovers_with_its_own_timeout(database_tasks):
    deliver.enqueue(7, {"delivery_id": "d-6"})
    running = claim_and_die("killed-worker", minutes_ago=2)
    out = io.StringIO()

    call_command("requeue_stale_tasks", stdout=out)
    assert DBTaskResult.objects.get(pk=running.pk).status == TaskResultStatus.RUNNING
    call_command("requeue_stale_tasks", "--older-than=60", stdout=out)

    assert DBTaskResult.objects.get(pk=running.pk).status == TaskResultStatus.READY
    assert out.getvalue().splitlines() == [
        "0 task(s) ready to run again, 0 marked failed.",
        "1 task(s) ready to run again, 0 marked failed.",
    ]


def test_the_scheduler_runs_the_recovery_every_minute():
    scheduler = BlockingScheduler(timezone="Europe/Bucharest")
    registry.add_jobs(scheduler)
    job = {job.id: job for job in scheduler.get_jobs()}["requeue_stale_tasks"]

    assert job.trigger.interval == datetime.timedelta(minutes=1)
