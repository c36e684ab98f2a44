"""The runtime's periodic tasks: scheduled publishing and the pruning of old results."""

import datetime

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from site_s6.runtime.tasks import prune_task_results, publish_scheduled
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_publish_scheduled_publishes_a_page_whose_go_live_time_has_come(site_tree):
    page = NewsPageFactory(parent=site_tree["news_index"], title="Programată", live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not yet published
    # The hour has passed: the revision's go-live time is now behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.latest_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    publish_scheduled.call()

    assert Page.objects.get(pk=page.pk).live


def finished(days_ago: int, status=TaskResultStatus.SUCCESSFUL) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=publish_scheduled.enqueue().id)
    result.status = status
    result.finished_at = timezone.now() - datetime.timedelta(days=days_ago)
    result.save()
    return result


def test_prune_deletes_finished_results_past_the_retention_only(settings):
    settings.TASKS = DATABASE_TASKS
    old = finished(20)
    old_failed = finished(20, TaskResultStatus.FAILED)
    recent = finished(3)
    waiting = DBTaskResult.objects.get(pk=publish_scheduled.enqueue().id)

    prune_task_results.call()

    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not DBTaskResult.objects.filter(pk__in=[old.pk, old_failed.pk]).exists()


def test_failed_results_may_be_kept_longer(settings):
    settings.TASKS = DATABASE_TASKS
    settings.S6_FAILED_TASK_RETENTION_DAYS = 30
    finished(20)
    old_failed = finished(20, TaskResultStatus.FAILED)

    prune_task_results.call()

    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [old_failed.pk]
