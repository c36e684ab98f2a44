"""The admin report of the background tasks that need a look: failed and stuck ones."""

import datetime

import django_filters
from django.conf import settings
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from subsites.access import is_central_team

from .models import TaskRetry

#: Minutes a due task may wait for a worker, and a started task may run, before the
#: report calls it stuck.
STUCK_WAITING_MINUTES = 10
STUCK_RUNNING_MINUTES = 30

FAILED, WAITING, RUNNING = "failed", "waiting", "running"


def stuck_waiting_after() -> datetime.timedelta:
    return datetime.timedelta(
        minutes=getattr(settings, "S6_TASK_STUCK_WAITING_MINUTES", STUCK_WAITING_MINUTES)
    )


def stuck_running_after() -> datetime.timedelta:
    return datetime.timedelta(
        minutes=getattr(settings, "S6_TASK_STUCK_RUNNING_MINUTES", STUCK_RUNNING_MINUTES)
    )


def problem_conditions(now: datetime.datetime) -> dict[str, Q]:
    """What makes a task result worth a look, by kind."""
    waiting_since = now - stuck_waiting_after()
    never = get_date_max()
    return {
        FAILED: Q(status=TaskResultStatus.FAILED),
        WAITING: Q(status=TaskResultStatus.READY)
        & (
            Q(run_after=never, enqueued_at__lte=waiting_since)
            | (~Q(run_after=never) & Q(run_after__lte=waiting_since))
        ),
        RUNNING: Q(status=TaskResultStatus.RUNNING, started_at__lte=now - stuck_running_after()),
    }


def problem_tasks(kind: str | None = None):
    """Failed tasks and stuck ones (all kinds, or one), the latest first."""
    conditions = problem_conditions(timezone.now())
    if kind:
        condition = conditions[kind]
    else:
        condition = conditions[FAILED] | conditions[WAITING] | conditions[RUNNING]
    attempts = TaskRetry.objects.filter(result_id=OuterRef("pk")).values("attempt")
    return (
        DBTaskResult.objects.filter(condition)
        .annotate(attempt=Subquery(attempts[:1]))
        .order_by("-enqueued_at")
    )


class TaskProblemFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Problem"),
        empty_label=_("All problems"),
        choices=[
            (FAILED, _("Failed")),
            (WAITING, _("Waiting too long for a worker")),
            (RUNNING, _("Running too long")),
        ],
        method="filter_kind",
    )

    class Meta:
        model = DBTaskResult
        fields = ["queue_name"]

    def filter_kind(self, queryset, name, value):
        return queryset.filter(problem_conditions(timezone.now())[value]) if value else queryset


class ErrorColumn(Column):
    cell_template_name = "runtime/reports/error_cell.html"


class TaskProblemsReportView(ReportView):
    """Failed tasks with their error and traceback, and tasks that wait or run for too
    long (no worker running, a worker that died mid-task). Superusers and the central
    team only: tracebacks name the code and the data."""

    page_title = _("Background tasks")
    header_icon = "cogs"
    index_url_name = "runtime_task_report"
    index_results_url_name = "runtime_task_report_results"
    filterset_class = TaskProblemFilterSet
    permission_required = "view"
    paginate_by = 25
    list_export = [
        "task_name",
        "status",
        "queue_name",
        "enqueued_at",
        "started_at",
        "finished_at",
        "exception_class_path",
        "traceback",
    ]
    export_headings = {
        "task_name": _("Task"),
        "status": _("Status"),
        "queue_name": _("Queue"),
        "enqueued_at": _("Enqueued"),
        "started_at": _("Started"),
        "finished_at": _("Finished"),
        "exception_class_path": _("Error"),
        "traceback": _("Traceback"),
    }
    columns = [
        Column("task_name", label=_("Task")),
        Column("get_status_display", label=_("Status")),
        Column("attempt", label=_("Attempt")),
        Column("queue_name", label=_("Queue")),
        DateColumn("enqueued_at", label=_("Enqueued")),
        DateColumn("started_at", label=_("Started")),
        DateColumn("finished_at", label=_("Finished")),
        ErrorColumn("traceback", label=_("Error")),
    ]

    def user_has_permission(self, permission):
        return is_central_team(self.request.user)

    def get_filename(self):
        return f"background-tasks-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = problem_tasks()
        return super().get_queryset()

    @property
    def no_results_message(self):
        return _("No failed or stuck background task. Every task ran or waits its turn.")
