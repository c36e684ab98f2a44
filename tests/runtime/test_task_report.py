"""The admin report of failed and stuck background tasks."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from subsites.roles import CENTRAL_TEAM_GROUP
from tests.subsites.conftest import clear_wagtail_default_site, make_user, provision

pytestmark = pytest.mark.django_db

URL = reverse("runtime_task_report")


def result(task_path, status, *, enqueued_minutes_ago=0, started_minutes_ago=None, **fields):
    now = timezone.now()
    row = DBTaskResult.objects.create(
        task_path=task_path,
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        started_at=None
        if started_minutes_ago is None
        else now - datetime.timedelta(minutes=started_minutes_ago),
        **fields,
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        enqueued_at=now - datetime.timedelta(minutes=enqueued_minutes_ago)
    )
    return row


@pytest.fixture
def tasks():
    return {
        "failed": result(
            "site_s6.runtime.tasks.prune_task_results",
            TaskResultStatus.FAILED,
            enqueued_minutes_ago=3,
            started_minutes_ago=2,
            finished_at=timezone.now(),
            exception_class_path="builtins.ConnectionError",
            traceback="Traceback (most recent call last):\nConnectionError: feed timed out\n",
        ),
        "waiting": result(
            "site_s6.runtime.tasks.clear_expired_sessions",
            TaskResultStatus.READY,
            enqueued_minutes_ago=90,
        ),
        "running": result(
            "site_s6.search.tasks.index_page_task",
            TaskResultStatus.RUNNING,
            enqueued_minutes_ago=200,
            started_minutes_ago=180,
        ),
        "fine": result(
            "site_s6.runtime.tasks.publish_scheduled",
            TaskResultStatus.SUCCESSFUL,
            finished_at=timezone.now(),
        ),
        "just_enqueued": result("wagtail.tasks.update_reference_index_task", "READY"),
    }


def test_lists_failed_and_stuck_tasks_with_their_error(admin_client, tasks):
    response = admin_client.get(URL)

    assert response.status_code == 200
    listed = {row.pk for row in response.context["object_list"]}
    assert listed == {tasks["failed"].pk, tasks["waiting"].pk, tasks["running"].pk}
    html = response.content.decode()
    assert "ConnectionError: feed timed out" in html
    assert "prune_task_results" in html


def test_filters_by_kind_of_problem(admin_client, tasks):
    response = admin_client.get(URL, {"kind": "waiting"})

    assert [row.pk for row in response.context["object_list"]] == [tasks["waiting"].pk]


def test_paginates(admin_client):
    for _ in range(30):
        result("site_s6.runtime.tasks.publish_scheduled", "FAILED", finished_at=timezone.now())

    first = admin_client.get(URL)
    second = admin_client.get(URL, {"p": 2})

    assert len(first.context["object_list"]) == 25
    assert len(second.context["object_list"]) == 5


def test_empty_state(admin_client):
    response = admin_client.get(URL)

    # The admin speaks Romanian by default: the message as the catalogue gives it.
    with translation.override("ro"):
        empty = gettext("No failed or stuck background task. Every task ran or waits its turn.")
    assert response.status_code == 200
    assert empty in response.content.decode()


def test_the_central_team_sees_it_an_institution_editor_does_not(client, locales, tasks):
    clear_wagtail_default_site()
    institution = provision("dgaspc")
    editor = make_user("editor.dgaspc", institution.editors_group)
    central = make_user("presa", Group.objects.get(name=CENTRAL_TEAM_GROUP))

    client.force_login(editor)
    refused = client.get(URL)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(central)
    allowed = client.get(URL)

    assert refused.status_code == 302
    assert "ConnectionError" not in refused.content.decode()
    assert URL not in menu
    assert allowed.status_code == 200
    assert "ConnectionError" in allowed.content.decode()
