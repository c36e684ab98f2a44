"""The press world plus a contacts register: outlets, journalists, two lists, a draft
press release, and the city hall's press e-mail (the Reply-To of every message)."""

from site_s6.core.models import ContactSettings
from site_s6.news.models import NewsPage
from site_s6.press.models import DistributionList, Journalist, Outlet
from tests.factories import NewsPageFactory

from .conftest import build_press_world

PRESS_EMAIL = "presa@primarie6.example"


def build_outreach_world() -> dict:
    world = build_press_world()
    tv = Outlet.objects.create(name="Televiziunea Nord", kind=Outlet.Kind.TV)
    paper = Outlet.objects.create(name="Ziarul Sud", kind=Outlet.Kind.PRINT)
    people = {
        "ana": Journalist.objects.create(name="Ana Ionescu", email="ana@tv.example", outlet=tv),
        "radu": Journalist.objects.create(
            name="Radu Șerban", email="radu@tv.example", outlet=tv, language="en"
        ),
        "ioana": Journalist.objects.create(
            name="Ioana Țurcan", email="ioana@ziar.example", outlet=paper
        ),
        "quiet": Journalist.objects.create(
            name="Mihai Tăcut", email="quiet@ziar.example", outlet=paper, opted_out=True
        ),
    }
    television = DistributionList.objects.create(name="Televiziuni", outlet_kinds=["tv"])
    papers = DistributionList.objects.create(name="Presa scrisă")
    papers.members.add(people["ioana"], people["quiet"])
    ContactSettings.objects.update_or_create(
        site=world["sites"]["main"], defaults={"press_email": PRESS_EMAIL}
    )
    world["draft_release"] = NewsPageFactory(
        parent=world["news_index"],
        title="Comunicat sub embargo",
        kind=NewsPage.Kind.PRESS_RELEASE,
        lead="Primăria anunță bugetul participativ.",
        live=False,
    )
    world.update(people=people, lists={"tv": television, "papers": papers})
    return world
