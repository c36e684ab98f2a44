import datetime

from django.core.management.base import BaseCommand

from site_s6.runtime.recovery import requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Set the tasks left RUNNING by a worker that died back to READY (the same task, "
        "the same arguments), or to FAILED after S6_TASK_MAX_CLAIMS claims. The scheduler "
        "does it every minute; see docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="SECONDS",
            help="Running for longer than this (default: S6_TASK_STALE_AFTER).",
        )

    def handle(self, *args, older_than=None, **options):
        recovery = requeue_stale_tasks(
            older_than=None if older_than is None else datetime.timedelta(seconds=older_than)
        )
        self.stdout.write(
            f"{len(recovery.requeued)} task(s) ready to run again, "
            f"{len(recovery.failed)} marked failed."
        )
