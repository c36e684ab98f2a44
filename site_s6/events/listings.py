"""The querysets behind the public event listings: the event index and the home page."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from site_s6.core.listings import choice_param, paginate, with_thumbnails
from site_s6.core.querysets import published

from .models import EventPage

PAST = "past"
UPCOMING = "upcoming"


def published_events() -> QuerySet:
    """Events a visitor may read: live, not behind a view restriction, and not an alias.

    An alias stands in for an untranslated page (docs/languages.md): listings skip it.
    """
    return published(EventPage.objects)


def _not_over(now) -> Q:
    # An event without an end is over once it has started.
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)


def upcoming(events: QuerySet, now=None) -> QuerySet:
    """Events not over yet (including those under way), soonest first."""
    now = now or timezone.now()
    return events.filter(_not_over(now)).order_by("start", "pk")


def past(events: QuerySet, now=None) -> QuerySet:
    """Events already over, most recent first."""
    now = now or timezone.now()
    return events.exclude(_not_over(now)).order_by("-start", "-pk")


def events_for_index(index) -> QuerySet:
    """The published events filed under ``index``, in its language."""
    queryset = published_events().child_of(index).filter(locale_id=index.locale_id)
    return with_thumbnails(queryset)


def event_index_context(index, request) -> dict:
    """Context for the event index: upcoming (or ``?when=past``) events, by ``?type=``.

    Unknown ``?when=`` and ``?type=`` values are ignored.
    """
    when = choice_param(request, "when", {PAST, UPCOMING}) or UPCOMING
    event_type = choice_param(request, "type", EventPage.EventType.values)
    events = events_for_index(index)
    if event_type:
        events = events.filter(event_type=event_type)
    events = past(events) if when == PAST else upcoming(events)
    return {
        "events": paginate(request, events),
        "event_types": EventPage.EventType.choices,
        "current_type": event_type,
        "when": when,
        "is_filtered": bool(event_type),
    }


def upcoming_events(home, *, limit: int = 3) -> list:
    """The next published events anywhere under ``home``, in its language."""
    queryset = published_events().descendant_of(home).filter(locale_id=home.locale_id)
    return list(upcoming(with_thumbnails(queryset))[:limit])
