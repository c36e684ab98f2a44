"""``/api/v3/news/``: press releases, announcements and news of one site and language."""

from typing import Literal

from django.db.models import Q
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.auth import AllowAnonymous

from site_s6.campaigns.models import CampaignPage
from site_s6.core.models import ContactPerson
from site_s6.news.models import NewsAttachment, NewsGalleryImage, NewsPage, NewsPageTag
from site_s6.news.querysets import news_on_site_q
from site_s6.search.service import relevance_order, search_pages

from ..details import Children, Linked, read_detail
from ..errors import PROBLEM_RESPONSES, ApiProblem
from ..filters import (
    TAG_DESCRIPTION,
    ApiScope,
    IsoDateOrDateTime,
    ListParams,
    SiteParams,
    Text,
    as_aware,
    page_pk,
    tagged_q,
)
from ..items import (
    CONTACT_FIELDS,
    PAGE_REF_FIELDS,
    attachment_data,
    contact_data,
    gallery_data,
    institution_ref,
    page_item,
    page_ref,
    stream_data,
    translations_of,
)
from ..listing import Listing, list_response
from ..rendering import typed_json
from ..schemas import NewsDetail, NewsList

router = Router(tags=["news"], auth=[AllowAnonymous()])


class NewsParams(ListParams):
    kind: Literal["press_release", "announcement", "news"] | None = Field(
        None, description="Kind of news. / Tipul știrii: comunicat, anunț sau știre."
    )
    tag: list[Text] = Field([], description=TAG_DESCRIPTION)
    published_after: IsoDateOrDateTime | None = Field(
        None,
        description=(
            "Published at or after this ISO date or date-time (Bucharest time when no "
            "offset). / Publicate la sau după această dată (ora Bucureștiului dacă lipsește "
            "fusul orar)."
        ),
    )
    published_before: IsoDateOrDateTime | None = Field(
        None,
        description=(
            "Published before this ISO date or date-time. "
            "/ Publicate înainte de această dată sau oră."
        ),
    )
    search: Text | None = Field(
        None,
        max_length=200,
        description="Words to look for. / Cuvinte căutate în titlu, introducere și text.",
    )


def _within(scope: ApiScope, locale_id: int | None, *, of_news: bool = False) -> Q:
    """The news the requested site lists (shared news included on the receiving site),
    as a condition on the page table, or on the news table with ``of_news``."""
    return news_on_site_q(NewsPage, scope.site.pk, locale_id, index=scope.index, of_news=of_news)


#: The news fields a list item shows, read as columns (see ``Listing.rows``).
NEWS_COLUMNS = ("kind", "publication_date", "lead")
#: What a news detail shows beyond its columns (see ``site_s6.api.details``).
NEWS_CHILDREN = {
    "gallery_images": Children(NewsGalleryImage, ("image_id", "alt_text", "caption")),
    "attachments": Children(NewsAttachment, ("document_id", "title")),
}
NEWS_LINKED = {
    "contact_person": Linked(ContactPerson, CONTACT_FIELDS),
    "related_campaign": Linked(CampaignPage, PAGE_REF_FIELDS),
}


def _news_item(page: NewsPage, scope: ApiScope, translations: dict) -> dict:
    origin = scope.index.entry_for(page)
    return {
        **page_item(page, scope, translations),
        "kind": page.kind,
        "publication_date": page.publication_date,
        "lead": page.lead,
        "syndicated_from": (
            institution_ref(origin) if origin and origin.pk != scope.site.pk else None
        ),
    }


@router.get(
    "/",
    response={200: NewsList, **PROBLEM_RESPONSES},
    url_name="news_list",
    operation_id="news_list",
    summary="List news / Lista știrilor",
    description=(
        "Newest first. On the main (city hall) site the list includes the news institutions "
        "share with it, marked with `syndicated_from`."
    ),
)
def list_news(request: HttpRequest, params: Query[NewsParams]):
    scope = ApiScope(request, params.site)
    locale_id, _code = scope.resolve_locale(params.locale)
    news = Listing(
        NewsPage, _within(scope, locale_id), of_model=_within(scope, locale_id, of_news=True)
    )
    if params.kind:
        news = news.filter(kind=params.kind)
    if params.tag:
        news = news.filter(tagged_q(params.tag, NewsPageTag))
    if params.published_after:
        news = news.filter(publication_date__gte=as_aware(params.published_after))
    if params.published_before:
        news = news.filter(publication_date__lt=as_aware(params.published_before))
    order = ("-publication_date", "-pk")
    if params.search:
        # The one search service, within exactly this list; the best matches first.
        found = search_pages(params.search, news.page_rows())
        news, order = news.among(found), (relevance_order(found), "-pk")
    return list_response(scope, news, params, order, _news_item, NEWS_COLUMNS)


@router.get(
    "/{int:news_id}/",
    response={200: NewsDetail, **PROBLEM_RESPONSES},
    url_name="news_detail",
    operation_id="news_detail",
    summary="News detail / Detaliile unei știri",
)
def get_news(request: HttpRequest, news_id: int, params: Query[SiteParams]):
    scope = ApiScope(request, params.site)
    page = read_detail(
        scope,
        NewsPage,
        _within(scope, None, of_news=True),
        page_pk(news_id),
        (*NEWS_COLUMNS, "body"),
        children=NEWS_CHILDREN,
        linked=NEWS_LINKED,
    )
    if page is None:
        raise ApiProblem(404, f"No news {news_id} on {scope.site.hostname}.")
    return typed_json(detail_data(page, scope))


def detail_data(page, scope: ApiScope) -> dict:
    """The detail shape of ``page``: a live page, or a revision's draft in preview."""
    request = scope.request
    translations = translations_of(scope, [page])
    return {
        **_news_item(page, scope, translations),
        "body": stream_data(page.body, request),
        "gallery": gallery_data(page.gallery_images.all(), request),
        "attachments": attachment_data(page.attachments.all(), request),
        "contact_person": contact_data(page.contact_person),
        "related_campaign": page_ref(page.related_campaign, scope),
    }
