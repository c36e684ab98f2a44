from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import health


@require_safe
@never_cache
def healthz(request):
    """For load balancers and monitors: 200 while the database answers, 503 when it does
    not, with the state of the cache and the age of the oldest waiting task (a stopped
    worker shows there). No authentication and no secrets; no site is needed.

    A cache that does not answer is reported as ``degraded`` with a 200: the site keeps
    serving (the cache degrades to misses), and a load balancer must not take every web
    process out of service for it (docs/operations.md, "Faults").
    """
    database = health.database_ok()
    waiting = None
    if database:
        try:
            waiting = health.oldest_waiting_seconds()
        except DatabaseError:
            database = False
    cache = health.cache_ok()
    status = "failing" if not database else "ok" if cache else "degraded"
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "failing",
            "cache": "ok" if cache else "failing",
            "oldest_waiting_task_seconds": waiting,
        },
        status=200 if database else 503,
    )
