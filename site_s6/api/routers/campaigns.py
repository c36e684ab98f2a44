"""``/api/v3/campaigns/``: communication campaigns, with their derived status."""

from typing import Literal

from django.db.models import Prefetch, Q
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Page

from site_s6.campaigns.models import CampaignMaterial, CampaignPage
from site_s6.campaigns.querysets import CampaignStatus, derived_q, status_q
from site_s6.search.service import relevance_order, search_pages

from ..caching import depends_on_the_clock
from ..errors import PROBLEM_RESPONSES, ApiProblem
from ..filters import ApiScope, IsoDate, ListParams, SiteParams, Text, page_pk
from ..items import (
    absolute,
    image_data,
    page_item,
    page_ref,
    renditions_prefetch,
    stream_data,
    translations_by_key,
    with_images,
)
from ..listing import Listing, list_response
from ..rendering import typed_json
from ..schemas import CampaignDetail, CampaignList

router = Router(tags=["campaigns"], auth=[AllowAnonymous()])


class CampaignParams(ListParams):
    status: Literal["planned", "active", "ended"] | None = Field(
        None,
        description=(
            "Status today: derived from the dates unless the editors set it. "
            "/ Starea de azi: dedusă din date, dacă editorii nu au fixat-o."
        ),
    )
    active_on: IsoDate | None = Field(
        None,
        description=(
            "Running on this ISO date, by their dates. "
            "/ Care se desfășoară la această dată, după perioada lor."
        ),
    )
    search: Text | None = Field(
        None,
        max_length=200,
        description="Words to look for. / Cuvinte căutate în titlu, introducere și text.",
    )


def _campaign_item(page: CampaignPage, scope: ApiScope, translations: dict) -> dict:
    return {
        **page_item(page, scope, translations),
        "start_date": page.start_date,
        "end_date": page.end_date,
        "status": page.status,
    }


@router.get(
    "/",
    response={200: CampaignList, **PROBLEM_RESPONSES},
    url_name="campaigns_list",
    operation_id="campaigns_list",
    summary="List campaigns / Lista campaniilor",
    description="Latest start first.",
)
def list_campaigns(request: HttpRequest, params: Query[CampaignParams]):
    depends_on_the_clock(request)  # a campaign's status follows the calendar
    scope = ApiScope(request, params.site)
    locale_id, _code = scope.resolve_locale(params.locale)
    campaigns = Listing(CampaignPage, scope.listed_q(locale_id))
    if params.status:
        campaigns = campaigns.filter(status_q(params.status))
    if params.active_on:
        campaigns = campaigns.filter(derived_q(CampaignStatus.ACTIVE, params.active_on))
    order = ("-start_date", "-pk")
    if params.search:
        # The one search service, within exactly this list; the best matches first.
        found = search_pages(params.search, campaigns.page_rows())
        campaigns, order = campaigns.among(found), (relevance_order(found), "-pk")
    return list_response(scope, campaigns, params, order, _campaign_item)


@router.get(
    "/{int:campaign_id}/",
    response={200: CampaignDetail, **PROBLEM_RESPONSES},
    url_name="campaigns_detail",
    operation_id="campaigns_detail",
    summary="Campaign detail / Detaliile unei campanii",
)
def get_campaign(request: HttpRequest, campaign_id: int, params: Query[SiteParams]):
    depends_on_the_clock(request)  # its status follows the calendar
    scope = ApiScope(request, params.site)
    campaigns = with_images(
        CampaignPage.objects.filter(scope.site_q(), pk=page_pk(campaign_id)).select_related(
            "locale"
        ),
        "image",
    ).prefetch_related(
        "tags",
        Prefetch("materials", CampaignMaterial.objects.select_related("image", "document")),
        renditions_prefetch("materials__image"),
    )
    page = campaigns.first()
    if page is None:
        raise ApiProblem(404, f"No campaign {campaign_id} on {scope.site.hostname}.")
    return typed_json(detail_data(page, scope))


def detail_data(page, scope: ApiScope) -> dict:
    """The detail shape of ``page``: a live page, or a revision's draft in preview."""
    request = scope.request
    translations = translations_by_key(scope, [page])
    related = scope.visible(
        Page.objects.filter(
            Q(newspage__related_campaign=page) | Q(eventpage__related_campaign=page)
        )
    ).order_by("-first_published_at", "pk")
    return {
        **_campaign_item(page, scope, translations),
        "key_messages": [block.value for block in page.key_messages],
        "body": stream_data(page.body, request),
        "materials": [
            {
                "kind": material.kind,
                "title": material.title,
                "image": image_data(material.image, request),
                "alt_text": material.alt_text,
                "document_url": absolute(request, material.document.url)
                if material.document
                else None,
                "url": material.url,
            }
            for material in page.materials.all()
        ],
        "related_pages": [page_ref(related_page, scope) for related_page in related],
    }
