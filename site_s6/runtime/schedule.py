"""The runtime's periodic jobs. Every app declares its own in a ``schedule.py`` like this
one (see :mod:`site_s6.runtime.scheduler`)."""

import datetime

from .scheduler import Periodic

PERIODIC = [
    # Wagtail's scheduled publishing: go-live and expiry times are kept to the minute.
    Periodic(
        name="publish_scheduled",
        task="site_s6.runtime.tasks.publish_scheduled",
        every=datetime.timedelta(minutes=1),
    ),
    # Tasks left RUNNING by a worker that died run again (site_s6.runtime.recovery).
    Periodic(
        name="requeue_stale_tasks",
        task="site_s6.runtime.tasks.requeue_stale_tasks",
        every=datetime.timedelta(minutes=1),
    ),
    Periodic(
        name="prune_task_results",
        task="site_s6.runtime.tasks.prune_task_results",
        cron="17 3 * * *",
    ),
    Periodic(
        name="clear_expired_sessions",
        task="site_s6.runtime.tasks.clear_expired_sessions",
        cron="47 3 * * *",
    ),
]
