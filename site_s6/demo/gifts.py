"""The demo's gifts register and delegation programme, on its foreign visits.

The visits and their gifts come from ``fixtures/demo/protocol_visits.json``; this adds
what happened to the gifts afterwards (the Chișinău wines declared, valued and kept by the
mayor after paying the difference; the carpet never declared, so overdue; the Padova medal
exempt) and the programme of the Padova visit, in Romanian and English. Idempotent: the
gifts are found by their description, and a programme is written only once.
"""

import datetime
from decimal import Decimal

from django.apps import apps

CHISINAU_WINES = "Set de vinuri moldovenești în cutie de lemn sculptat"
CHISINAU_CARPET = "Covoraș țesut manual cu motive tradiționale"
PADOVA_MEDAL = "Medalie comemorativă a orașului Padova"
PADOVA_CERAMICS = "Set de ceramică artizanală din regiunea Veneto"
COMMISSION = ("Elena Dobre", "Mihai Petrescu", "Ana Radu")

PADOVA_PROGRAMME = [
    # day of the visit, start, end, place, activity, in English, participants
    (
        0,
        (15, 0),
        (15, 30),
        "Aeroportul Henri Coandă",
        "Întâmpinarea delegației și transferul la hotel",
        "Welcome of the delegation and transfer to the hotel",
        "Un reprezentant al Serviciului Relații Externe, un interpret",
    ),
    (
        1,
        (9, 30),
        (11, 0),
        "Sala de consiliu a Primăriei Sectorului 6",
        "Întâlnire oficială: serviciile sociale pentru vârstnici",
        "Official meeting: social services for the elderly",
        "Primarul, directorul DGASPC, delegația",
    ),
    (
        1,
        (11, 30),
        (13, 0),
        "Centrul de zi pentru vârstnici „Floare de colț”",
        "Vizită la centrul de zi",
        "Visit to the day centre",
        "Directorul DGASPC, delegația, presa acreditată",
    ),
    (
        1,
        (19, 0),
        None,
        "Restaurantul „Hanul cu tei”",
        "Cină oficială",
        "Official dinner",
        "Primarul, delegația, doi interpreți",
    ),
    (
        2,
        (10, 0),
        (11, 0),
        "Parcul Drumul Taberei",
        "Plimbare prin parcul modernizat și declarație de presă",
        "Walk through the renovated park and press statement",
        "Primarul, șefa delegației, presa",
    ),
]
PADOVA_HOSTS = [
    ("Andrei Marinescu", "Primarul Sectorului 6"),
    ("Laura Vasilescu", "Directorul DGASPC Sector 6"),
    ("Sorin Țăranu", "Șeful Serviciului Relații Externe"),
]


def _gift(description: str):
    gift_model = apps.get_model("protocol", "Gift")
    return (
        gift_model.objects.filter(description=description, file__visit__scope="foreign")
        .select_related("file__visit")
        .first()
    )


def _record_gifts(loader) -> None:
    gift_model = apps.get_model("protocol", "Gift")
    wines = _gift(CHISINAU_WINES)
    if wines is not None and not wines.decision:
        received = wines.gift_date
        wines.date_declared = received + datetime.timedelta(days=4)
        wines.valued_on = received + datetime.timedelta(days=20)
        wines.value_ron = Decimal("1100.00")
        wines.exchange_rate = Decimal("4.9770")
        wines.valuer_1, wines.valuer_2, wines.valuer_3 = COMMISSION
        wines.decision = gift_model.Decision.KEPT_BY_OFFICIAL
        wines.decided_on = wines.valued_on + datetime.timedelta(days=5)
        # 1,100 lei is €221.02 at 4.9770: the mayor pays what is above €200.
        wines.amount_paid = Decimal("104.60")
        wines.full_clean()
        wines.save()
        loader.report.count("gifts valued and decided")
    medal = _gift(PADOVA_MEDAL)
    if medal is not None and medal.kind != gift_model.Kind.DECORATION:
        medal.kind = gift_model.Kind.DECORATION
        medal.estimated_value_eur = Decimal("30.00")
        medal.save(update_fields=["kind", "estimated_value_eur"])
        loader.report.count("gifts exempt")
    # The carpet and the ceramics stay undeclared: the one overdue, the other due.


def _padova_programme(loader) -> None:
    ceramics = _gift(PADOVA_CERAMICS)
    if ceramics is None:
        return
    visit_file = ceramics.file
    if visit_file.programme_items.exists():
        return
    item_model = apps.get_model("protocol", "ProgrammeItem")
    host_model = apps.get_model("protocol", "VisitHost")
    start = visit_file.visit.visit_start
    for order, (day, begins, ends, place, activity, english, people) in enumerate(PADOVA_PROGRAMME):
        item_model.objects.create(
            file=visit_file,
            sort_order=order,
            day=start + datetime.timedelta(days=day),
            starts_at=datetime.time(*begins),
            ends_at=datetime.time(*ends) if ends else None,
            place=place,
            activity=activity,
            activity_en=english,
            participants=people,
        )
        loader.report.count("programme items")
    for precedence, (name, role) in enumerate(PADOVA_HOSTS, start=1):
        host_model.objects.create(
            file=visit_file, sort_order=precedence, name=name, role=role, precedence=precedence
        )
    visit_file.programme_language = "both"
    visit_file.save(update_fields=["programme_language"])


def load_gifts(loader) -> None:
    """The gifts' declarations, valuation and decision, and the Padova programme."""
    _record_gifts(loader)
    _padova_programme(loader)
