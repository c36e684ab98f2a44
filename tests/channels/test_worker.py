"""A real task worker (``manage.py db_worker``, the database backend, as ``make run`` and
production run it) posts a scheduled release to the fake Graph server once, at its time:
the scheduler's jobs are only enqueued here, the worker process does the rest."""

import datetime
import tempfile

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site

from site_s6.channels.models import FacebookConnection, FacebookPost
from site_s6.channels.services.facebook import facebook_choose
from site_s6.runtime.scheduler import enqueue, periodic_jobs
from tests.factories import NewsPageFactory, SuperuserFactory, make_site
from tests.runtime.test_worker_integration import (
    DATABASE_TASKS,
    pending_tasks,
    start_worker,
    stop,
    wait_for,
)

from .conftest import FakeGraph

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TOKEN = "EAAGworkerTokenZvorbleac"  # noqa: S105 (a fake token)


def job(name):
    return next(job for job in periodic_jobs() if job.name == name)


def test_a_worker_posts_a_scheduled_release_once_at_its_time(locales, settings, monkeypatch):
    Site.objects.all().delete()
    tree = make_site("worker.test", title="Primăria Sectorului 6", default=True)
    with FakeGraph() as graph:
        # The worker process reads its settings from the environment.
        monkeypatch.setenv("S6_FACEBOOK_GRAPH_URL", graph.url)
        connection = FacebookConnection(
            site=Site.objects.get(hostname="worker.test"), page_id="555", enabled=True
        )
        connection.set_token(TOKEN)
        connection.save()
        page = NewsPageFactory(parent=tree["news_index"], title="Programată", live=False)
        go_live = timezone.now() + datetime.timedelta(hours=1)
        page.go_live_at = go_live
        page.save_revision().publish()
        settings.TASKS = DATABASE_TASKS
        facebook_choose(page=page, user=SuperuserFactory())
        DBTaskResult.objects.all().delete()

        with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
            worker = start_worker(log)
            try:
                # Before its time: the jobs run, nothing is published or posted.
                enqueue(job("publish_scheduled"))
                enqueue(job("channels_facebook_waiting"))
                wait_for(lambda: not pending_tasks().exists(), worker, log)
                assert not Page.objects.get(pk=page.pk).live
                assert graph.requests == []

                # The hour has passed (the worker keeps the real clock): the scheduled
                # revision's time is now behind us.
                past = timezone.now() - datetime.timedelta(minutes=1)
                revision = Page.objects.get(pk=page.pk).scheduled_revision
                revision.content["go_live_at"] = past.isoformat()
                revision.approved_go_live_at = past
                revision.save(update_fields=["content", "approved_go_live_at"])
                enqueue(job("publish_scheduled"), now=go_live + datetime.timedelta(minutes=1))
                wait_for(
                    lambda: (
                        FacebookPost.objects.filter(
                            page=page, state=FacebookPost.State.POSTED
                        ).exists()
                        and not pending_tasks().exists()
                    ),
                    worker,
                    log,
                )
                # The sweep finds nothing left to post.
                enqueue(
                    job("channels_facebook_waiting"), now=go_live + datetime.timedelta(minutes=5)
                )
                wait_for(lambda: not pending_tasks().exists(), worker, log)
            finally:
                stop(worker)

    unsuccessful = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL)
    assert list(unsuccessful.values_list("task_path", "status", "traceback")) == []
    assert Page.objects.get(pk=page.pk).live
    assert len(graph.requests) == 1
    sent = graph.requests[0]
    assert sent["path"] == "/v23.0/555/feed"
    assert sent["form"]["access_token"] == TOKEN
    assert sent["form"]["link"] == Page.objects.get(pk=page.pk).get_full_url()
    assert FacebookPost.objects.get(page=page).post_id == "1234567890_100"
