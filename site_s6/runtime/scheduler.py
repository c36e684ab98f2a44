"""The periodic jobs of every app, and the scheduler process that enqueues them.

An app declares its jobs in a ``schedule.py`` module with a ``PERIODIC`` list of
:class:`Periodic` (see ``site_s6/runtime/schedule.py``). A job names a django-tasks task,
which the scheduler only *enqueues*: the task worker runs it, so a slow job never delays
the next, and failures, retries and results are those of any task (the task report).

The ``S6_PERIODIC_JOBS`` setting overrides a job by name::

    S6_PERIODIC_JOBS = {
        "publish_scheduled": {"every": 300},         # seconds
        "morning_digest": {"cron": "30 6 * * mon-fri"},  # Europe/Bucharest time
        "prune_task_results": {"kwargs": {"min_age_days": 30}},
        "feed_polling": None,                        # off
    }

One scheduler process runs. Should a second one run by mistake, both fire at the same
times (intervals count from a fixed origin, cron lines are wall-clock), and each firing
first claims its slot with an atomic ``cache.add`` in the shared cache: the second
claimant of a slot enqueues nothing.
"""

import datetime
import logging
import math
from dataclasses import dataclass, field, replace
from importlib import import_module

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string, module_has_submodule

logger = logging.getLogger(__name__)

MODULE_NAME = "schedule"
#: Intervals count from here, so that every scheduler fires at the same instants.
ORIGIN = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
#: A cron line's slot is its minute.
CRON_SLOT_SECONDS = 60
CLAIM_PREFIX = "s6:periodic"


@dataclass(frozen=True)
class Periodic:
    """A task enqueued every ``every`` or at the times of the cron line ``cron``."""

    name: str
    #: The dotted path of a django-tasks ``Task``.
    task: str
    every: datetime.timedelta | None = None
    #: Five fields (minute hour day month weekday), in the project's time zone;
    #: weekdays by name (``30 6 * * mon-fri``).
    cron: str | None = None
    kwargs: dict = field(default_factory=dict)

    def __post_init__(self):
        if (self.every is None) == (self.cron is None):
            raise ImproperlyConfigured(f"Periodic job {self.name!r}: give either every or cron")
        if self.every is not None and self.every.total_seconds() < 1:
            raise ImproperlyConfigured(f"Periodic job {self.name!r}: every must be ≥ 1 s")
        if self.cron is not None:
            fields = self.cron.split()
            if len(fields) != 5:
                raise ImproperlyConfigured(f"Periodic job {self.name!r}: cron needs 5 fields")
            if any(char.isdigit() for char in fields[4]):
                # APScheduler 3 counts weekdays from Monday = 0, crontab from Sunday = 0:
                # a number would silently shift the day, a name (mon-fri, sun) cannot.
                raise ImproperlyConfigured(
                    f"Periodic job {self.name!r}: name the weekdays (mon-fri), not numbers"
                )

    def trigger(self):
        """The APScheduler trigger of the job."""
        zone = settings.TIME_ZONE
        if self.every is not None:
            return IntervalTrigger(
                seconds=int(self.every.total_seconds()), start_date=ORIGIN, timezone=zone
            )
        return CronTrigger.from_crontab(self.cron, timezone=zone)

    def slot_seconds(self) -> int:
        return int(self.every.total_seconds()) if self.every is not None else CRON_SLOT_SECONDS

    def slot(self, now: datetime.datetime) -> int:
        """The number of the firing that ``now`` belongs to."""
        return math.floor((now - ORIGIN).total_seconds() / self.slot_seconds())


def declared_jobs() -> list[Periodic]:
    """The jobs declared by the installed apps' ``schedule`` modules, in app order."""
    jobs: dict[str, Periodic] = {}
    for app_config in apps.get_app_configs():
        if not module_has_submodule(app_config.module, MODULE_NAME):
            continue
        module = import_module(f"{app_config.name}.{MODULE_NAME}")
        for job in getattr(module, "PERIODIC", []):
            if job.name in jobs:
                raise ImproperlyConfigured(f"Two periodic jobs are named {job.name!r}")
            jobs[job.name] = job
    return list(jobs.values())


def _overridden(job: Periodic, options: dict) -> Periodic:
    changes = {}
    if "every" in options:
        changes.update(every=datetime.timedelta(seconds=options["every"]), cron=None)
    if "cron" in options:
        changes.update(cron=options["cron"], every=None)
    if "kwargs" in options:
        changes["kwargs"] = {**job.kwargs, **options["kwargs"]}
    return replace(job, **changes)


def periodic_jobs() -> list[Periodic]:
    """The jobs to schedule: the declared ones with the ``S6_PERIODIC_JOBS`` overrides,
    without those the setting turns off (``None``)."""
    overrides = dict(getattr(settings, "S6_PERIODIC_JOBS", {}))
    jobs = []
    for job in declared_jobs():
        if job.name not in overrides:
            jobs.append(job)
        elif overrides[job.name] is not None:
            jobs.append(_overridden(job, overrides[job.name]))
        overrides.pop(job.name, None)
    if overrides:
        raise ImproperlyConfigured(
            f"S6_PERIODIC_JOBS names jobs nobody declares: {', '.join(sorted(overrides))}"
        )
    return jobs


def claim(job: Periodic, now: datetime.datetime) -> bool:
    """Whether this process is the first to fire ``job`` in the slot of ``now``."""
    key = f"{CLAIM_PREFIX}:{job.name}:{job.slot(now)}"
    return cache.add(key, now.isoformat(), timeout=2 * job.slot_seconds())


def enqueue(job: Periodic, now: datetime.datetime | None = None):
    """Enqueue ``job``'s task unless another scheduler did in this slot; return the
    task result, or None when skipped."""
    now = now or timezone.now()
    if not claim(job, now):
        logger.info("Periodic job %s: already enqueued in this slot, skipped", job.name)
        return None
    result = import_string(job.task).enqueue(**job.kwargs)
    logger.info("Periodic job %s: enqueued %s as %s", job.name, job.task, result.id)
    return result


def fire(job: Periodic):
    """What the scheduler runs: :func:`enqueue`, in a database connection that is checked
    before and released after, as Django does around a request (the scheduler's threads
    live for days)."""
    close_old_connections()
    try:
        return enqueue(job)
    finally:
        close_old_connections()


def add_jobs(scheduler, jobs: list[Periodic] | None = None) -> None:
    """Add the periodic jobs to an APScheduler scheduler (not started)."""
    for job in periodic_jobs() if jobs is None else jobs:
        # Fail at start-up, not at the first firing, when a task path is wrong.
        import_string(job.task)
        scheduler.add_job(
            fire,
            trigger=job.trigger(),
            args=[job],
            id=job.name,
            name=job.name,
            # A firing missed by less than a slot (a busy host) still happens, once.
            misfire_grace_time=max(job.slot_seconds() // 2, 1),
            coalesce=True,
            max_instances=1,
            replace_existing=True,
        )
