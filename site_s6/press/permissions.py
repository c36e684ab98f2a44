"""Who may open the press office's records in the admin: the central team only.

Accreditation requests and subscribers are personal data that institution editors have
no business with, whatever model permissions a group is given by mistake; the rule is
``subsites.access.is_central_team``.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.sites import SitePermissionPolicy

from subsites.access import is_central_team
from subsites.roles import CENTRAL_TEAM_GROUP


class CentralTeamPolicy(BasePermissionPolicy):
    """The central team may take ``actions`` on the model; nobody else may take any."""

    def __init__(self, model, actions=("view", "change", "delete", "export")):
        super().__init__(model)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and is_central_team(user)

    def user_has_any_permission(self, user, actions):
        return bool(self.actions & set(actions)) and is_central_team(user)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True) | Q(groups__name=CENTRAL_TEAM_GROUP), is_active=True
            )
            .distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class PressSettingsPolicy(SitePermissionPolicy):
    """The press settings of every site: the central team edits them all (they name the
    spokesperson), anyone else as Wagtail's site permissions allow."""

    def user_has_any_permission(self, user, actions):
        return is_central_team(user) or super().user_has_any_permission(user, actions)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_central_team(user) or super().user_has_any_permission_for_instance(
            user, actions, instance
        )

    def sites_user_has_any_permission_for(self, user, actions):
        if is_central_team(user):
            return Site.objects.all()
        return super().sites_user_has_any_permission_for(user, actions)


def is_institution_editor(user) -> bool:
    """Whether ``user`` is in the editors' group of an institution."""
    from subsites.models import Institution

    if not (user and user.is_authenticated and user.is_active):
        return False
    return Institution.objects.filter(editors_group__in=user.groups.all()).exists()


class InformationRequestPolicy(BasePermissionPolicy):
    """Journalists' requests: the central team keeps the whole register; an institution's
    editors view and answer the requests assigned to their institution, which the admin
    views narrow to (``services.requests.requests_visible_to``)."""

    central_actions = frozenset({"add", "change", "delete", "view", "export"})
    editor_actions = frozenset({"change", "view"})

    def _actions(self, user) -> frozenset:
        if is_central_team(user):
            return self.central_actions
        if is_institution_editor(user):
            return self.editor_actions
        return frozenset()

    def user_has_permission(self, user, action):
        return action in self._actions(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._actions(user) & set(actions))

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if self.central_actions & set(actions):
            condition = Q(is_superuser=True) | Q(groups__name=CENTRAL_TEAM_GROUP)
            if self.editor_actions & set(actions):
                from subsites.models import Institution

                condition |= Q(groups__in=Institution.objects.values("editors_group"))
            return users.filter(condition).distinct()
        return users.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
