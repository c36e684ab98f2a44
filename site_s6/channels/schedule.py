"""The channels' periodic job: every 5 minutes, posts of live pages still waiting go to
the worker (each is claimed before it is sent, so a post never goes twice)."""

import datetime

from site_s6.runtime.scheduler import Periodic

PERIODIC = [
    Periodic(
        name="channels_facebook_waiting",
        task="site_s6.channels.tasks.post_waiting_to_facebook",
        every=datetime.timedelta(minutes=5),
    ),
]
