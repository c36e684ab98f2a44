"""What "upcoming" means for events, written once for every surface.

An event is upcoming until it is over: one under way is still upcoming. An event
without an end is over once it has started. The public index, the home page, the
calendar feed, the API's ``upcoming`` filter and the central team's dashboard all read
these methods.
"""

from django.db.models import Q
from django.utils import timezone

from site_s6.core.querysets import ContentPageQuerySet


def not_over_q(now=None) -> Q:
    """Events not over at ``now`` (default: this instant), ongoing ones included."""
    now = now or timezone.now()
    return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)


class EventQuerySet(ContentPageQuerySet):
    def upcoming(self, now=None):
        """Events not over yet (ongoing included), soonest first."""
        return self.filter(not_over_q(now)).order_by("start", "pk")

    def past(self, now=None):
        """Events already over, most recent first."""
        return self.exclude(not_over_q(now)).order_by("-start", "-pk")
