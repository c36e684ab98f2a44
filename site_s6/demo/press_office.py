"""The press office's demo: a press room on the city hall's and DGASPC's sites (in both
languages), the spokespersons, two accreditation requests (one waiting, one approved),
two confirmed subscribers, and a dozen journalists' requests for information across
their statuses (one overdue, one extended, one refused). Addresses are on reserved
domains (``.example``): no message the demo sends can reach anyone.

Nothing is mailed while loading: the requests and subscribers are written as they would
stand after their e-mails, and the subscribers, confirmed last, are not sent the demo's
releases (a subscription brings what is published after it).
"""

import datetime

from django.apps import apps
from django.utils import timezone
from wagtail.models import Site

from .translations import translate_page

ROOMS = {
    "primarie": {
        "title": "Biroul de presă",
        "intro": "Comunicate, conferințe de presă, acreditare și materiale pentru jurnaliști.",
        "en_title": "Press room",
        "en_intro": "Press releases, press conferences, accreditation and media materials.",
        "spokesperson": ("Andreea Marinescu", "021 319 10 60", "purtator.cuvant@primarie6.example"),
        "hours": "Luni-joi 8:30-16:30, vineri 8:30-14:00",
    },
    "dgaspc": {
        "title": "Presă",
        "intro": "Informații pentru jurnaliști despre serviciile sociale din Sectorul 6.",
        "en_title": "Press room",
        "en_intro": "Information for journalists about the social services of Sector 6.",
        "spokesperson": ("Mihai Stoica", "021 745 48 00", "presa@dgaspc6.example"),
        "hours": "Luni-vineri 9:00-15:00",
    },
}

SUBSCRIBERS = [
    ("redactia@ziar-local.example", "ro", ["press_release", "press_conference"], ["primarie"]),
    ("newsdesk@city-wire.example", "en", ["press_release", "news"], ["primarie", "dgaspc"]),
]


def load_press_office(loader) -> None:
    """Create what is missing; a second run finds everything by its unique key."""
    room_model = apps.get_model("press", "PressRoomPage")
    settings_model = apps.get_model("press", "PressSettings")
    for key, spec in ROOMS.items():
        site_data = loader.sites.get(key)
        if site_data is None:
            continue
        home = site_data["home"]
        room, created = loader._publish_child(
            home, room_model(title=spec["title"], slug="presa", intro=spec["intro"])
        )
        if created:
            loader.report.count("press rooms")
        english = room.get_translation_or_none(loader.en)
        if english is None or english.alias_of_id:
            translate_page(
                room,
                loader.en,
                {"title": [spec["en_title"]], "slug": ["press"], "intro": [spec["en_intro"]]},
            )
            loader.report.count("English translations")
        site = site_data["institution"].site
        name, phone, email = spec["spokesperson"]
        press, created = settings_model.objects.get_or_create(
            site=site,
            defaults={
                "spokesperson_name": name,
                "spokesperson_phone": phone,
                "spokesperson_email": email,
                "office_hours": spec["hours"],
            },
        )
        if created:
            loader.report.count("press settings")
    main = loader.sites.get("primarie")
    if main is not None:
        _accreditations(loader, main["institution"].site)
        _information_requests(loader, main["institution"])
    _subscribers(loader)


def _accreditations(loader, site: Site) -> None:
    from site_s6.press.services.accreditation import accreditation_due_at, registration_fields

    request_model = apps.get_model("press", "AccreditationRequest")
    user_model = apps.get_model("auth", "User")
    now = timezone.now()
    specs = [
        {
            "email": "elena.vasile@radio-sector.example",
            "name": "Elena Vasile",
            "outlet": "Radio Sector (demo)",
            "role": "reporter",
            "phone": "0700 000 101",
            "registered_at": now - datetime.timedelta(hours=30),
            "decision": None,
        },
        {
            "email": "dan.ionescu@tv-local.example",
            "name": "Dan Ionescu",
            "outlet": "TV Local (demo)",
            "role": "operator",
            "phone": "0700 000 202",
            "registered_at": now - datetime.timedelta(days=10),
            "decision": "approved",
        },
    ]
    for spec in specs:
        if request_model.objects.filter(site=site, email=spec["email"]).exists():
            continue
        registered = spec["registered_at"]
        request_obj = request_model(
            site=site,
            registered_at=registered,
            due_at=accreditation_due_at(registered),
            consented_at=registered,
            language="ro",
            kind="annual",
            name=spec["name"],
            outlet=spec["outlet"],
            role=spec["role"],
            email=spec["email"],
            phone=spec["phone"],
            **registration_fields(site, registered),
        )
        if spec["decision"] == "approved":
            request_obj.status = "approved"
            request_obj.decided_at = registered + datetime.timedelta(days=1)
            request_obj.decided_by = user_model.objects.filter(username="presa").first()
            request_obj.badge_number = "ACR-DEMO-001"
            request_obj.valid_until = datetime.date(registered.year, 12, 31)
        request_obj.save()
        loader.report.count("accreditation requests")


def _subscribers(loader) -> None:
    subscriber_model = apps.get_model("press", "Subscriber")
    for email, language, kinds, site_keys in SUBSCRIBERS:
        if subscriber_model.objects.filter(email=email).exists():
            continue
        sites = [loader.sites[key]["institution"].site for key in site_keys if key in loader.sites]
        subscriber = subscriber_model.objects.create(
            email=email,
            language=language,
            kinds=kinds,
            site=sites[0],
            confirmed_at=timezone.now(),
        )
        subscriber.sites.set(sites)
        loader.report.count("subscribers")


# Journalists' requests (Law 544/2001): (requester, outlet, channel, topic, site key,
# assignee, status, received so many hours ago, subject). Outlets are marked "(demo)".
INFORMATION_REQUESTS = [
    (
        "Elena Vasile",
        "Radio Sector (demo)",
        "phone",
        "Urbanism",
        "primarie",
        "presa",
        "answered",
        400,
        "Când se termină lucrările de pe Bulevardul Iuliu Maniu?",
    ),
    (
        "Dan Ionescu",
        "TV Local (demo)",
        "email",
        "Buget",
        "primarie",
        "presa",
        "answered",
        700,
        "Care este bugetul alocat reabilitării școlilor în acest an?",
    ),
    (
        "Maria Popa",
        "Gazeta de Vest (demo)",
        "email",
        "Asistență socială",
        "dgaspc",
        "editor.dgaspc",
        "answered",
        900,
        "Câte locuri are centrul de zi pentru vârstnici?",
    ),
    (
        "Andrei Stan",
        "Ziarul Sectorului (demo)",
        "letter",
        "Ordine publică",
        "politia",
        "editor.politia",
        "answered",
        1300,
        "Câte amenzi pentru parcare au fost date în 2025?",
    ),
    (
        "Ioana Radu",
        "Agenția de Știri Locale (demo)",
        "in_person",
        "Cultură",
        "primarie",
        "presa",
        "answered",
        200,
        "Ce spectacole sunt programate de Zilele Sectorului?",
    ),
    (
        "Cristina Dobre",
        "Radio Sector (demo)",
        "email",
        "Asistență socială",
        "dgaspc",
        "editor.dgaspc",
        "assigned",
        480,
        "Câți copii sunt în plasament familial în sector?",
    ),
    (
        "Victor Matei",
        "TV Local (demo)",
        "email",
        "Buget",
        "primarie",
        "presa",
        "extended",
        120,
        "Lista contractelor de deszăpezire din ultimii cinci ani",
    ),
    (
        "Sorin Ene",
        "Gazeta de Vest (demo)",
        "email",
        "Resurse umane",
        "primarie",
        "presa",
        "refused",
        300,
        "Fișele de evaluare ale directorilor din primărie",
    ),
    (
        "Laura Mihai",
        "Ziarul Sectorului (demo)",
        "phone",
        "Mediu",
        "primarie",
        "presa",
        "registered",
        3,
        "Când se reia colectarea deșeurilor voluminoase?",
    ),
    (
        "George Tudor",
        "Agenția de Știri Locale (demo)",
        "email",
        "Ordine publică",
        "politia",
        "editor.politia",
        "assigned",
        30,
        "Câte camere de supraveghere sunt funcționale?",
    ),
    (
        "Ana Neagu",
        "Radio Sector (demo)",
        "in_person",
        "Urbanism",
        "primarie",
        "presa",
        "withdrawn",
        150,
        "Autorizația de construire pentru blocul din strada Valea Oltului",
    ),
    (
        "Paul Dinu",
        "TV Local (demo)",
        "letter",
        "Asistență socială",
        "dgaspc",
        "editor.dgaspc",
        "registered",
        20,
        "Câte cantine sociale funcționează în sector?",
    ),
]


def _information_requests(loader, registry) -> None:
    """A dozen requests, registered by the city hall and assigned across institutions.

    Written as they would stand after their answers (nothing is mailed); each is found
    again by its requester's demo address, so a second run adds none.
    """
    from site_s6.core.text import ascii_slugify
    from site_s6.press.services.requests import request_register, request_save

    request_model = apps.get_model("press", "InformationRequest")
    user_model = apps.get_model("auth", "User")
    now = timezone.now()
    for (
        name,
        outlet,
        channel,
        topic,
        site_key,
        username,
        status,
        hours_ago,
        subject,
    ) in INFORMATION_REQUESTS:
        email = f"{ascii_slugify(name).replace('-', '.')}@presa-demo.example"
        site_data = loader.sites.get(site_key)
        if site_data is None or request_model.objects.filter(requester_email=email).exists():
            continue
        received = now - datetime.timedelta(hours=hours_ago)
        request_obj = request_register(
            registry=registry,
            data={
                "received_at": received,
                "channel": channel,
                "requester_name": name,
                "requester_email": email,
                "requester_outlet": outlet,
                "subject": subject,
                "topic": topic,
                "institution": site_data["institution"],
                "assignee": user_model.objects.filter(username=username).first(),
            },
        )
        previous = request_obj.status
        if status == "answered":
            request_obj.answer = "Răspunsul a fost transmis pe e-mail, cu documentele anexate."
            # The last of them was answered a day late; the others well in time.
            late = hours_ago == 1300
            request_obj.sent_at = (
                request_obj.due_at + datetime.timedelta(days=1)
                if late
                else (
                    received
                    + datetime.timedelta(hours=20 if channel in ("phone", "in_person") else 96)
                )
            )
        elif status == "extended":
            request_obj.extension_notice_at = received + datetime.timedelta(hours=48)
        elif status == "refused":
            request_obj.refusal_category = "personal_data"
            request_obj.refusal_reason = (
                "Fișele de evaluare conțin date personale ale angajaților (art. 12 alin. 1 lit. d)."
            )
            request_obj.sent_at = received + datetime.timedelta(hours=72)
        if status != previous:
            request_obj.status = status
            request_save(request_obj, previous_status=previous, now=received)
        loader.report.count("journalists' requests")
