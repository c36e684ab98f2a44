"""What "upcoming" means for events, written once for every surface.

An event is upcoming until it is over: one under way is still upcoming. An event
without an end is over once it has started. The public index, the home page, the
calendar feed, the API's ``upcoming`` filter and the central team's dashboard all read
these methods.
"""

from django.db.models import Min, Q
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone

from site_s6.core.querysets import ContentPageQuerySet


def over_at() -> Coalesce:
    """When an event is over: its end, or its start when it has none. An expression the
    database indexes (``events_over_at_idx``), so that the upcoming events of an archive
    are found without reading its past."""
    return Coalesce("end", "start")


def not_over_q(now=None) -> Q:
    """Events not over at ``now`` (default: this instant), ongoing ones included."""
    return Q(GreaterThanOrEqual(over_at(), now or timezone.now()))


class EventQuerySet(ContentPageQuerySet):
    def upcoming(self, now=None):
        """Events not over yet (ongoing included), soonest first."""
        return self.filter(not_over_q(now)).order_by("start", "pk")

    def earliest_open_start(self, now=None):
        """The earliest start among these events not over at ``now``; None when every
        one is over. No event still to come started before it, and as time passes events
        end, so it only moves later: found at one instant, it bounds the upcoming events
        of every later instant until these events change."""
        return self.filter(not_over_q(now)).aggregate(earliest=Min("start"))["earliest"]

    def past(self, now=None):
        """Events already over, most recent first."""
        return self.exclude(not_over_q(now)).order_by("-start", "-pk")
