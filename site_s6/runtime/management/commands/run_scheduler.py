import logging
import signal

from apscheduler.schedulers.blocking import BlockingScheduler
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from site_s6.runtime.scheduler import add_jobs


class Command(BaseCommand):
    help = (
        "Run the scheduler: enqueue every app's periodic jobs as tasks for the task worker. "
        "Run exactly one (see docs/deployment.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", help="Print the jobs and their next run, then exit."
        )

    def handle(self, *args, list=False, verbosity=1, **options):
        if verbosity < 2:
            # Its job-store chatter at start-up; each enqueueing is logged by the registry.
            logging.getLogger("apscheduler").setLevel(logging.WARNING)
        scheduler = BlockingScheduler(timezone=settings.TIME_ZONE)
        add_jobs(scheduler)
        if list:
            now = timezone.localtime()
            for job in scheduler.get_jobs():
                first = job.trigger.get_next_fire_time(None, now)
                self.stdout.write(f"{job.name:<24} {job.trigger}  next: {first:%Y-%m-%d %H:%M %Z}")
            return

        def stop(signum, frame):
            scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        names = ", ".join(job.name for job in scheduler.get_jobs())
        self.stdout.write(f"Scheduler: {names}")
        scheduler.start()
