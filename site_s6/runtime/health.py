"""The checks behind ``/healthz``: the database, the cache, the task queue."""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Min, Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False


def cache_ok() -> bool:
    """A set and get round trip through the shared cache."""
    key = f"s6:healthz:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    try:
        cache.set(key, token, timeout=10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # noqa: BLE001 - every backend raises its own errors; all mean "down"
        logger.exception("Health check: the cache does not answer")
        return False
    return found == token


def oldest_waiting_seconds() -> int | None:
    """Seconds the oldest task that is due (READY, its run-after time passed) has been
    waiting for a worker; None when none is waiting."""
    now = timezone.now()
    never = get_date_max()
    ready = DBTaskResult.objects.ready()
    oldest = ready.aggregate(
        enqueued=Min("enqueued_at", filter=Q(run_after=never)),
        deferred=Min("run_after", filter=~Q(run_after=never)),
    )
    since = [value for value in oldest.values() if value is not None]
    if not since:
        return None
    return max(int((now - min(since)).total_seconds()), 0)
