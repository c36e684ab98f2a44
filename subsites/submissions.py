""" "Trimiterile mele" (my submissions): the pages an editor sent for approval, and where
each stands.

An institution editor does not publish: every page goes through the central team's
approval workflow. Wagtail's dashboard shows only what is still waiting; this list keeps
each page the editor submitted, at its latest submission, with its state (waiting at a
step, approved, changes requested with the reviewer's comment, cancelled).
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as ListPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import pgettext_lazy
from wagtail.models import Page, WorkflowState

from .models import Institution

PER_PAGE = 25

# A submission is feminine in Romanian ("trimiterea"): its own words, in its own context.
STATE_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: pgettext_lazy("submission", "Waiting for approval"),
    WorkflowState.STATUS_APPROVED: pgettext_lazy("submission", "Approved"),
    WorkflowState.STATUS_NEEDS_CHANGES: pgettext_lazy("submission", "Changes requested"),
    WorkflowState.STATUS_CANCELLED: pgettext_lazy("submission", "Cancelled"),
}


@dataclass(frozen=True)
class Submission:
    """One page the editor submitted, at their latest submission of it."""

    page: Page
    state: WorkflowState

    @property
    def submitted_at(self) -> datetime.datetime:
        return self.state.created_at

    @property
    def status(self) -> str:
        return self.state.status

    @property
    def status_label(self) -> str:
        return str(STATE_LABELS.get(self.state.status, self.state.get_status_display()))

    @property
    def step(self) -> str:
        """The workflow step the page waits at, or was last reviewed at."""
        task_state = self.state.current_task_state
        return task_state.task.name if task_state else ""

    @property
    def comment(self) -> str:
        """The reviewer's comment when changes were requested."""
        task_state = self.state.current_task_state
        if self.state.status != WorkflowState.STATUS_NEEDS_CHANGES or task_state is None:
            return ""
        return task_state.comment or ""


def is_institution_editor(user) -> bool:
    """Whether ``user`` is in an institution's editors group (one query)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return Institution.objects.filter(editors_group__in=user.groups.all()).exists()


def submissions_of(*, user) -> QuerySet:
    """The workflow states of the pages ``user`` submitted, the latest of each page's
    submissions by them, newest first."""
    page_type = ContentType.objects.get_for_model(Page)
    mine = WorkflowState.objects.filter(requested_by=user, base_content_type=page_type)
    newer = mine.filter(object_id=OuterRef("object_id"), created_at__gt=OuterRef("created_at"))
    return (
        mine.exclude(Exists(newer))
        .select_related("current_task_state__task")
        .order_by("-created_at", "-pk")
    )


def submissions_page(*, user, number) -> ListPage:
    """One page of ``user``'s submissions (``PER_PAGE`` a page; a bad ``number`` gives the
    first or the last), its items :class:`Submission` rows; a fixed number of queries."""
    listing = Paginator(submissions_of(user=user), PER_PAGE).get_page(number)
    states = list(listing.object_list)
    pages = Page.objects.select_related("locale").in_bulk(
        [int(state.object_id) for state in states]
    )
    listing.object_list = [
        Submission(page=pages[int(state.object_id)], state=state)
        for state in states
        if int(state.object_id) in pages
    ]
    return listing
