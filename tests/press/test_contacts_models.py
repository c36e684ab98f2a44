"""The contacts register's rules on its models: addresses, lists' reach, the review flag."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from site_s6.press.models import DistributionList, Journalist, Outlet
from tests.conftest import for_test

NOW = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


def build():
    tv = Outlet.objects.create(name="Televiziunea Nord", kind=Outlet.Kind.TV)
    paper = Outlet.objects.create(name="Ziarul Sud", kind=Outlet.Kind.PRINT)
    people = {}
    with time_machine.travel(NOW - datetime.timedelta(days=4 * 365), tick=False):
        people["old"] = Journalist.objects.create(name="Old", email="old@example.ro", outlet=paper)
    with time_machine.travel(NOW - datetime.timedelta(days=30), tick=False):
        people["tv"] = Journalist.objects.create(name="Tv", email="TV@Example.ro", outlet=tv)
        people["edu"] = Journalist.objects.create(name="Edu", email="edu@example.ro")
        people["quiet"] = Journalist.objects.create(
            name="Quiet", email="quiet@example.ro", outlet=tv, opted_out=True
        )
        people["member"] = Journalist.objects.create(name="Member", email="member@example.com")
        people["nobody"] = Journalist.objects.create(name="Nobody", email="n@example.com")
    people["edu"].beats.add("educație")
    people["member"].beats.add("educație")
    people["old"].last_activity_at = NOW - datetime.timedelta(days=2 * 365)
    people["old"].save()
    static = DistributionList.objects.create(name="Static")
    static.members.add(people["member"], people["quiet"])
    dynamic = DistributionList.objects.create(name="Dynamic", outlet_kinds=["tv"])
    dynamic.beats.add("educație")
    dynamic.members.add(people["member"])
    return {"people": people, "static": static, "dynamic": dynamic}


@pytest.fixture(scope="module")
def shared(module_db):
    return module_db(build)


@pytest.fixture
def data(db, shared):
    return for_test(shared)


def test_email_is_stored_lower_case_and_unique_whatever_its_case(data):
    assert data["people"]["tv"].email == "tv@example.ro"
    duplicate = Journalist(name="Another", email="Edu@EXAMPLE.ro")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "email" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Journalist.objects.create(name="Another", email="Edu@EXAMPLE.ro")


def test_outlet_names_are_unique_whatever_their_case(data):
    with pytest.raises(ValidationError):
        Outlet(name="televiziunea nord", kind="radio").full_clean()


def test_a_static_list_reaches_its_reachable_members_only(data, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = sorted(data["static"].recipients().values_list("name", flat=True))
    assert names == ["Member"]


def test_a_dynamic_list_reaches_beats_outlet_kinds_and_members_once_each(data):
    recipients = list(data["dynamic"].recipients().order_by("name"))
    assert [person.name for person in recipients] == ["Edu", "Member", "Tv"]


def test_contacts_without_activity_for_three_years_are_due_for_review(data):
    with time_machine.travel(NOW, tick=False):
        due = set(Journalist.objects.due_for_review().values_list("name", flat=True))
        assert due == set()
        # The last activity counts, not the registration: two years ago is still fine.
        assert not Journalist.objects.get(name="Old").is_due_for_review
    with time_machine.travel(NOW + datetime.timedelta(days=366), tick=False):
        due = set(Journalist.objects.due_for_review().values_list("name", flat=True))
        assert due == {"Old"}
    with time_machine.travel(NOW + datetime.timedelta(days=3 * 365), tick=False):
        due = set(
            Journalist.objects.due_for_review(now=timezone.now()).values_list("name", flat=True)
        )
        assert due == {"Old", "Tv", "Edu", "Quiet", "Member", "Nobody"}
