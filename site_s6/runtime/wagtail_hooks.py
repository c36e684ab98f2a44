from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from subsites.access import is_central_team

from .reports import TaskProblemsReportView


class CentralTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return is_central_team(request.user)


@hooks.register("register_admin_urls")
def register_task_report_urls():
    return [
        path("reports/tasks/", TaskProblemsReportView.as_view(), name="runtime_task_report"),
        path(
            "reports/tasks/results/",
            TaskProblemsReportView.as_view(results_only=True),
            name="runtime_task_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_task_report_menu_item():
    return CentralTeamMenuItem(
        _("Background tasks"),
        reverse("runtime_task_report"),
        name="background-tasks",
        icon_name="cogs",
        order=1300,
    )
