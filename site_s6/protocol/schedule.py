"""The protocol office's periodic jobs: the reminder of gift declarations (Law 251/2004,
30 days from receipt), at 09:00 on working days (Europe/Bucharest). Changed or turned off
by name with ``S6_PERIODIC_JOBS`` (docs/operations.md)."""

from django.conf import settings

from site_s6.runtime.scheduler import Periodic

PERIODIC = [
    Periodic(
        name="protocol_gift_reminders",
        task="site_s6.protocol.tasks.send_gift_reminders",
        cron=getattr(settings, "S6_GIFT_REMINDER_CRON", "0 9 * * mon-fri"),
    ),
]
