"""The channels this app reports on (``s6_channel_statuses``, see ``status.py``): the
site, the Facebook Page, the group kit and the e-mail subscribers. The press list is the
press office's own (registered by ``site_s6.press``)."""

from __future__ import annotations

import datetime
from functools import wraps

from django.conf import settings
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from site_s6.campaigns.models import CampaignPage
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage

from .models import FacebookPost, GroupKitMark
from .services.facebook import connection_for, error_explanation
from .status import DONE, FAILED, NONE, PENDING, SCHEDULED, ChannelStatus

#: The page types that are releases: news, events and campaigns.
RELEASE_TYPES = (NewsPage, EventPage, CampaignPage)
#: For how many days after publication an unmarked group kit is still "pending".
DEFAULT_KIT_DAYS = 7


def is_release(page: Page) -> bool:
    return isinstance(page.specific, RELEASE_TYPES)


def releases_only(function):
    """A status function that says nothing about pages other than releases."""

    @wraps(function)
    def wrapper(page: Page) -> list[ChannelStatus]:
        return function(page) if is_release(page) else []

    return wrapper


def kit_days() -> int:
    return int(getattr(settings, "S6_GROUP_KIT_DAYS", DEFAULT_KIT_DAYS))


def go_live_at(page: Page) -> datetime.datetime | None:
    """When a scheduled publication of ``page`` takes effect, if one is scheduled."""
    revision = page.scheduled_revision
    return revision.approved_go_live_at if revision else None


@releases_only
def site_status(page: Page) -> list[ChannelStatus]:
    channel = _("Site")
    if page.live:
        return [
            ChannelStatus(channel, DONE, at=page.last_published_at, url=page.get_full_url() or "")
        ]
    if at := go_live_at(page):
        return [ChannelStatus(channel, SCHEDULED, at=at)]
    return [ChannelStatus(channel, PENDING, detail=_("Draft"))]


@releases_only
def facebook_status(page: Page) -> list[ChannelStatus]:
    channel = _("Facebook page")
    post = FacebookPost.objects.filter(page=page).first()
    if post is None:
        return [ChannelStatus(channel, NONE)]
    State = FacebookPost.State
    if post.state == State.POSTED:
        return [ChannelStatus(channel, DONE, at=post.posted_at, url=post.permalink)]
    if post.state == State.FAILED:
        detail = error_explanation(post.error_code)
        if post.error_message:
            detail = f"{detail} ({post.error_message})"
        return [ChannelStatus(channel, FAILED, at=post.claimed_at, detail=detail)]
    if post.state == State.POSTING:
        return [ChannelStatus(channel, PENDING, at=post.claimed_at, detail=_("Posting"))]
    connection = connection_for(page)
    if connection is None or not connection.can_post:
        return [ChannelStatus(channel, PENDING, detail=_("Posting is off for this site."))]
    if not page.live and (at := go_live_at(page)):
        return [ChannelStatus(channel, SCHEDULED, at=at)]
    if not page.live:
        return [ChannelStatus(channel, PENDING, detail=_("Posted when the page is published."))]
    return [ChannelStatus(channel, PENDING, detail=_("Queued"))]


@releases_only
def group_status(page: Page) -> list[ChannelStatus]:
    channel = _("“Pentru Sectorul 6” group")
    mark = GroupKitMark.objects.select_related("marked_by").filter(page=page).first()
    if mark:
        who = (
            mark.marked_by.get_full_name() or mark.marked_by.get_username()
            if mark.marked_by
            else ""
        )
        return [ChannelStatus(channel, DONE, at=mark.marked_at, detail=who)]
    recent = timezone.now() - datetime.timedelta(days=kit_days())
    if page.live and page.first_published_at and page.first_published_at >= recent:
        return [
            ChannelStatus(
                channel,
                PENDING,
                detail=_("The kit is ready to paste."),
                url=reverse("channels_page", args=[page.pk]),
            )
        ]
    return [ChannelStatus(channel, NONE)]


@releases_only
def subscribers_status(page: Page) -> list[ChannelStatus]:
    """The e-mail alerts the press office sent about the page (``press.AlertDelivery``)."""
    from site_s6.press.models import AlertDelivery

    channel = _("E-mail subscribers")
    counts = AlertDelivery.objects.filter(page=page).aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        failed=Count("pk", filter=~Q(error="") & Q(sent_at__isnull=True)),
        total=Count("pk"),
        last=Max("sent_at"),
    )
    if not counts["total"]:
        return [ChannelStatus(channel, NONE)]
    detail = ngettext("%(count)d alert sent", "%(count)d alerts sent", counts["sent"]) % {
        "count": counts["sent"]
    }
    if counts["failed"]:
        return [ChannelStatus(channel, FAILED, at=counts["last"], detail=detail)]
    if counts["sent"] < counts["total"]:
        return [ChannelStatus(channel, PENDING, at=counts["last"], detail=detail)]
    return [ChannelStatus(channel, DONE, at=counts["last"], detail=detail)]
