"""The demo's press contacts register: three outlets, eight journalists with their beats,
and two distribution lists (one of chosen people, one by beats and outlet kinds).

Names and addresses are invented (example.ro / example.com). Idempotent: outlets and
lists are found by name, journalists by e-mail; a second run creates nothing.
"""

import datetime

from django.apps import apps
from django.utils import timezone

OUTLETS = [
    # name, kind, website
    ("Televiziunea Demo Sector 6", "tv", "https://tv.example.ro/"),
    ("Radio Demo București", "radio", "https://radio.example.ro/"),
    ("Știri Locale Demo", "online", "https://stiri.example.ro/"),
]

JOURNALISTS = [
    # name, e-mail, outlet index, beats, language, lawful basis, days since last activity
    ("Andreea Mocanu", "andreea.mocanu@example.ro", 0, ["social", "educație"], "ro", 20),
    ("Bogdan Vasilescu", "bogdan.vasilescu@example.ro", 0, ["administrație"], "ro", 90),
    ("Corina Ilie", "corina.ilie@example.ro", 1, ["cultură", "evenimente"], "ro", 5),
    ("Dragoș Neagu", "dragos.neagu@example.ro", 1, ["transport", "administrație"], "ro", 300),
    ("Emilia Rusu", "emilia.rusu@example.ro", 2, ["educație", "sănătate"], "ro", 45),
    ("Florin Marin", "florin.marin@example.ro", 2, ["ordine publică"], "ro", None),
    ("Grace Miller", "grace.miller@example.com", None, ["administrație"], "en", 12),
    # No activity for four years: flagged for review on the dashboard.
    ("Horia Tudose", "horia.tudose@example.ro", 2, ["sport"], "ro", 4 * 365),
]

LISTS = [
    # name, description, members (e-mails), beats, outlet kinds
    (
        "Conferințe de presă (listă fixă)",
        "Jurnaliștii invitați la conferința lunară de presă.",
        ["andreea.mocanu@example.ro", "corina.ilie@example.ro", "grace.miller@example.com"],
        [],
        [],
    ),
    (
        "Educație și social, plus radiourile",
        "Oricine scrie despre educație sau social, și toate radiourile.",
        [],
        ["educație", "social"],
        ["radio"],
    ),
]


def load_press_contacts(loader) -> None:
    """Builds the register's demo (see the module's docstring)."""
    outlet_model = apps.get_model("press", "Outlet")
    journalist_model = apps.get_model("press", "Journalist")
    list_model = apps.get_model("press", "DistributionList")
    now = timezone.now()
    outlets = []
    for name, kind, website in OUTLETS:
        outlet, created = outlet_model.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": website}
        )
        outlets.append(outlet)
        if created:
            loader.report.count("press outlets")
    for name, email, outlet_index, beats, language, days in JOURNALISTS:
        if journalist_model.objects.filter(email=email).exists():
            continue
        person = journalist_model.objects.create(
            name=name,
            email=email,
            outlet=outlets[outlet_index] if outlet_index is not None else None,
            language=language,
            source="Demo: cartea de vizită, conferința de presă",
            last_activity_at=None if days is None else now - datetime.timedelta(days=days),
        )
        if days is not None and days > 3 * 365:
            # Registered long ago as well, so that nothing but the review brings them up.
            journalist_model.objects.filter(pk=person.pk).update(
                created_at=now - datetime.timedelta(days=days + 30)
            )
        person.beats.add(*beats)
        loader.report.count("press journalists")
    for name, description, members, beats, outlet_kinds in LISTS:
        if list_model.objects.filter(name=name).exists():
            continue
        distribution_list = list_model.objects.create(
            name=name, description=description, outlet_kinds=outlet_kinds
        )
        distribution_list.members.set(journalist_model.objects.filter(email__in=members))
        distribution_list.beats.add(*beats)
        loader.report.count("distribution lists")
