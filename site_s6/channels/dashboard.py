"""The central team's channels panel on the admin home: requests from departments that
wait for a decision, and releases with a failed or pending channel."""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .models import CommunicationRequest, FacebookPost
from .status import channel_statuses
from .statuses import kit_days

LIMIT = 20


def releases_needing_attention(limit: int = LIMIT) -> list[dict]:
    """Releases with a failed or pending channel, newest first: those with a Facebook
    post not yet done, and those published within the group kit's days (whose kit may
    wait to be pasted). Each candidate's channels are read through the hook, so a
    channel of another app (the press list) counts too."""
    recent = timezone.now() - datetime.timedelta(days=kit_days())
    posts = FacebookPost.objects.exclude(state=FacebookPost.State.POSTED).values("page_id")
    candidates = (
        Page.objects.filter(
            Q(pk__in=posts)
            | Q(live=True, first_published_at__gte=recent, group_kit_mark__isnull=True)
        )
        .filter(
            content_type__app_label__in=["news", "events", "campaigns"],
            content_type__model__in=["newspage", "eventpage", "campaignpage"],
        )
        .specific()
        .order_by("-latest_revision_created_at")[: limit * 2]
    )
    rows = []
    for page in candidates:
        waiting = [status for status in channel_statuses(page) if status.needs_attention]
        if waiting:
            rows.append({"page": page, "statuses": waiting})
        if len(rows) >= limit:
            break
    return rows


class ChannelsPanel(Component):
    name = "s6_channels"
    template_name = "channels/dashboard/channels_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        open_requests = CommunicationRequest.objects.filter(
            status=CommunicationRequest.Status.SUBMITTED
        ).select_related("requester")
        return {
            "request": parent_context["request"],
            "open_requests": list(open_requests[:LIMIT]),
            "open_count": open_requests.count(),
            "releases": releases_needing_attention(),
        }
