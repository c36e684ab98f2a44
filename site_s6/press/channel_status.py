"""The "press list" channel of a release, for the hook ``s6_channel_statuses``.

A press release stands on the press list as its latest distribution does: scheduled (at
its time, or its embargo's end), sending, sent (with how many recipients), or failed
when any delivery failed. Other pages have nothing to say here.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from site_s6.channels.status import DONE, FAILED, NONE, PENDING, SCHEDULED, ChannelStatus

from .models import Delivery, Distribution
from .services.distribution import is_press_release

CHANNEL = gettext_lazy("Press list")


def press_list_status(page) -> list[ChannelStatus]:
    """Where ``page`` stands on the press list (nothing for a page that is not a release)."""
    if not is_press_release(page):
        return []
    distribution = (
        Distribution.objects.filter(page_id=page.pk)
        .annotate(
            recipients=Count("deliveries"),
            failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if distribution is None:
        return [ChannelStatus(channel=str(CHANNEL), state=NONE, detail=_("Not sent to the press"))]
    url = reverse("press_distribution:log", args=[distribution.pk])
    if distribution.status == Distribution.Status.SCHEDULED:
        state, at, detail = SCHEDULED, distribution.send_at, ""
        if distribution.embargo_until:
            detail = _("Under embargo")
    elif distribution.status == Distribution.Status.SENDING:
        state, at, detail = PENDING, distribution.send_at, _("Sending")
    elif distribution.failed:
        state, at = FAILED, distribution.finished_at
        detail = ngettext(
            "%(failed)d of %(count)d message failed",
            "%(failed)d of %(count)d messages failed",
            distribution.recipients,
        ) % {"failed": distribution.failed, "count": distribution.recipients}
    else:
        state, at = DONE, distribution.finished_at
        detail = ngettext(
            "Sent to %(count)d recipient", "Sent to %(count)d recipients", distribution.recipients
        ) % {"count": distribution.recipients}
    return [ChannelStatus(channel=str(CHANNEL), state=state, at=at, detail=detail, url=url)]
