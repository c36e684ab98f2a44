"""The press office's periodic jobs: the morning reminder of journalists' requests due
within a day or overdue, at 08:30 on working days (Europe/Bucharest), and, every minute,
the press distributions whose time or embargo's end has come. Changed or turned off by
name with ``S6_PERIODIC_JOBS`` (docs/operations.md)."""

import datetime

from django.conf import settings

from site_s6.runtime.scheduler import Periodic

PERIODIC = [
    Periodic(
        name="press_request_reminders",
        task="site_s6.press.tasks.send_request_reminders",
        cron=getattr(settings, "S6_PRESS_REQUEST_REMINDER_CRON", "30 8 * * mon-fri"),
    ),
    Periodic(
        name="press_distributions",
        task="site_s6.press.tasks.enqueue_due_distributions",
        every=datetime.timedelta(minutes=1),
    ),
]
