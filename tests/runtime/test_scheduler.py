"""The scheduler's registry: which jobs it schedules, their overrides, what they enqueue."""

import datetime
import io

import pytest
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django_tasks import default_task_backend

from site_s6.runtime import scheduler as registry
from site_s6.runtime.scheduler import Periodic

pytestmark = pytest.mark.django_db

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
RUNTIME_JOBS = {
    "publish_scheduled": "site_s6.runtime.tasks.publish_scheduled",
    "prune_task_results": "site_s6.runtime.tasks.prune_task_results",
    "clear_expired_sessions": "site_s6.runtime.tasks.clear_expired_sessions",
}


def scheduled():
    scheduler = BlockingScheduler(timezone="Europe/Bucharest")
    registry.add_jobs(scheduler)
    return {job.id: job for job in scheduler.get_jobs()}


def test_the_apps_jobs_are_scheduled_with_their_triggers():
    jobs = scheduled()

    assert RUNTIME_JOBS.keys() <= jobs.keys()
    publishing = jobs["publish_scheduled"].trigger
    assert isinstance(publishing, IntervalTrigger)
    assert publishing.interval == datetime.timedelta(minutes=1)
    assert isinstance(jobs["prune_task_results"].trigger, CronTrigger)
    assert str(jobs["prune_task_results"].trigger.timezone) == "Europe/Bucharest"


def test_intervals_count_from_a_fixed_origin_so_two_schedulers_fire_together():
    publishing = scheduled()["publish_scheduled"].trigger
    now = datetime.datetime(2026, 3, 4, 10, 15, 37, tzinfo=datetime.UTC)

    first = publishing.get_next_fire_time(None, now)

    assert first == datetime.datetime(2026, 3, 4, 10, 16, tzinfo=datetime.UTC)


def test_settings_change_a_jobs_interval_cron_and_arguments_or_turn_it_off(settings):
    settings.S6_PERIODIC_JOBS = {
        "publish_scheduled": {"every": 300},
        "prune_task_results": {"cron": "0 4 * * sun", "kwargs": {"min_age_days": 30}},
        "clear_expired_sessions": None,
    }

    jobs = scheduled()

    assert jobs["publish_scheduled"].trigger.interval == datetime.timedelta(minutes=5)
    prune = jobs["prune_task_results"]
    assert isinstance(prune.trigger, CronTrigger)
    assert {f.name: str(f) for f in prune.trigger.fields}["day_of_week"] == "sun"
    assert prune.args[0].kwargs == {"min_age_days": 30}
    assert "clear_expired_sessions" not in jobs


def test_an_override_of_an_undeclared_job_is_refused(settings):
    settings.S6_PERIODIC_JOBS = {"morning_digest": {"every": 60}}

    with pytest.raises(ImproperlyConfigured, match="morning_digest"):
        registry.periodic_jobs()


def test_weekdays_are_named_since_apscheduler_and_crontab_number_them_differently():
    with pytest.raises(ImproperlyConfigured, match="weekdays"):
        Periodic(name="x", task="site_s6.runtime.tasks.publish_scheduled", cron="0 4 * * 0")


def test_a_job_needs_exactly_one_of_every_and_cron():
    with pytest.raises(ImproperlyConfigured):
        Periodic(name="x", task="site_s6.runtime.tasks.publish_scheduled")
    with pytest.raises(ImproperlyConfigured):
        Periodic(
            name="x",
            task="site_s6.runtime.tasks.publish_scheduled",
            every=datetime.timedelta(minutes=1),
            cron="* * * * *",
        )


def test_each_job_enqueues_its_task_and_does_not_run_it(settings):
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()

    for name, job in scheduled().items():
        if name in RUNTIME_JOBS:
            # job.func (registry.fire) is this call in a fresh database connection.
            assert job.func is registry.fire
            registry.enqueue(*job.args, **job.kwargs)

    enqueued = sorted(result.task.module_path for result in default_task_backend.results)
    assert enqueued == sorted(RUNTIME_JOBS.values())
    assert {result.status for result in default_task_backend.results} == {"READY"}


def test_a_second_firing_in_the_same_slot_is_skipped(settings):
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    job = next(job for job in registry.periodic_jobs() if job.name == "publish_scheduled")
    slot_start = datetime.datetime(2026, 3, 4, 10, 16, tzinfo=datetime.UTC)

    first = registry.enqueue(job, now=slot_start + datetime.timedelta(seconds=0.2))
    second = registry.enqueue(job, now=slot_start + datetime.timedelta(seconds=0.9))
    next_slot = registry.enqueue(job, now=slot_start + datetime.timedelta(seconds=60.1))

    assert first is not None
    assert second is None
    assert next_slot is not None
    assert len(default_task_backend.results) == 2


def test_the_command_lists_the_jobs():
    out = io.StringIO()

    call_command("run_scheduler", "--list", stdout=out)

    listed = out.getvalue()
    assert all(name in listed for name in RUNTIME_JOBS)
