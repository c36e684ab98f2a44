"""The world of the budget tests: two provisioned sites (the city hall, DGASPC), an event
on each, and the people: the central team, the head of department and an institution's
editor, all working in the English admin (messages read as their msgids)."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from site_s6.events.models import EventIndexPage
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales
from tests.factories import EventPageFactory, UserFactory
from tests.factories_internal import BudgetLineFactory, EventPlanFactory

SITES = {
    "main": ("Primăria Sectorului 6", "Primăria 6", "primarie6.localhost", "city_hall"),
    "dgaspc": ("DGASPC Sector 6", "DGASPC", "dgaspc6.localhost", "subordinate"),
}


def english_user(username: str, group: Group | None = None):
    user = UserFactory(username=username)
    if group is not None:
        user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user


def build_budget_world(year: int = 2026) -> dict:
    build_locales()
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    institutions = {}
    for key, (name, short_name, hostname, kind) in SITES.items():
        institutions[key] = institution_provision(
            name=name,
            short_name=short_name,
            hostname=hostname,
            kind=kind,
            is_default_site=key == "main",
        ).institution
    indexes = {
        key: EventIndexPage.objects.child_of(institution.site.root_page).get()
        for key, institution in institutions.items()
    }

    def event(key, title, month):
        start = timezone.make_aware(datetime.datetime(year, month, 10, 10))
        return EventPageFactory(parent=indexes[key], title=title, start=start)

    festival = event("main", "Ziua Sectorului 6", 5)
    fair = event("dgaspc", "Târgul de Crăciun", 12)
    festival_plan = EventPlanFactory(
        event=festival, requested_by="Primarul Sectorului 6", allocated_budget=Decimal("10000")
    )
    stage = BudgetLineFactory(
        plan=festival_plan, category="venue", description="Scenă", planned=Decimal("6000")
    )
    posters = BudgetLineFactory(
        plan=festival_plan, category="printing", description="Afișe", planned=Decimal("1000")
    )
    fair_plan = EventPlanFactory(
        event=fair, requested_by="Directorul DGASPC", allocated_budget=Decimal("5000")
    )
    BudgetLineFactory(
        plan=fair_plan, category="catering", description="Ceai cald", planned=Decimal("2500")
    )
    head_group = Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP)
    users = {
        "central": english_user("presa", Group.objects.get(name=CENTRAL_TEAM_GROUP)),
        "head": english_user("sef.presa", head_group),
        "editor": english_user("editor.dgaspc", institutions["dgaspc"].editors_group),
    }
    return {
        "year": year,
        "institutions": institutions,
        "events": {"festival": festival, "fair": fair},
        "plans": {"festival": festival_plan, "fair": fair_plan},
        "lines": {"stage": stage, "posters": posters},
        "users": users,
    }
