"""The querysets behind the public campaign pages: the campaign index and related content."""

from django.db.models import QuerySet

from site_s6.core.listings import choice_param, paginate, with_thumbnails

from .models import CampaignPage
from .querysets import CampaignStatus

STATUS_LABELS = dict(CampaignStatus.choices)
RELATED_LIMIT = 12


def status_label(campaign) -> str:
    """The translated label of the campaign's current status."""
    return STATUS_LABELS.get(campaign.status, campaign.status)


def campaigns_for_index(index) -> QuerySet:
    """The visible campaigns filed under ``index``, in its language, latest start first."""
    queryset = CampaignPage.objects.visible().child_of(index).filter(locale_id=index.locale_id)
    return with_thumbnails(queryset).order_by("-start_date", "-pk")


def campaign_index_context(index, request) -> dict:
    """Context for the campaign index, narrowed by ``?status=`` (unknown values ignored)."""
    status = choice_param(request, "status", CampaignStatus.values)
    campaigns = campaigns_for_index(index)
    if status:
        campaigns = campaigns.with_status(status)
    page = paginate(request, campaigns)
    page.object_list = list(page.object_list)
    for campaign in page.object_list:
        campaign.status_label = status_label(campaign)
    return {
        "campaigns": page,
        "statuses": CampaignStatus.choices,
        "current_status": status,
        "is_filtered": bool(status),
    }


def campaign_page_context(campaign) -> dict:
    """Context for a campaign: its status label and the published news and events about it."""
    if campaign.pk is None:
        # A new campaign in preview has nothing pointing at it yet.
        return {
            "status_label": status_label(campaign),
            "materials": list(campaign.materials.all()),
            "related_news": [],
            "related_events": [],
        }
    # Links to pages are synchronised, so a translated news item still points at the
    # campaign it was translated from: match any version of this campaign, in its language.
    same_campaign = {
        "related_campaign__translation_key": campaign.translation_key,
        "locale_id": campaign.locale_id,
    }
    news = (
        campaign.related_news.model.objects.visible()
        .filter(**same_campaign)
        .order_by("-publication_date", "-pk")
    )
    events = (
        campaign.related_events.model.objects.visible()
        .filter(**same_campaign)
        .order_by("-start", "-pk")
    )
    return {
        "status_label": status_label(campaign),
        "materials": list(campaign.materials.select_related("image", "document")),
        "related_news": list(with_thumbnails(news)[:RELATED_LIMIT]),
        "related_events": list(with_thumbnails(events)[:RELATED_LIMIT]),
    }
