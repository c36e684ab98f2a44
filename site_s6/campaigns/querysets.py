"""A campaign's status, written once: derived from its dates unless an editor overrides it.

On a given day a campaign is *planned* before its start date, *ended* after its end date
and *active* in between (an open-ended campaign stays active). The rule has a Python form
for one loaded campaign (:func:`derived_status`) and a database form for listings
(:func:`status_q`); both are read from the same boundaries below, and a test checks them
against each other for every case.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from site_s6.core.querysets import ContentPageQuerySet


class CampaignStatus(models.TextChoices):
    # In context: a campaign is feminine in Romanian ("campanie încheiată").
    PLANNED = "planned", pgettext_lazy("campaign status", "Planned")
    ACTIVE = "active", pgettext_lazy("campaign status", "Active")
    ENDED = "ended", pgettext_lazy("campaign status", "Ended")


def derived_status(start_date, end_date, day) -> str:
    """The status of a campaign running ``start_date``..``end_date`` on ``day``."""
    if start_date and day < start_date:
        return CampaignStatus.PLANNED
    if end_date and day > end_date:
        return CampaignStatus.ENDED
    return CampaignStatus.ACTIVE


def derived_q(status: str, day) -> Q:
    """Campaigns whose dates give ``status`` on ``day``: :func:`derived_status` in SQL."""
    started = Q(start_date__lte=day)
    if status == CampaignStatus.PLANNED:
        return ~started
    if status == CampaignStatus.ENDED:
        return started & Q(end_date__lt=day)
    return started & (Q(end_date__isnull=True) | Q(end_date__gte=day))


def status_q(status: str, day=None) -> Q:
    """Campaigns whose status is ``status`` on ``day`` (default: today in Bucharest):
    the editor's override, or what the dates give."""
    day = day or timezone.localdate()
    return Q(status_override=status) | (Q(status_override="") & derived_q(status, day))


def status_of(campaign, day=None) -> str:
    """The status of one loaded campaign on ``day`` (default: today in Bucharest)."""
    if campaign.status_override:
        return campaign.status_override
    return derived_status(campaign.start_date, campaign.end_date, day or timezone.localdate())


class CampaignQuerySet(ContentPageQuerySet):
    def with_status(self, status: str, day=None):
        """Campaigns whose status is ``status`` on ``day``."""
        return self.filter(status_q(status, day))

    def running_on(self, day):
        """Campaigns whose dates span ``day``, whatever an override says."""
        return self.filter(derived_q(CampaignStatus.ACTIVE, day))
