"""Open journalists' requests in the press review's morning digest.

The digest (``site_s6.monitoring.digest``) asks the ``press_digest_waiting`` hook what
the press is waiting for; this is the register's answer: every open request due before
the end of the digest's day, overdue ones first.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import InformationRequest


def requests_waiting(until: datetime.datetime) -> list[dict]:
    """The digest's section of open requests due before the end of ``until``'s day."""
    due = (
        InformationRequest.objects.filter(
            status__in=InformationRequest.OPEN_STATUSES,
            due_at__lt=until + datetime.timedelta(days=1),
        )
        .select_related("institution")
        .order_by("due_at")
    )
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    items = [
        {
            "label": f"{row.registration_number} · {row.requester_name}"
            + (f" ({row.requester_outlet})" if row.requester_outlet else "")
            + f" · {row.institution.short_name}",
            "due_at": row.due_at,
            "url": base + reverse("press_requests:edit", args=[row.pk]),
        }
        for row in due
    ]
    return [{"title": _("Journalists' requests due"), "items": items}]
