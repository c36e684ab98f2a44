from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import health


@require_safe
@never_cache
def healthz(request):
    """For load balancers and monitors: 200 when the database and the cache answer, 503
    otherwise, with the age of the oldest waiting task (a stopped worker shows there).
    No authentication and no secrets; no site is needed (any allowed host)."""
    database = health.database_ok()
    waiting = None
    if database:
        try:
            waiting = health.oldest_waiting_seconds()
        except DatabaseError:
            database = False
    cache = health.cache_ok()
    healthy = database and cache
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            "database": "ok" if database else "failing",
            "cache": "ok" if cache else "failing",
            "oldest_waiting_task_seconds": waiting,
        },
        status=200 if healthy else 503,
    )
