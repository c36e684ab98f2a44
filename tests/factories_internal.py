"""Factories of the internal records kept beside pages: plans, visit files, gifts."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from site_s6.campaigns.plans import CampaignKPI, CampaignPlan
from site_s6.events.plans import BudgetLine, EventPlan
from site_s6.protocol.files import Gift, VisitFile
from tests.factories import UserFactory


class EventPlanFactory(factory.django.DjangoModelFactory):
    requested_by = "Primarul Sectorului 6"
    responsible_person = "Ana Popescu"
    allocated_budget = Decimal("10000.00")

    class Meta:
        model = EventPlan


class BudgetLineFactory(factory.django.DjangoModelFactory):
    category = BudgetLine.Category.VENUE
    description = "Sala de festivități"
    planned = Decimal("1000.00")

    class Meta:
        model = BudgetLine


class CampaignPlanFactory(factory.django.DjangoModelFactory):
    objectives = "Informarea locuitorilor despre colectarea selectivă."
    channels = factory.LazyFunction(lambda: ["website", "facebook"])
    budget = Decimal("5000.00")

    class Meta:
        model = CampaignPlan


class CampaignKPIFactory(factory.django.DjangoModelFactory):
    name = "Persoane informate"
    unit = "persoane"
    target = Decimal("10000")

    class Meta:
        model = CampaignKPI


class VisitFileFactory(factory.django.DjangoModelFactory):
    logistics = "Transport de la aeroport."

    class Meta:
        model = VisitFile


class GiftFactory(factory.django.DjangoModelFactory):
    direction = Gift.Direction.GIVEN
    description = "Album foto al sectorului"
    estimated_value = Decimal("150.00")
    official = "Primarul Sectorului 6"
    gift_date = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = Gift


def page_editor(page, *, username: str = "page.editor"):
    """A user who may open the admin and edit ``page`` and its subtree, and nothing else."""
    group = Group.objects.create(name=f"Editors of {page.title}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user = UserFactory(username=username, is_staff=False)
    user.groups.add(group)
    return user


def grant(user, *codenames: str):
    """Give ``user`` the model permissions ``codenames`` (e.g. ``events.change_eventplan``)."""
    for codename in codenames:
        app_label, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
