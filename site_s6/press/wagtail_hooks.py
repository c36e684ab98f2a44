from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from subsites.access import is_central_team

from .admin_views import PressOfficeMenu, press_card
from .dashboard import OverdueAccreditationsPanel
from .models import AccreditationRequest, AlertDelivery, Subscriber
from .permissions import CentralTeamPolicy

register_permission_policy(AccreditationRequest, CentralTeamPolicy(AccreditationRequest))
register_permission_policy(
    Subscriber, CentralTeamPolicy(Subscriber, actions=("view", "delete", "export"))
)
register_permission_policy(AlertDelivery, CentralTeamPolicy(AlertDelivery, actions=("view",)))


@hooks.register("register_admin_viewset")
def register_press_office_menu():
    return PressOfficeMenu()


@hooks.register("register_admin_urls")
def register_press_card_url():
    return [path("press/cards/<int:pk>/", press_card, name="press_card")]


@hooks.register("construct_homepage_panels")
def add_overdue_accreditations_panel(request, panels):
    if is_central_team(request.user):
        panels.append(OverdueAccreditationsPanel())
