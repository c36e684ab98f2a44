"""The central team's coordination panels on the admin home.

Three panels: what waits for the central team's approval from every institution, the
events of the next two weeks on every site, and each institution's latest publications.
Each panel costs a fixed number of queries, however many institutions there are.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, WorkflowState

from site_s6.events.models import EventPage

from .sites import institution_for, institutions

PENDING_LIMIT = 25
UPCOMING_DAYS = 14
UPCOMING_LIMIT = 25
LATEST_PER_INSTITUTION = 3


@dataclass
class Row:
    """One line of a panel: a page, where it comes from, and what to say about it."""

    page: Page
    institution: object
    when: datetime.datetime | None = None
    by: object = None
    task: object = None


class CoordinationPanel(Component):
    """A dashboard panel that needs the request."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"request": request}
        context.update(self.get_rows(request))
        return context

    def get_rows(self, request) -> dict:
        """The panel's own context; every panel below defines it (abstract here)."""
        raise NotImplementedError


class PendingApprovalsPanel(CoordinationPanel):
    """Pages every institution has submitted and that wait for the central team."""

    name = "s6_pending_approvals"
    template_name = "subsites/dashboard/pending_approvals.html"
    order = 100

    def get_rows(self, request):
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
            )
            .select_related("requested_by", "current_task_state__task")
            .order_by("-created_at")[:PENDING_LIMIT]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        rows = []
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            task_state = state.current_task_state
            rows.append(
                Row(
                    page=page,
                    institution=institution_for(page),
                    when=task_state.started_at if task_state else state.created_at,
                    by=state.requested_by,
                    task=task_state.task if task_state else None,
                )
            )
        return {"rows": rows}


class UpcomingEventsPanel(CoordinationPanel):
    """Events not over yet that start within the next two weeks, on every site."""

    name = "s6_upcoming_events"
    template_name = "subsites/dashboard/upcoming_events.html"
    order = 110

    def get_rows(self, request):
        now = timezone.now()
        events = (
            EventPage.objects.visible()
            # A translation is the same event: list it once, in the default language.
            .filter(
                start__lt=now + datetime.timedelta(days=UPCOMING_DAYS),
                locale__language_code=_default_language(),
            )
            .upcoming(now)[:UPCOMING_LIMIT]
        )
        rows = [
            Row(page=event, institution=institution_for(event), when=event.start)
            for event in events
        ]
        return {"rows": rows, "days": UPCOMING_DAYS}


class LatestPublicationsPanel(CoordinationPanel):
    """The last few pages each institution published, below its section pages."""

    name = "s6_latest_publications"
    template_name = "subsites/dashboard/latest_publications.html"
    order = 120

    def get_rows(self, request):
        # One query for every site: rank the published pages within each locale root
        # (the tree's second level) and keep the first few of each.
        locale_root_path = Substr("path", 1, Page.steplen * 2)
        latest = (
            Page.objects.live()
            .filter(depth__gte=4, alias_of__isnull=True, last_published_at__isnull=False)
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[locale_root_path],
                    order_by=[F("last_published_at").desc(), F("pk").desc()],
                )
            )
            .filter(rank__lte=LATEST_PER_INSTITUTION)
            .select_related("locale")
        )
        all_institutions = institutions()
        by_institution = {institution.pk: [] for institution in all_institutions}
        for page in latest:
            institution = institution_for(page)
            if institution is not None:
                by_institution[institution.pk].append(page)
        groups = []
        for institution in all_institutions:
            pages = sorted(
                by_institution[institution.pk],
                key=lambda page: page.last_published_at,
                reverse=True,
            )[:LATEST_PER_INSTITUTION]
            groups.append({"institution": institution, "pages": pages})
        return {"groups": groups}


def _default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def coordination_panels() -> list[Component]:
    """The central team's panels, in the order they appear on the dashboard."""
    return [PendingApprovalsPanel(), UpcomingEventsPanel(), LatestPublicationsPanel()]
