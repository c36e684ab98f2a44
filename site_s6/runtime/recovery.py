"""Tasks whose worker died are run again: stale RUNNING tasks go back to READY.

django-tasks-db (0.13) marks a task RUNNING when a worker claims it, and SUCCESSFUL or
FAILED when that worker finishes it. A worker that dies in between (``SIGKILL``, out of
memory, its machine lost) leaves the task RUNNING for good: no worker claims it again,
and django-tasks-db has no recovery of its own. A webhook delivery caught that way would
never reach its receiver.

A task RUNNING for longer than ``S6_TASK_STALE_AFTER`` seconds is taken as abandoned by
its worker: no task of the product runs that long (a webhook delivery gives up after
three times ``S6_WEBHOOK_TIMEOUT``), so the worker that claimed it is gone. The same row
is set back to READY with its arguments untouched, so the next worker runs the same call
again: a webhook delivery goes out with the same delivery id. Delivery is therefore at
least once: the receiver may have had the first attempt (the delivery id tells it).

A task abandoned ``S6_TASK_MAX_CLAIMS`` times is marked FAILED instead, since it may be
what kills its worker; it shows in the task report. Each claim adds the worker's id to
the row's ``worker_ids``, which counts them.

The scheduler runs :func:`requeue_stale_tasks` every minute (``site_s6/runtime/
schedule.py``); ``manage.py requeue_stale_tasks`` runs it at once (docs/operations.md).
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

#: Seconds a task may stay RUNNING before it is taken as abandoned by its worker.
STALE_AFTER = 30 * 60
#: Claims of one task (its first run and the runs after each recovery) before it fails.
MAX_CLAIMS = 3


class WorkerLost(Exception):  # noqa: N818 - the name the task report shows
    """Recorded on a task whose workers died under it ``S6_TASK_MAX_CLAIMS`` times."""


@dataclass
class Recovery:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "S6_TASK_STALE_AFTER", STALE_AFTER))


def max_claims() -> int:
    return int(getattr(settings, "S6_TASK_MAX_CLAIMS", MAX_CLAIMS))


def requeue_stale_tasks(*, older_than: datetime.timedelta | None = None) -> Recovery:
    """Set the tasks RUNNING for longer than ``older_than`` (``S6_TASK_STALE_AFTER`` by
    default) back to READY, or to FAILED after ``S6_TASK_MAX_CLAIMS`` claims.

    Each row changes only if it is still the run that was found stale (same status and
    start time): a worker that finishes it meanwhile wins.
    """
    now = timezone.now()
    cutoff = now - (older_than if older_than is not None else stale_after())
    limit = max_claims()
    recovery = Recovery()
    stale = (
        DBTaskResult.objects.running()
        .filter(started_at__lt=cutoff)
        .only("id", "started_at", "worker_ids", "task_path")
        .order_by("started_at")
    )
    for result in stale:
        same_run = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        claims = len(result.worker_ids)
        if claims >= limit:
            changed = same_run.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                return_value=None,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=f"The worker running this task stopped before it finished, "
                f"{claims} times (workers {', '.join(result.worker_ids)}).",
            )
            if changed:
                recovery.failed.append(str(result.pk))
                logger.error(
                    "Task %s (%s) lost its worker %d times: marked failed",
                    result.task_path,
                    result.pk,
                    claims,
                )
            continue
        if same_run.update(status=TaskResultStatus.READY, started_at=None):
            recovery.requeued.append(str(result.pk))
            logger.warning(
                "Task %s (%s) was left running by worker %s since %s: ready to run again",
                result.task_path,
                result.pk,
                result.worker_ids[-1] if result.worker_ids else "?",
                result.started_at.isoformat(),
            )
    return recovery
