"""The approval workflow over HTTP: an institution submits, the central team decides."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from subsites.roles import APPROVAL_WORKFLOW

from .admin_http import edit_url, news_form_data


@pytest.fixture
def draft(world):
    return world["dgaspc"].draft_news


def login(client, user):
    client.force_login(user)
    return client


def submit(client, page):
    data = {**news_form_data(page), "action-submit": "action-submit"}
    return client.post(edit_url(page), data)


def workflow_action(client, page, action: str, **data):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_submission_reaches_the_central_team_by_email(client, users, draft):
    response = submit(login(client, users["dgaspc-editor"]), draft)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = draft.workflow_states.get()
    assert state.workflow.name == APPROVAL_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert recipients() == [users["central"].email]
    assert draft.title in mail.outbox[0].subject
    assert mail.outbox[0].from_email == settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL


def test_approval_publishes_and_tells_the_editor(client, users, draft):
    submit(login(client, users["dgaspc-editor"]), draft)
    mail.outbox.clear()
    draft.refresh_from_db()

    response = workflow_action(login(client, users["central"]), draft, "approve", comment="")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert recipients() == [users["dgaspc-editor"].email]


def test_requesting_changes_keeps_the_page_unpublished_with_the_comment(client, users, draft):
    submit(login(client, users["dgaspc-editor"]), draft)
    mail.outbox.clear()
    draft.refresh_from_db()
    comment = "Please add the address of the centre."

    response = workflow_action(login(client, users["central"]), draft, "reject", comment=comment)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = draft.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=state).specific.get_comment() == comment
    # The editor is told by e-mail, and reads the comment in the page's workflow history.
    assert recipients() == [users["dgaspc-editor"].email]
    assert comment in mail.outbox[0].body
    login(client, users["dgaspc-editor"])
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[draft.pk, state.pk])
    )
    assert history.status_code == 200
    assert comment in history.content.decode()


def test_an_editor_cannot_approve_their_own_submission(client, users, draft):
    submit(login(client, users["dgaspc-editor"]), draft)
    draft.refresh_from_db()

    response = workflow_action(client, draft, "approve", comment="")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    draft.refresh_from_db()
    assert not draft.live


def test_the_central_team_publishes_its_own_pages_directly(client, users, world):
    page = world["main"].draft_news
    assert page.get_workflow() is None

    login(client, users["central"])
    client.post(edit_url(page), {**news_form_data(page), "action-publish": "action-publish"})

    page.refresh_from_db()
    assert page.live
    assert not WorkflowState.objects.exists()
    assert mail.outbox == []
