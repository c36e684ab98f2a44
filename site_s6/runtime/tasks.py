"""The runtime's own periodic tasks; the scheduler enqueues them, the worker runs them."""

import io
import logging

from django.conf import settings
from django.core.management import call_command
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from .retry import retryable

logger = logging.getLogger(__name__)

#: Days a finished task result is kept (successful and failed alike, unless set apart).
RESULT_RETENTION_DAYS = 14


def _output_of(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=out)
    return out.getvalue().strip()


@task()
def publish_scheduled() -> str:
    """Publish the pages whose go-live time has come and unpublish the expired ones
    (Wagtail's ``publish_scheduled``); return what it reported."""
    return _output_of("publish_scheduled")


@retryable(attempts=3, delays=(600, 3600))
@task()
def prune_task_results(
    min_age_days: int | None = None, failed_min_age_days: int | None = None
) -> list[str]:
    """Delete the finished task results older than the retention (django-tasks-db's
    ``prune_db_task_results``), in every queue of every database backend."""
    if min_age_days is None:
        min_age_days = getattr(settings, "S6_TASK_RESULT_RETENTION_DAYS", RESULT_RETENTION_DAYS)
    if failed_min_age_days is None:
        failed_min_age_days = getattr(settings, "S6_FAILED_TASK_RETENTION_DAYS", min_age_days)
    pruned = []
    for alias in settings.TASKS:
        if not isinstance(task_backends[alias], DatabaseBackend):
            continue
        pruned.append(
            _output_of(
                "prune_db_task_results",
                f"--backend={alias}",
                "--queue-name=*",
                f"--min-age-days={min_age_days}",
                f"--failed-min-age-days={failed_min_age_days}",
            )
        )
    return pruned


@task()
def clear_expired_sessions() -> None:
    """Delete the expired sessions (Django's ``clearsessions``)."""
    call_command("clearsessions")


@task()
def requeue_stale_tasks() -> dict[str, list[str]]:
    """Run again the tasks whose worker died under them (:mod:`site_s6.runtime.recovery`);
    return the ids set back to ready and those marked failed."""
    from .recovery import requeue_stale_tasks as recover

    recovery = recover()
    return {"requeued": recovery.requeued, "failed": recovery.failed}
