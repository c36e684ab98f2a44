"""The querysets behind the public news listings: the news index and the home page."""

from django.db.models import QuerySet
from taggit.models import Tag

from site_s6.core.cache import cached_for_site
from site_s6.core.listings import choice_param, paginate, with_thumbnails
from site_s6.core.querysets import published
from subsites.syndication import label_syndicated, page_site_id, syndicated_news_for

from .models import NewsPage


def published_news() -> QuerySet:
    """News a visitor may read: live, not behind a view restriction, and not an alias.

    An alias stands in for a page nobody has translated yet (docs/languages.md): the
    listings of a language show only the pages written or translated in it.
    """
    return published(NewsPage.objects)


def news_for_index(index) -> QuerySet:
    """The published news filed under ``index``, in its language, newest first.

    On the city hall's site it also carries the news institutions syndicate to it.
    """
    queryset = published_news().child_of(index).filter(locale_id=index.locale_id)
    queryset |= syndicated_news_for(page_site_id(index), index.locale_id)
    return with_thumbnails(queryset).order_by("-publication_date", "-pk")


def tags_in_use(news: QuerySet) -> QuerySet:
    """The tags carried by ``news``, by name, for the tag filter."""
    return (
        Tag.objects.filter(news_newspagetag_items__content_object__in=news.values("pk"))
        .distinct()
        .order_by("name")
    )


def filter_news(news: QuerySet, *, kind: str | None = None, tag: str | None = None) -> QuerySet:
    """``news`` narrowed to one kind and/or one tag slug; ``None`` leaves it whole."""
    if kind:
        news = news.filter(kind=kind)
    if tag:
        news = news.filter(tags__slug=tag)
    return news


def news_index_context(index, request) -> dict:
    """Context for the news index: one page of news and the filters that produced it.

    Unknown ``?kind=`` and ``?tag=`` values are ignored, so the full listing shows.
    """
    site_id = page_site_id(index)
    news = news_for_index(index)
    # Both scan the whole section, and both change only when the site's content does.
    tags = cached_for_site(site_id, "news-index-tags", [index.pk], lambda: list(tags_in_use(news)))
    kind = choice_param(request, "kind", NewsPage.Kind.values)
    tag = choice_param(request, "tag", {t.slug for t in tags})
    shown = filter_news(news, kind=kind, tag=tag)
    count = cached_for_site(site_id, "news-index-count", [index.pk, kind, tag], shown.count)
    return {
        "news": label_syndicated(
            paginate(request, shown, count=count),
            site=site_id,
            local_root=index,
            request=request,
        ),
        "kinds": NewsPage.Kind.choices,
        "tags": tags,
        "current_kind": kind,
        "current_tag": next((t for t in tags if t.slug == tag), None),
        "is_filtered": bool(kind or tag),
    }


def news_page_context(news, request) -> dict:
    """Context for a news page: its photos, attachments, published campaign and section URL."""
    campaign = None
    if news.related_campaign_id:
        from site_s6.campaigns.models import CampaignPage

        # The link is synchronised from the source news: show the campaign in this news
        # item's language when it is translated, else the campaign as linked.
        linked = CampaignPage.objects.filter(pk=news.related_campaign_id)
        versions = published(CampaignPage.objects)
        versions = versions.filter(translation_key__in=linked.values("translation_key"))
        versions = {version.locale_id: version for version in versions}
        campaign = versions.get(news.locale_id) or next(
            (v for v in versions.values() if v.pk == news.related_campaign_id), None
        )
    parent = news.get_parent() if news.pk else None
    return {
        "gallery_images": list(news.gallery_images.select_related("image")),
        "attachments": list(news.attachments.select_related("document")),
        "related_campaign": campaign,
        "news_index_url": (parent.get_url(request) or "") if parent else "",
    }


def latest_news(home, *, limit: int = 4) -> list:
    """The newest published news anywhere under ``home``, in its language."""
    queryset = published_news().descendant_of(home).filter(locale_id=home.locale_id)
    return list(with_thumbnails(queryset).order_by("-publication_date", "-pk")[:limit])
