"""``/api/v3/protocol-visits/``: official visits received or paid by the city hall."""

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import translation
from django_countries import countries
from ninja import Field, Query, Router
from pydantic import field_validator
from wagtail.api.v3.auth import AllowAnonymous

from site_s6.protocol.models import ProtocolVisitPage, ProtocolVisitPhoto
from site_s6.search.service import relevance_order, search_pages

from ..errors import PROBLEM_RESPONSES, ApiProblem
from ..filters import ApiScope, IsoDate, ListParams, SiteParams, Text, page_pk
from ..items import (
    gallery_data,
    page_item,
    renditions_prefetch,
    rich_text_html,
    translations_by_key,
    with_images,
)
from ..listing import Listing, list_response
from ..rendering import typed_json
from ..schemas import ProtocolVisitDetail, ProtocolVisitList

router = Router(tags=["protocol visits"], auth=[AllowAnonymous()])


class VisitParams(ListParams):
    country: str | None = Field(
        None,
        min_length=2,
        max_length=2,
        description=(
            "ISO 3166-1 alpha-2 country code of the delegation, e.g. FR. "
            "/ Codul ISO 3166-1 al țării delegației, ex. FR."
        ),
    )
    visited_after: IsoDate | None = Field(
        None,
        description=(
            "Visits starting on or after this ISO date. "
            "/ Vizitele care încep la sau după această dată."
        ),
    )
    visited_before: IsoDate | None = Field(
        None,
        description=(
            "Visits starting before this ISO date. / Vizitele care încep înainte de această dată."
        ),
    )
    search: Text | None = Field(
        None,
        max_length=200,
        description="Words to look for. / Cuvinte căutate în titlu, introducere și text.",
    )

    @field_validator("country")
    @classmethod
    def known_country(cls, value: str | None) -> str | None:
        if value is None:
            return value
        code = value.upper()
        if code not in dict(countries):
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
        return code


def _visit_item(page: ProtocolVisitPage, scope: ApiScope, translations: dict) -> dict:
    item = page_item(page, scope, translations)
    # The country is named in the visit's own language (România, Romania), whatever
    # language the client's headers ask for: the item's other texts are in that language.
    with translation.override(item["locale"]):
        country_name = str(page.country.name)
    return {
        **item,
        "delegation_name": page.delegation_name,
        "scope": page.scope,
        "country": page.country.code,
        "country_name": country_name,
        "city": page.city,
        "organisation": page.organisation,
        "visit_start": page.visit_start,
        "visit_end": page.visit_end,
    }


@router.get(
    "/",
    response={200: ProtocolVisitList, **PROBLEM_RESPONSES},
    url_name="protocol_visits_list",
    operation_id="protocol_visits_list",
    summary="List protocol visits / Lista vizitelor oficiale",
    description="Latest visit first.",
)
def list_visits(request: HttpRequest, params: Query[VisitParams]):
    scope = ApiScope(request, params.site)
    locale_id, _code = scope.resolve_locale(params.locale)
    visits = Listing(ProtocolVisitPage, scope.listed_q(locale_id))
    if params.country:
        visits = visits.filter(country=params.country)
    if params.visited_after:
        visits = visits.filter(visit_start__gte=params.visited_after)
    if params.visited_before:
        visits = visits.filter(visit_start__lt=params.visited_before)
    order = ("-visit_start", "-pk")
    if params.search:
        # The one search service, within exactly this list; the best matches first.
        found = search_pages(params.search, visits.page_rows())
        visits, order = visits.among(found), (relevance_order(found), "-pk")
    return list_response(scope, visits, params, order, _visit_item)


@router.get(
    "/{int:visit_id}/",
    response={200: ProtocolVisitDetail, **PROBLEM_RESPONSES},
    url_name="protocol_visits_detail",
    operation_id="protocol_visits_detail",
    summary="Protocol visit detail / Detaliile unei vizite oficiale",
)
def get_visit(request: HttpRequest, visit_id: int, params: Query[SiteParams]):
    scope = ApiScope(request, params.site)
    visits = with_images(
        ProtocolVisitPage.objects.filter(scope.site_q(), pk=page_pk(visit_id)).select_related(
            "locale"
        ),
        "image",
    ).prefetch_related(
        "tags",
        "members",
        Prefetch("photos", ProtocolVisitPhoto.objects.select_related("image")),
        renditions_prefetch("photos__image"),
    )
    page = visits.first()
    if page is None:
        raise ApiProblem(404, f"No protocol visit {visit_id} on {scope.site.hostname}.")
    return typed_json(detail_data(page, scope))


def detail_data(page, scope: ApiScope) -> dict:
    """The detail shape of ``page``: a live page, or a revision's draft in preview."""
    request = scope.request
    translations = translations_by_key(scope, [page])
    return {
        **_visit_item(page, scope, translations),
        "hosts": [line.strip() for line in page.hosts.splitlines() if line.strip()],
        "summary": rich_text_html(page.summary),
        "agenda": [
            {
                "time": block.value["time"].isoformat() if block.value["time"] else None,
                "item": block.value["item"],
            }
            for block in page.agenda
        ],
        "members": [
            {"name": m.name, "role": m.role, "precedence": m.precedence}
            for m in sorted(page.members.all(), key=lambda m: (m.precedence, m.sort_order or 0))
        ],
        "photos": gallery_data(page.photos.all(), request),
    }
