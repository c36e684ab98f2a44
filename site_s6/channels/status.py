"""The status of a release on each of its channels, and the hook that collects them.

One release (a news item, event or campaign) reaches several channels: the site, the
Facebook Page, the "Pentru Sectorul 6" group, the press list and the e-mail subscribers.
Each channel reports where the page stands through the Wagtail hook
``s6_channel_statuses``: every function registered under that name is called with the
page (its specific instance) and returns a list of :class:`ChannelStatus`::

    from wagtail import hooks
    from site_s6.channels.status import ChannelStatus, NONE

    @hooks.register("s6_channel_statuses")
    def press_list_status(page):
        return [ChannelStatus(channel=_("Press list"), state=NONE)]

A function that has nothing to say about a page returns an empty list. The channel panel
of the page and the coordination dashboard read :func:`channel_statuses` only.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK_NAME = "s6_channel_statuses"

#: The channel reached the release (published, posted, sent, marked).
DONE = "done"
#: It will, at a known time (a scheduled publication or post, an embargo).
SCHEDULED = "scheduled"
#: Someone or something still has to act (a post to make, a kit to paste).
PENDING = "pending"
#: It was tried and failed; ``detail`` says why.
FAILED = "failed"
#: The channel is not used for this release.
NONE = "none"

STATES = (DONE, SCHEDULED, PENDING, FAILED, NONE)
STATE_LABELS = {
    DONE: _("Done"),
    SCHEDULED: _("Scheduled"),
    PENDING: _("Pending"),
    FAILED: _("Failed"),
    NONE: _("Not used"),
}
#: States the coordination dashboard lists a release for.
NEEDS_ATTENTION = frozenset({PENDING, FAILED})


@dataclass(frozen=True)
class ChannelStatus:
    """Where one release stands on one channel.

    ``channel`` is the channel's name as shown to editors (translatable); ``state`` one of
    :data:`STATES`; ``at`` when it happened or will happen; ``detail`` a short text (an
    error, a count, who marked it); ``url`` a link for the editor (the post, the page, the
    distribution), or an empty string.
    """

    channel: str
    state: str
    at: datetime.datetime | None = None
    detail: str = ""
    url: str = ""

    def __post_init__(self):
        if self.state not in STATES:
            raise ValueError(f"unknown channel state {self.state!r}; one of {STATES}")

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def needs_attention(self) -> bool:
        return self.state in NEEDS_ATTENTION


def channel_statuses(page) -> list[ChannelStatus]:
    """The status of ``page`` on every channel, in the order the hooks were registered."""
    statuses: list[ChannelStatus] = []
    for function in hooks.get_hooks(HOOK_NAME):
        statuses.extend(function(page))
    return statuses
