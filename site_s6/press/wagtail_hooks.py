from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from subsites.access import is_central_team

from .admin_views import PressOfficeMenu, press_card
from .channel_status import press_list_status
from .contacts_admin import ContactsReviewPanel
from .dashboard import MonthlyPressConferencePanel, OverdueAccreditationsPanel, RequestsDuePanel
from .distribution_admin import page_header_buttons
from .models import (
    AccreditationRequest,
    AlertDelivery,
    DistributionList,
    InformationRequest,
    Journalist,
    Outlet,
    Subscriber,
)
from .permissions import CentralTeamPolicy, InformationRequestPolicy, is_institution_editor
from .requests_admin import InformationRequestViewSet, RequestReportView, request_attachment
from .waiting import requests_waiting

register_permission_policy(AccreditationRequest, CentralTeamPolicy(AccreditationRequest))
register_permission_policy(
    Subscriber, CentralTeamPolicy(Subscriber, actions=("view", "delete", "export"))
)
register_permission_policy(AlertDelivery, CentralTeamPolicy(AlertDelivery, actions=("view",)))
register_permission_policy(InformationRequest, InformationRequestPolicy(InformationRequest))
for contacts_model in (Journalist, Outlet, DistributionList):
    register_permission_policy(
        contacts_model,
        CentralTeamPolicy(contacts_model, actions=("add", "change", "delete", "view", "export")),
    )


@hooks.register("register_admin_viewset")
def register_press_office_menu():
    return PressOfficeMenu()


@hooks.register("register_admin_viewset")
def register_information_requests():
    return InformationRequestViewSet("press_requests")


@hooks.register("register_admin_urls")
def register_press_card_url():
    return [
        path("press/cards/<int:pk>/", press_card, name="press_card"),
        path(
            "press/requests/<int:pk>/attachment/",
            request_attachment,
            name="press_request_attachment",
        ),
        path(
            "press/requests-report/",
            RequestReportView.as_view(),
            name="press_request_report",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_overdue_accreditations_panel(request, panels):
    if is_central_team(request.user):
        panels.append(OverdueAccreditationsPanel())


@hooks.register("construct_homepage_panels")
def add_contacts_review_panel(request, panels):
    if is_central_team(request.user):
        panels.append(ContactsReviewPanel())


@hooks.register("construct_homepage_panels")
def add_monthly_press_conference_panel(request, panels):
    if is_central_team(request.user):
        panels.append(MonthlyPressConferencePanel())


@hooks.register("construct_homepage_panels")
def add_requests_due_panel(request, panels):
    if is_central_team(request.user) or is_institution_editor(request.user):
        panels.append(RequestsDuePanel(request.user))


# Open journalists' requests in the morning digest of the press review.
hooks.register("press_digest_waiting", requests_waiting)

# "Send to the press" on a press release, "Press invitations" on a press conference.
hooks.register("register_page_header_buttons", page_header_buttons)
# The press list's line in a release's channel statuses.
hooks.register("s6_channel_statuses", press_list_status)
