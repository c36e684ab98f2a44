"""Tasks that declare retries are enqueued again after a failure, up to their attempts."""

import datetime

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from site_s6.runtime.models import TaskRetry
from site_s6.runtime.retry import retryable

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@retryable(attempts=3, delays=(60, 600))
@task()
def flaky(source: str) -> None:
    raise ConnectionError(f"{source} did not answer")


@task()
def fragile() -> None:
    raise ConnectionError("no retry declared")


def run_due_tasks() -> None:
    """What ``db_worker --batch`` does, in this test's transaction: claim and run every
    due task, then stop (the real process is tests/runtime/test_worker_integration.py)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (due := DBTaskResult.objects.ready().first()) is not None:
        due.claim(worker.worker_id)
        worker.run_task(due)


def make_due(result: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=result.pk).update(run_after=timezone.now())


def test_a_retryable_task_is_retried_with_its_delays_until_its_last_attempt(settings):
    settings.TASKS = DATABASE_TASKS
    first = flaky.enqueue("feed.example")

    run_due_tasks()

    second = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert DBTaskResult.objects.get(pk=first.id).status == TaskResultStatus.FAILED
    assert second.task_path == first.task.module_path
    assert second.args_kwargs == {"args": ["feed.example"], "kwargs": {}}
    delay = second.run_after - DBTaskResult.objects.get(pk=first.id).finished_at
    assert datetime.timedelta(seconds=59) < delay < datetime.timedelta(seconds=61)
    assert TaskRetry.objects.get(result=second).attempt == 2

    make_due(second)
    run_due_tasks()

    third = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert TaskRetry.objects.get(result=third).attempt == 3
    assert TaskRetry.objects.get(result=third).previous_id == second.pk

    make_due(third)
    run_due_tasks()

    assert DBTaskResult.objects.count() == 3
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"FAILED"}


def test_a_task_without_a_declaration_is_not_retried(settings):
    settings.TASKS = DATABASE_TASKS
    fragile.enqueue()

    run_due_tasks()

    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"]


def test_the_setting_declares_or_removes_retries(settings):
    settings.TASKS = DATABASE_TASKS
    settings.S6_TASK_RETRIES = {
        fragile.module_path: {"attempts": 2, "delays": [5]},
        flaky.module_path: None,
    }
    fragile.enqueue()
    flaky.enqueue("feed.example")

    run_due_tasks()

    waiting = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert waiting.task_path == fragile.module_path


def test_the_immediate_backend_retries_nothing():
    with pytest.raises(ConnectionError):
        flaky.call("feed.example")
    result = flaky.enqueue("feed.example")

    assert result.status == TaskResultStatus.FAILED
    assert not TaskRetry.objects.exists()
