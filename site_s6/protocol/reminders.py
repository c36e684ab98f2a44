"""The reminders of gift declarations: the central team is told when a gift received
nears its 30-day due day (a week before, the day before) and when it is overdue.

Each gift is named once per threshold, ever: a row of ``GiftReminder`` records it, written
only once the message has gone, so a run that fails names the gift again next time.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from site_s6.core.mail import branding_context, send_templated
from subsites.roles import CENTRAL_TEAM_GROUP

from . import gift_rules
from .gifts import Gift, GiftReminder

logger = logging.getLogger(__name__)

SUBJECT = _("Gifts register: declarations due or overdue")


def reminders_due(*, today: datetime.date) -> list[tuple[Gift, str, int]]:
    """The gifts whose declaration reached a reminder threshold not sent yet, with the
    threshold and the days left (negative once overdue), most urgent first."""
    gifts = (
        Gift.objects.awaiting_declaration()
        .select_related("file__visit")
        .prefetch_related("reminders")
    )
    due = []
    for gift in gifts:
        left = gift.days_left(today)
        if left is None:  # exempt
            continue
        threshold = gift_rules.reminder_threshold(left)
        if threshold and threshold not in {reminder.threshold for reminder in gift.reminders.all()}:
            due.append((gift, threshold, left))
    return sorted(due, key=lambda row: (row[2], row[0].pk))


def central_team_addresses() -> list[str]:
    """The e-mail addresses of the central team's active members."""
    users = get_user_model().objects.filter(is_active=True, groups__name=CENTRAL_TEAM_GROUP)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def send_gift_reminders(*, today: datetime.date | None = None) -> int:
    """E-mail the central team the gifts that reached a reminder threshold; how many gifts
    were named (0 when there is nothing to say or nobody to tell).

    One message to the whole team, in the site's default language. A mail server that
    fails raises, so that the task is retried, and nothing is recorded as sent.
    """
    today = today or timezone.localdate()
    rows = reminders_due(today=today)
    recipients = central_team_addresses()
    if not rows or not recipients:
        return 0
    admin_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    send_templated(
        to=recipients,
        subject=SUBJECT,
        template="protocol/mail/gift_reminder",
        context={
            "rows": [
                {
                    "gift": gift,
                    "due": gift.declaration_due,
                    "days_left": max(left, 0),
                    "days_late": max(-left, 0),
                }
                for gift, _threshold, left in rows
            ],
            "admin_url": admin_url,
            **branding_context(Site.objects.filter(is_default_site=True).first()),
        },
        language=settings.LANGUAGE_CODE,
    )
    with transaction.atomic():
        GiftReminder.objects.bulk_create(
            [GiftReminder(gift=gift, threshold=threshold) for gift, threshold, _left in rows],
            ignore_conflicts=True,
        )
    logger.info("Gift reminders: %s gifts named to %s people", len(rows), len(recipients))
    return len(rows)
