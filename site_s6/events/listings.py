"""The querysets behind the public event listings: the event index and the home page."""

from django.db.models import QuerySet

from site_s6.core.listings import choice_param, paginate, with_thumbnails

from .models import EventPage

PAST = "past"
UPCOMING = "upcoming"


def events_for_index(index) -> QuerySet:
    """The visible events filed under ``index``, in its language."""
    return with_thumbnails(
        EventPage.objects.visible().child_of(index).filter(locale_id=index.locale_id)
    )


def event_index_context(index, request) -> dict:
    """Context for the event index: upcoming (or ``?when=past``) events, by ``?type=``.

    Unknown ``?when=`` and ``?type=`` values are ignored.
    """
    when = choice_param(request, "when", {PAST, UPCOMING}) or UPCOMING
    event_type = choice_param(request, "type", EventPage.EventType.values)
    events = events_for_index(index)
    if event_type:
        events = events.filter(event_type=event_type)
    events = events.past() if when == PAST else events.upcoming()
    return {
        "events": paginate(request, events),
        "event_types": EventPage.EventType.choices,
        "current_type": event_type,
        "when": when,
        "is_filtered": bool(event_type),
    }


def upcoming_events(home, *, limit: int = 3) -> list:
    """The next published events anywhere under ``home``, in its language."""
    return list(with_thumbnails(EventPage.objects.listed_under(home)).upcoming()[:limit])
