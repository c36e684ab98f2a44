"""The querysets behind the public news listings: the news index and the home page."""

from django.db.models import QuerySet
from taggit.models import Tag

from site_s6.core.cache import cached_for_site
from site_s6.core.listings import choice_param, paginate, with_thumbnails
from site_s6.core.sites import SiteIndex, site_index

from .models import NewsPage


def site_id_of(page, index: SiteIndex | None = None) -> int | None:
    """The id of the serving site holding ``page``, if any."""
    entry = (index or site_index()).entry_for(page)
    return entry.pk if entry else None


def news_for_index(index) -> QuerySet:
    """The news the site of ``index`` lists in its language, newest first: its own (a
    site has one news section), and on the receiving site the news others share."""
    site_id = site_id_of(index)
    if site_id is None:
        return NewsPage.objects.none()
    return with_thumbnails(NewsPage.objects.on_site(site_id, index.locale_id)).newest_first()


def label_shared(pages, *, site_id: int | None, request=None):
    """Mark each of ``pages`` that comes from another site than ``site_id`` with its origin.

    Sets ``syndicated_from`` (the institution's short name), ``syndicated_site_url`` (the
    address of the institution's site) and ``syndicated_url`` (the page's absolute
    address on that site); pages of the site itself get ``None`` in all three.
    ``pages`` may be a list, a queryset or a paginator page, which is returned with its
    items evaluated once so that the marks stay on them. No query: the index knows.
    """
    items = list(pages)
    if hasattr(pages, "object_list"):
        pages.object_list = items
    index = site_index()
    for page in items:
        page.syndicated_from = page.syndicated_site_url = page.syndicated_url = None
        origin = index.entry_for(page)
        if origin is None or origin.pk == site_id or origin.institution is None:
            continue
        page.syndicated_from = origin.institution.short_name
        page.syndicated_site_url = origin.site.root_url
        page.syndicated_url = page.get_full_url(request=request)
    return pages if hasattr(pages, "object_list") else items


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
    site_id = site_id_of(index)
    news = news_for_index(index)
    # Both scan the whole section, and both change only when the site's content does.
    tags = cached_for_site(site_id, "news-index-tags", [index.pk], lambda: list(tags_in_use(news)))
    kind = choice_param(request, "kind", NewsPage.Kind.values)
    tag = choice_param(request, "tag", {t.slug for t in tags})
    shown = filter_news(news, kind=kind, tag=tag)
    count = cached_for_site(site_id, "news-index-count", [index.pk, kind, tag], shown.count)
    return {
        "news": label_shared(
            paginate(request, shown, count=count), site_id=site_id, request=request
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
        versions = CampaignPage.objects.visible()
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
    return list(with_thumbnails(NewsPage.objects.listed_under(home)).newest_first()[:limit])
