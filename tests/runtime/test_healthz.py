"""/healthz: database, cache and the oldest waiting task, for load balancers."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from site_s6.runtime.tasks import publish_scheduled

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        # Nothing listens on port 1 of loopback.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


def test_healthy_without_any_site_or_login(client):
    Site.objects.all().delete()

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "oldest_waiting_task_seconds": None,
    }
    assert "no-store" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_reports_how_long_the_oldest_due_task_has_waited(client, settings):
    settings.TASKS = DATABASE_TASKS
    oldest = publish_scheduled.enqueue()
    publish_scheduled.enqueue()
    DBTaskResult.objects.filter(pk=oldest.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    # Deferred to the future: not waiting yet.
    publish_scheduled.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue()

    body = client.get("/healthz").json()

    assert 300 <= body["oldest_waiting_task_seconds"] < 3600


def test_a_cache_that_does_not_answer_degrades_but_keeps_the_node_in_service(client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = client.get("/healthz")

    # The site still serves without its cache: a load balancer must keep routing to it.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "failing"
    assert response.json()["database"] == "ok"
    assert "no-store" in response["Cache-Control"]
