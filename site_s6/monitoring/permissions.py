"""Who may see the press review: the central team and superusers, nobody else.

Decided by :func:`subsites.access.is_central_team` rather than by per-model permissions,
so an institution's group that is granted permissions by mistake still cannot read what
the press writes about the others, and no role setup has to list these models.
"""

from functools import wraps

from django.http import HttpResponseForbidden
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


def central_team_only(view):
    """``view`` answering 403 to anyone but the central team, before it runs.

    Wagtail's generic views turn a refused permission into a redirect to the dashboard;
    the press review answers a plain 403 instead, so that a refusal is one and the same
    everywhere (and testable as such)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_central_team(request.user):
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    return guarded
