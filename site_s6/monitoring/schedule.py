"""The press review's periodic jobs: polling the feeds, and the morning digest at 08:00
on working days (Europe/Bucharest, the project's time zone). Both can be changed or
turned off by name with ``S6_PERIODIC_JOBS`` (docs/monitoring.md)."""

import datetime

from django.conf import settings

from site_s6.runtime.scheduler import Periodic

PERIODIC = [
    Periodic(
        name="press_monitor_poll",
        task="site_s6.monitoring.tasks.poll_due_sources",
        every=datetime.timedelta(minutes=getattr(settings, "S6_PRESS_POLL_MINUTES", 30)),
    ),
    Periodic(
        name="press_morning_digest",
        task="site_s6.monitoring.tasks.send_morning_digest",
        cron=getattr(settings, "S6_PRESS_DIGEST_CRON", "0 8 * * mon-fri"),
    ),
]
