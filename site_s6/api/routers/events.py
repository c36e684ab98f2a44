"""``/api/v3/events/``: press conferences, briefings and public events, by start."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.auth import AllowAnonymous

from site_s6.campaigns.models import CampaignPage
from site_s6.core.models import ContactPerson
from site_s6.events.models import EventPage, EventPageTag, EventSpeaker
from site_s6.events.querysets import not_over_q
from site_s6.search.service import relevance_order, search_pages

from ..caching import cached_value, depends_on_the_clock
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
    contact_data,
    page_item,
    page_ref,
    stream_data,
    translations_of,
)
from ..listing import Listing, list_response
from ..rendering import typed_json
from ..schemas import EventDetail, EventList

router = Router(tags=["events"], auth=[AllowAnonymous()])


class EventParams(ListParams):
    event_type: (
        Literal["press_conference", "interview", "briefing", "public_event", "ceremony", "other"]
        | None
    ) = Field(None, description="Type of event. / Tipul evenimentului.")
    status: Literal["scheduled", "postponed", "cancelled"] | None = Field(
        None, description="Event status. / Starea evenimentului: programat, amânat, anulat."
    )
    tag: list[Text] = Field([], description=TAG_DESCRIPTION)
    starts_after: IsoDateOrDateTime | None = Field(
        None,
        description=(
            "Starting at or after this ISO date or date-time (a date means midnight, "
            "Bucharest time). / Care încep la sau după această dată sau oră (o dată "
            "înseamnă miezul nopții, ora Bucureștiului)."
        ),
    )
    starts_before: IsoDateOrDateTime | None = Field(
        None,
        description=(
            "Starting before this ISO date or date-time. "
            "/ Care încep înainte de această dată sau oră."
        ),
    )
    upcoming: bool | None = Field(
        None,
        description=(
            "true: only events not over yet, those under way included; false: only those "
            "already over. / true: doar evenimentele care nu s-au încheiat, inclusiv cele "
            "în desfășurare; false: doar cele încheiate."
        ),
    )
    search: Text | None = Field(
        None,
        max_length=200,
        description="Words to look for. / Cuvinte căutate în titlu, introducere și text.",
    )


#: The event fields a list item shows, read as columns (see ``Listing.rows``).
EVENT_COLUMNS = (
    "event_type",
    "start",
    "end",
    "status",
    "venue_name",
    "venue_address",
    "latitude",
    "longitude",
    "stream_url",
    "accreditation_required",
    "accreditation_deadline",
)
#: What an event's detail shows beyond its columns (see ``site_s6.api.details``).
EVENT_CHILDREN = {"speakers": Children(EventSpeaker, ("name", "role"))}
EVENT_LINKED = {
    "related_campaign": Linked(CampaignPage, PAGE_REF_FIELDS),
    "contact_person": Linked(ContactPerson, CONTACT_FIELDS),
}


def _event_item(page: EventPage, scope: ApiScope, translations: dict) -> dict:
    return {
        **page_item(page, scope, translations),
        "event_type": page.event_type,
        "start": page.start,
        "end": page.end,
        "status": page.status,
        "venue_name": page.venue_name,
        "venue_address": page.venue_address,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
        "stream_url": page.stream_url,
        "accreditation_required": page.accreditation_required,
        "accreditation_deadline": page.accreditation_deadline,
    }


@router.get(
    "/",
    response={200: EventList, **PROBLEM_RESPONSES},
    url_name="events_list",
    operation_id="events_list",
    summary="List events / Lista evenimentelor",
    description="Sorted by start, earliest first.",
)
def list_events(request: HttpRequest, params: Query[EventParams]):
    scope = ApiScope(request, params.site)
    locale_id, _code = scope.resolve_locale(params.locale)
    events = Listing(EventPage, scope.listed_q(locale_id))
    if params.event_type:
        events = events.filter(event_type=params.event_type)
    if params.status:
        events = events.filter(status=params.status)
    if params.tag:
        events = events.filter(tagged_q(params.tag, EventPageTag))
    if params.starts_after:
        events = events.filter(start__gte=as_aware(params.starts_after))
    if params.starts_before:
        events = events.filter(start__lt=as_aware(params.starts_before))
    if params.upcoming is not None:
        now = depends_on_the_clock(request)
        events = events.filter(not_over_q(now) if params.upcoming else ~not_over_q(now))
        if params.upcoming:
            events = events.since(open_since(request, now))
    order = ("start", "pk")
    if params.search:
        # The one search service, within exactly this list; the best matches first.
        found = search_pages(params.search, events.page_rows())
        events, order = events.among(found), (relevance_order(found), "-pk")
    return list_response(scope, events, params, order, _event_item, EVENT_COLUMNS)


def open_since(request: HttpRequest, now):
    """The earliest start of an event not over at ``now``, on any site: a lower bound on
    the starts of the upcoming events, so that their list is read from there in the
    index of starts rather than from the archive's oldest event (``Listing.since``).

    Found once per change of the site's content (``cached_value``): it only moves
    later as time passes (``EventQuerySet.earliest_open_start``), so an earlier finding
    still bounds the events of a later instant. Not of an earlier instant: if the clock
    is set back, it is found again for that instant."""
    found_at, earliest = cached_value(
        request,
        "events-open-since",
        [],
        lambda: (now, EventPage.objects.earliest_open_start(now)),
        per_instant=False,
    )
    if now < found_at:
        return EventPage.objects.earliest_open_start(now)
    return earliest


@router.get(
    "/{int:event_id}/",
    response={200: EventDetail, **PROBLEM_RESPONSES},
    url_name="events_detail",
    operation_id="events_detail",
    summary="Event detail / Detaliile unui eveniment",
)
def get_event(request: HttpRequest, event_id: int, params: Query[SiteParams]):
    scope = ApiScope(request, params.site)
    page = read_detail(
        scope,
        EventPage,
        scope.site_q(),
        page_pk(event_id),
        (*EVENT_COLUMNS, "body"),
        children=EVENT_CHILDREN,
        linked=EVENT_LINKED,
    )
    if page is None:
        raise ApiProblem(404, f"No event {event_id} on {scope.site.hostname}.")
    return typed_json(detail_data(page, scope))


def detail_data(page, scope: ApiScope) -> dict:
    """The detail shape of ``page``: a live page, or a revision's draft in preview."""
    request = scope.request
    translations = translations_of(scope, [page])
    return {
        **_event_item(page, scope, translations),
        "speakers": [{"name": s.name, "role": s.role} for s in page.speakers.all()],
        "body": stream_data(page.body, request),
        "related_campaign": page_ref(page.related_campaign, scope),
        "contact_person": contact_data(page.contact_person),
    }
