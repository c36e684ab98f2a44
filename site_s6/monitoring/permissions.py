"""Who may see the press review: the central team and superusers, nobody else.

Decided by :func:`subsites.access.is_central_team` rather than by per-model permissions,
so an institution's group that is granted permissions by mistake still cannot read what
the press writes about the others, and no role setup has to list these models.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from subsites.access import is_central_team


class CentralTeamPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return is_central_team(user)

    def user_has_any_permission(self, user, actions):
        return is_central_team(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return is_central_team(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_central_team(user)
