from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from site_s6.press.permissions import CentralTeamPolicy
from subsites.access import is_central_team

from .admin_views import (
    CommunicationRequestViewSet,
    FacebookConnectionViewSet,
    RequestPolicy,
    page_channels,
    request_attachment,
    request_triage,
)
from .dashboard import ChannelsPanel
from .models import CommunicationRequest, FacebookConnection
from .status import HOOK_NAME
from .statuses import (
    facebook_status,
    group_status,
    is_release,
    site_status,
    subscribers_status,
)

register_permission_policy(CommunicationRequest, RequestPolicy(CommunicationRequest))
register_permission_policy(
    FacebookConnection,
    CentralTeamPolicy(FacebookConnection, actions=("add", "view", "change", "delete")),
)


@hooks.register("register_admin_viewset")
def register_communication_requests():
    return CommunicationRequestViewSet("channels_requests")


@hooks.register("register_admin_viewset")
def register_facebook_connections():
    return FacebookConnectionViewSet("channels_facebook")


@hooks.register("register_admin_urls")
def register_channels_urls():
    return [
        path("channels/requests/<int:pk>/triage/", request_triage, name="channels_request_triage"),
        path(
            "channels/requests/<int:pk>/attachments/<int:attachment_pk>/",
            request_attachment,
            name="channels_request_attachment",
        ),
        path("channels/page/<int:page_id>/", page_channels, name="channels_page"),
    ]


@hooks.register("register_page_header_buttons")
def channels_header_button(page, user, view_name, next_url=None):
    if is_release(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Channels"),
            url=reverse("channels_page", args=[page.pk]),
            icon_name="globe",
            priority=90,
        )


@hooks.register("construct_homepage_panels")
def add_channels_panel(request, panels):
    if is_central_team(request.user):
        panels.append(ChannelsPanel())


# The channels this app reports on (status.py); the press list is the press office's.
for status_function in (site_status, facebook_status, group_status, subscribers_status):
    hooks.register(HOOK_NAME, status_function)
