"""The channels' demo: a city hall department's staff member and two of their requests
(one waiting for the central team, one waiting for more information), the city hall's
Facebook page connected WITHOUT a token (posting off: the demo never posts), and the
latest press release marked as posted in the "Pentru Sectorul 6" group."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from site_s6.channels.models import CommunicationRequest, FacebookConnection, GroupKitMark
from site_s6.channels.roles import departments_group_ensure
from site_s6.news.models import NewsPage

DEMO_PAGE_ID = "100000000000006"
REQUESTS = [
    {
        "title": "Reabilitarea Pieței Veteranilor",
        "status": CommunicationRequest.Status.SUBMITTED,
        "what": (
            "Din 7 decembrie începe reabilitarea Pieței Veteranilor: trotuare noi, "
            "iluminat cu LED și 40 de arbori plantați."
        ),
        "why": "Circulația pietonală se mută pe latura de est timp de șase săptămâni.",
        "days_ahead": 7,
        "audience": "Locuitorii din Drumul Taberei, șoferii",
        "channels": ["site", "facebook", "group"],
        "contacts": "Andrei Marinescu, Direcția Urbanism, interior 214",
        "response": "",
    },
    {
        "title": "Program nou de eliberare a autorizațiilor de construire",
        "status": CommunicationRequest.Status.NEEDS_INFO,
        "what": "Ghișeul de autorizații își schimbă programul de lucru cu publicul.",
        "why": "Cetățenii nu mai trebuie să-și ia liber de la serviciu pentru o autorizație.",
        "days_ahead": 14,
        "audience": "Cetățenii care depun cereri de autorizare",
        "channels": ["site", "subscribers"],
        "contacts": "Andrei Marinescu, Direcția Urbanism, interior 214",
        "response": "Care sunt noile ore de program și din ce dată se aplică?",
    },
]


def load_channels(loader) -> None:
    """Create what is missing; a second run finds everything again."""
    from .loader import DEMO_PASSWORD

    group = departments_group_ensure()
    user, created = get_user_model().objects.get_or_create(
        username="departament.urbanism",
        defaults={
            "first_name": "Andrei",
            "last_name": "Marinescu",
            "email": "urbanism@primarie6.localhost",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        loader.report.count("users")
    user.groups.add(group)
    site = loader.sites["primarie"]["institution"].site
    central = get_user_model().objects.filter(username="presa").first()
    for spec in REQUESTS:
        if CommunicationRequest.objects.filter(title=spec["title"]).exists():
            continue
        CommunicationRequest.objects.create(
            requester=user,
            department="Direcția Urbanism",
            site=site,
            title=spec["title"],
            what=spec["what"],
            why=spec["why"],
            when=timezone.now() + datetime.timedelta(days=spec["days_ahead"]),
            audience=spec["audience"],
            channels=spec["channels"],
            contacts=spec["contacts"],
            status=spec["status"],
            response=spec["response"],
            triaged_by=central if spec["response"] else None,
            triaged_at=timezone.now() if spec["response"] else None,
        )
        loader.report.count("requests for communication")
    # No token: the connection shows where the token goes; posting stays off.
    if FacebookConnection.objects.get_or_create(
        site=site,
        defaults={"page_id": DEMO_PAGE_ID, "page_name": "Primăria Sectorului 6", "enabled": False},
    )[1]:
        loader.report.count("Facebook page connections")
    release = (
        NewsPage.objects.live()
        .descendant_of(site.root_page)
        .filter(kind=NewsPage.Kind.PRESS_RELEASE, locale__language_code="ro")
        .order_by("-first_published_at")
        .first()
    )
    if release and central:
        _mark, created = GroupKitMark.objects.get_or_create(
            page=release, defaults={"marked_by": central, "marked_at": timezone.now()}
        )
        if created:
            loader.report.count("group posts")
