"""iCalendar for events: each site's calendar per language, and one file per event.

``/feeds/events.ics`` (``/en/feeds/events.ics``) is the calendar people subscribe to: the
live, public events of the requesting site in the language of the address, from recent
past ones on. ``/events/<id>.ics`` is the "add to calendar" file of a single event.

Times are written in Bucharest local time with a ``VTIMEZONE`` (``DTSTART;TZID=
Europe/Bucharest:...``), so calendar applications keep them right across daylight-saving
changes. ``UID``s derive from the event's translation key and its site, stable across
requests and edits.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from wagtail.models import Site

from site_s6.core.models import BrandingSettings
from site_s6.core.sites import locale_root, serving_entry, serving_site
from site_s6.core.text import ascii_slugify, one_line, printable
from site_s6.core.validators import is_database_id

from .models import EventPage
from .querysets import not_over_q

TIME_ZONE = "Europe/Bucharest"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How far back the subscribed calendar reaches; later events are all listed.
DEFAULT_PAST_DAYS = 180
MAX_EVENTS = 500

STATUSES = {
    EventPage.Status.SCHEDULED: "CONFIRMED",
    EventPage.Status.POSTPONED: "TENTATIVE",
    EventPage.Status.CANCELLED: "CANCELLED",
}


def event_uid(event: EventPage, hostname: str) -> str:
    """The iCalendar ``UID`` of ``event`` on the site at ``hostname``.

    Shared by the event's translations: they are the same happening, in another language.
    """
    return f"event-{event.translation_key}@{hostname}"


def _location(event: EventPage) -> str:
    return ", ".join(part for part in (event.venue_name, event.venue_address) if part)


def event_component(event: EventPage, *, hostname: str, request) -> CalendarEvent:
    """The ``VEVENT`` of ``event``, its times in Bucharest local time."""
    local = ZoneInfo(TIME_ZONE)
    url = event.get_full_url(request)
    component = CalendarEvent()
    component.add("uid", event_uid(event, hostname))
    # The time this rendering of the event was last changed, stable between requests.
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("dtstart", event.start.astimezone(local))
    if event.end:
        component.add("dtend", event.end.astimezone(local))
    component.add("summary", one_line(event.title))
    description = "\n\n".join(part for part in (event.intro, url) if part)
    if description:
        component.add("description", printable(description))
    location = _location(event) or event.stream_url
    if location:
        component.add("location", one_line(location))
    if url:
        component.add("url", url)
    component.add("status", STATUSES.get(event.status, "CONFIRMED"))
    if event.latitude is not None and event.longitude is not None:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    categories = [str(event.get_event_type_display())]
    categories += [one_line(tag.name) for tag in event.tags.all()]
    component.add("categories", categories)
    if event.first_published_at:
        component.add("created", event.first_published_at)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def build_calendar(events, *, name: str, hostname: str, request) -> Calendar:
    """A ``VCALENDAR`` of ``events`` named ``name``, with the ``VTIMEZONE`` its times use."""
    name = one_line(name)
    calendar = Calendar()
    calendar.add("prodid", f"-//Sector 6 Newsroom//{hostname}//RO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(event, hostname=hostname, request=request))
    if events:
        # The time zone's rules, for the years the events span (and the one either side).
        first = min(event.start for event in events).astimezone(ZoneInfo(TIME_ZONE))
        last = max(event.end or event.start for event in events).astimezone(ZoneInfo(TIME_ZONE))
        calendar.add_missing_timezones(
            first_date=datetime.date(max(first.year - 1, datetime.MINYEAR), 1, 1),
            last_date=datetime.date(min(last.year + 1, datetime.MAXYEAR), 12, 31),
        )
    return calendar


def calendar_response(calendar: Calendar, *, filename: str | None = None) -> HttpResponse:
    """``calendar`` as a ``text/calendar`` response, a download named ``filename`` if given."""
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _site_name(site: Site) -> str:
    branding = BrandingSettings.for_site(site)
    return branding.full_name or site.site_name or site.hostname


def calendar_events(root, *, now=None):
    """The live, public events under ``root`` in its language, not over before the cut-off.

    The cut-off is ``S6_CALENDAR_PAST_DAYS`` (180 by default) days ago; soonest first.
    """
    now = now or timezone.now()
    past_days = getattr(settings, "S6_CALENDAR_PAST_DAYS", DEFAULT_PAST_DAYS)
    cut_off = now - datetime.timedelta(days=past_days)
    events = EventPage.objects.listed_under(root).filter(not_over_q(cut_off))
    return events.order_by("start", "pk").prefetch_related("tags")[:MAX_EVENTS]


def events_calendar(request):
    """``/feeds/events.ics``: the subscribed calendar of this site, in this language."""
    site = serving_site(request)
    root = locale_root(site)
    name = _("%(site)s: events") % {"site": _site_name(site)}
    calendar = build_calendar(
        calendar_events(root), name=name, hostname=site.hostname, request=request
    )
    return calendar_response(calendar)


def event_ical(request, page_id: int):
    """``/events/<id>.ics``: one live, public event of this site as a calendar file, else 404."""
    if not is_database_id(page_id):
        raise Http404("No such event on this site.")
    entry = serving_entry(request)
    site = entry.site
    event = (
        EventPage.objects.visible(list(entry.roots)).filter(pk=page_id).prefetch_related("tags")
    ).first()
    if event is None:
        raise Http404("No such event on this site.")
    calendar = build_calendar([event], name=event.title, hostname=site.hostname, request=request)
    # The slug is plain ASCII when typed in the editor; older or imported ones may not be.
    return calendar_response(calendar, filename=f"{ascii_slugify(event.slug) or 'event'}.ics")
