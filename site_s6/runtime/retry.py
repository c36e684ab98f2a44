"""Retries of tasks that declare them: a failed run is enqueued again, later.

django-tasks (0.12) and its database backend run a task once and record the failure;
they have no retries. A task that is worth running again (a transient failure: a feed
that timed out, a locked row) says so with :func:`retryable`; a task of another package
is named in the ``S6_TASK_RETRIES`` setting. When such a task fails, the handler below
enqueues the same task with the same arguments after the policy's delay, until the last
attempt. Only the database backend retries (the immediate backend of the unit tests keeps no
queue). Webhook deliveries keep their own retries (their log records each attempt) and
are not declared here.

    @retryable(attempts=3, delays=(60, 600))
    @task()
    def poll_feed(source_id): ...
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db import DatabaseBackend

logger = logging.getLogger(__name__)

DEFAULT_ATTEMPTS = 3
#: Seconds before the 2nd, 3rd, … attempt (the last value repeats).
DEFAULT_DELAYS = (60, 300, 1800)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = DEFAULT_ATTEMPTS
    delays: tuple[int, ...] = DEFAULT_DELAYS

    def delay_after(self, attempt: int) -> datetime.timedelta:
        """The wait before the attempt that follows attempt number ``attempt``."""
        seconds = self.delays[min(attempt - 1, len(self.delays) - 1)] if self.delays else 0
        return datetime.timedelta(seconds=seconds)


_declared: dict[str, RetryPolicy] = {}


def retryable(*, attempts: int = DEFAULT_ATTEMPTS, delays=DEFAULT_DELAYS):
    """Declare that the task it decorates (above ``@task()``) is retried on failure."""

    def declare(task):
        _declared[task.module_path] = RetryPolicy(attempts=attempts, delays=tuple(delays))
        return task

    return declare


def policy_for(module_path: str) -> RetryPolicy | None:
    """The retry policy of the task at ``module_path``: the ``S6_TASK_RETRIES`` setting
    (``{"path": {"attempts": 3, "delays": [60]}}``, or ``None`` to retry nothing) wins over
    the task's own declaration."""
    configured = getattr(settings, "S6_TASK_RETRIES", {})
    if module_path in configured:
        options = configured[module_path]
        if options is None:
            return None
        return RetryPolicy(
            attempts=int(options.get("attempts", DEFAULT_ATTEMPTS)),
            delays=tuple(options.get("delays", DEFAULT_DELAYS)),
        )
    return _declared.get(module_path)


def attempt_of(result_id) -> int:
    """Which attempt the result with id ``result_id`` is (1 unless it is a retry)."""
    from .models import TaskRetry

    attempt = TaskRetry.objects.filter(result_id=result_id).values_list("attempt", flat=True)
    return attempt.first() or 1


def retry_failed(task_result) -> object | None:
    """Enqueue the next attempt of ``task_result`` if its task's policy allows one;
    return the new result, or None."""
    from .models import TaskRetry

    if task_result.status != TaskResultStatus.FAILED:
        return None
    task = task_result.task
    policy = policy_for(task.module_path)
    if policy is None:
        return None
    if not isinstance(task.get_backend(), DatabaseBackend):
        # Only the database backend defers and keeps the result the attempt refers to.
        logger.warning("Task %s failed; its backend keeps no queue, no retry", task.module_path)
        return None
    attempt = attempt_of(task_result.id)
    if attempt >= policy.attempts:
        logger.warning(
            "Task %s (%s) failed on its last attempt (%d)",
            task.module_path,
            task_result.id,
            attempt,
        )
        return None
    run_after = timezone.now() + policy.delay_after(attempt)
    retried = task.using(run_after=run_after).enqueue(*task_result.args, **task_result.kwargs)
    TaskRetry.objects.create(result_id=retried.id, previous_id=task_result.id, attempt=attempt + 1)
    logger.info(
        "Task %s (%s) failed; attempt %d at %s as %s",
        task.module_path,
        task_result.id,
        attempt + 1,
        run_after.isoformat(),
        retried.id,
    )
    return retried


def _on_task_finished(sender, task_result, **kwargs):
    try:
        retry_failed(task_result)
    except Exception:
        # The worker goes on with the next task; the failure stays in the report.
        logger.exception("Could not enqueue a retry of task %s", task_result.id)


def connect_signals() -> None:
    task_finished.connect(_on_task_finished, dispatch_uid="s6-runtime-task-retry")
