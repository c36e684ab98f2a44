"""Copies of the generation counters in each process, kept current by Redis.

Every read the API answers from its cache checks that the generations its entry was built
under are still current (``site_s6.api.caching``); a process holds the bodies it served,
so that check was the read's one round trip to Redis. With Redis, a process keeps copies
of the counters it has read, and Redis tells it when one changes: a connection of the
process's own subscribes to Redis's key-tracking invalidations for the counters' prefix
(``CLIENT TRACKING ... BCAST``, Redis 6 or later), read by a thread. A bump anywhere
(another web process, the task worker, a command) drops the copies as soon as Redis's
message is read; a bump in this process drops them before it returns. While the watch is
not connected (Redis down or restarting, the watch's connections lost), no copy is
served: every read asks Redis, as before.

A value read from Redis is kept only if no invalidation arrived while it was being read
(the watch's *epoch*): the message that makes it stale may come before the reply.

``S6_WATCH_GENERATIONS = False`` turns the watch off (every read asks Redis).
"""

import logging
import os
import threading

import redis
from django.conf import settings
from django_redis.cache import RedisCache

logger = logging.getLogger(__name__)

#: The counters' keys begin with this (``site_s6.core.generations``).
PREFIX = "s6:gen:"
#: Where Redis sends key-tracking invalidations to a RESP2 connection.
CHANNEL = b"__redis__:invalidate"
#: Seconds between checks that the tracking connection is alive, and between attempts to
#: connect again after a failure.
CHECK_SECONDS = 1.0
RETRY_SECONDS = 2.0


class GenerationWatch:
    """The copies of one process of the counters at ``url`` (by the cache's key, the
    Redis key without ``key_prefix``), and the thread that drops them when Redis says
    they changed."""

    def __init__(self, url: str, key_prefix: str):
        self.url = url
        #: What the cache puts before a key in Redis (its prefix and version).
        self.key_prefix = key_prefix
        self.prefix = key_prefix + PREFIX
        self.pid = os.getpid()
        self.copies: dict[str, object] = {}
        #: Moves on at every invalidation and every change of :attr:`watching`.
        self.epoch = 0
        self.watching = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._reported = False  # the current outage is in the log
        #: Redis's id of the connection that receives the invalidations.
        self.subscriber_id: int | None = None

    # Reads

    def copies_of(self, keys: list[str]) -> dict | None:
        """The copies of all of ``keys``, or None when one is missing or the watch is not
        connected."""
        if not self.watching:
            return None
        copies = self.copies
        try:
            return {key: copies[key] for key in keys}
        except KeyError:
            return None

    def keep(self, values: dict, epoch: int) -> None:
        """Keep ``values`` read from Redis since :attr:`epoch` was ``epoch``, unless an
        invalidation arrived meanwhile."""
        if self.watching and self.epoch == epoch:
            self.copies.update((key, value) for key, value in values.items() if value is not None)

    def drop(self, keys) -> None:
        """Forget the copies of ``keys`` (all of them for None)."""
        self.epoch += 1
        if keys is None:
            self.copies.clear()
        else:
            for key in keys:
                self.copies.pop(key, None)

    # The thread

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, name="s6-generation-watch", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._set_watching(False)

    def _set_watching(self, watching: bool) -> None:
        self.watching = watching
        self.drop(None)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._watch()
            except (redis.RedisError, OSError) as error:
                # Once per outage: the reads go on, asking Redis (or missing, when down).
                if not self._reported:
                    logger.warning("Generation watch lost Redis (%s); reads ask Redis", error)
                self._reported = True
            finally:
                self._set_watching(False)
            self._stop.wait(RETRY_SECONDS)

    def _watch(self) -> None:
        # RESP2, where invalidations come as messages of a channel to a subscribed
        # connection (the two-connection form that Redis 6 and later all support).
        pool = redis.ConnectionPool.from_url(
            self.url,
            protocol=2,
            socket_connect_timeout=1,
            socket_timeout=5,
            health_check_interval=0,
        )
        subscriber, control = pool.make_connection(), pool.make_connection()
        try:
            subscriber.connect()
            subscriber.send_command("CLIENT", "ID")
            subscriber_id = self.subscriber_id = subscriber.read_response()
            subscriber.send_command("SUBSCRIBE", CHANNEL)
            subscriber.read_response()
            control.connect()
            control.send_command(
                "CLIENT",
                "TRACKING",
                "ON",
                "REDIRECT",
                subscriber_id,
                "BCAST",
                "PREFIX",
                self.prefix,
            )
            control.read_response()
            self._set_watching(True)
            self._reported = False
            while not self._stop.is_set():
                if subscriber.can_read(timeout=CHECK_SECONDS):
                    self._invalidated(subscriber.read_response())
                else:
                    # Tracking lives on the control connection: if it is gone, nothing
                    # would be sent, and the copies would silently go stale.
                    control.send_command("PING")
                    control.read_response()
        finally:
            subscriber.disconnect()
            control.disconnect()
            pool.disconnect()

    def _invalidated(self, message) -> None:
        kind, channel, keys = message[0], message[1], message[2]
        if kind != b"message" or channel != CHANNEL:
            return
        if keys is not None and not isinstance(keys, list):
            keys = None  # not Redis's own form: forget everything rather than guess
        # None: the database was flushed, every copy goes.
        cut = len(self.key_prefix)
        self.drop(None if keys is None else [key.decode()[cut:] for key in keys])


_lock = threading.Lock()
_watch: GenerationWatch | None = None


def watch_for(backend) -> GenerationWatch | None:
    """The running watch of this process for the counters of ``backend`` (a cache, not
    the ``cache`` proxy), started on first use; None when it is not Redis (django-redis)
    or the watch is turned off."""
    global _watch
    if not isinstance(backend, RedisCache) or not getattr(settings, "S6_WATCH_GENERATIONS", True):
        return None
    # The first of several servers is the one written to (django-redis's convention).
    url = str(backend._server).split(",")[0].strip()
    key_prefix = backend.make_key("")
    if backend.make_key(PREFIX) != key_prefix + PREFIX:
        return None  # a key function of its own: the keys Redis names cannot be read back
    wanted = (url, key_prefix, os.getpid())
    watch = _watch
    if watch is None or (watch.url, watch.key_prefix, watch.pid) != wanted:
        with _lock:
            watch = _watch
            if watch is None or (watch.url, watch.key_prefix, watch.pid) != wanted:
                if watch is not None and watch.pid == os.getpid():
                    watch.stop()
                watch = _watch = GenerationWatch(url, key_prefix)
    watch.start()
    return watch
