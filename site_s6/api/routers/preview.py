"""``/api/v3/preview/``: a revision's draft, in its collection's detail shape."""

from typing import Annotated

from django.http import HttpRequest
from django.views.decorators.cache import never_cache
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous

from site_s6.campaigns.models import CampaignPage
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from site_s6.protocol.models import ProtocolVisitPage

from ..errors import PROBLEM_RESPONSES, ApiProblem
from ..filters import ApiScope
from ..preview import revision_for_token
from ..schemas import CampaignDetail, EventDetail, NewsDetail, ProtocolVisitDetail
from . import campaigns, events, news, protocol

router = Router(tags=["preview"], auth=[AllowAnonymous()])
# Drafts are for the editor who asked: never kept by browsers or shared caches.
router.add_decorator(never_cache, mode="view")

DETAILS = {
    NewsPage: news.detail_data,
    EventPage: events.detail_data,
    CampaignPage: campaigns.detail_data,
    ProtocolVisitPage: protocol.detail_data,
}

PreviewDetail = Annotated[
    NewsDetail | EventDetail | CampaignDetail | ProtocolVisitDetail,
    Field(discriminator="type"),
]


class PreviewParams(Schema):
    token: str = Field(
        ...,
        max_length=1000,
        description=(
            "Preview token from the admin, bound to one revision and expiring. "
            "/ Tokenul de previzualizare primit din administrare, legat de o revizie."
        ),
    )


@router.get(
    "/",
    response={200: PreviewDetail, 403: PROBLEM_RESPONSES[400], **PROBLEM_RESPONSES},
    url_name="preview",
    operation_id="preview",
    summary="Preview a draft / Previzualizarea unei ciorne",
    description="The draft a preview token names, in the detail shape of its collection.",
)
def preview(request: HttpRequest, params: Query[PreviewParams]):
    revision = revision_for_token(params.token)
    page = revision.as_object()
    detail = next((build for model, build in DETAILS.items() if isinstance(page, model)), None)
    if detail is None:
        raise ApiProblem(404, "Only news, events, campaigns and protocol visits have a preview.")
    scope = ApiScope.for_page(request, page)
    return detail(page, scope)
