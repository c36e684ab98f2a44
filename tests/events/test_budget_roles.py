"""The head of department's role: its group beside the central team's, and who counts as
the department (the budgets, the reports and the registers are theirs alone)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from subsites.access import is_head_of_department, may_see_department_records
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP, central_team_ensure
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_head_of_departments_group_is_made_with_the_central_teams():
    _central, changes = central_team_ensure()

    head = Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP)
    assert head.permissions.filter(codename="access_admin").exists()
    assert head.permissions.filter(codename="view_eventplan").exists()
    assert not head.permissions.filter(codename="change_institution").exists()
    assert any(HEAD_OF_DEPARTMENT_GROUP in change for change in changes)
    # Idempotent: a second run has nothing to add.
    assert central_team_ensure()[1] == []


def test_who_sees_the_departments_records():
    central_team_ensure()
    head = UserFactory(username="sef")
    head.groups.add(Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP))
    central = UserFactory(username="presa")
    central.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    inactive_head = UserFactory(username="fost.sef", is_active=False)
    inactive_head.groups.add(Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP))
    nobody = UserFactory(username="nimeni")

    assert is_head_of_department(head)
    assert not is_head_of_department(central)
    assert not is_head_of_department(inactive_head)
    assert [may_see_department_records(user) for user in (head, central, nobody)] == [
        True,
        True,
        False,
    ]
    assert may_see_department_records(SuperuserFactory(username="root"))
    assert not may_see_department_records(inactive_head)
    assert not may_see_department_records(AnonymousUser())
