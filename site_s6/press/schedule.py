"""The press office's periodic jobs: the morning reminder of journalists' requests due
within a day or overdue, at 08:30 on working days (Europe/Bucharest). Changed or turned
off by name with ``S6_PERIODIC_JOBS`` (docs/operations.md)."""

from django.conf import settings

from site_s6.runtime.scheduler import Periodic

PERIODIC = [
    Periodic(
        name="press_request_reminders",
        task="site_s6.press.tasks.send_request_reminders",
        cron=getattr(settings, "S6_PRESS_REQUEST_REMINDER_CRON", "30 8 * * mon-fri"),
    ),
]
