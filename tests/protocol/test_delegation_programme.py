"""The delegation programme of a visit: its items, hosts and precedence, the programme and
seating sheet as PDF in Romanian, English or both, branded, and who may print them."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from site_s6.core.models import BrandingSettings
from site_s6.protocol.files import ProgrammeItem, VisitFile, VisitHost
from site_s6.protocol.models import DelegationMember
from site_s6.protocol.programme_pdf import hosts, seating_order
from tests.conftest import for_test
from tests.factories import ProtocolVisitPageFactory
from tests.factories_internal import VisitFileFactory

from .world import HOST, build_protocol_world

D = datetime.date
T = datetime.time


def build():
    world = build_protocol_world()
    site = world["institutions"]["main"].site
    BrandingSettings.objects.update_or_create(
        site=site,
        defaults={
            "full_name": "Primăria Sectorului 6 a Municipiului București",
            "short_name": "Primăria 6",
            "primary_colour": "#00447c",
        },
    )
    visit = ProtocolVisitPageFactory(
        parent=world["protocol_index"],
        title="Vizita delegației orașului Padova",
        delegation_name="Delegația orașului Padova",
        city="Padova",
        country="IT",
        visit_start=D(2026, 9, 14),
        visit_end=D(2026, 9, 15),
        hosts="Primarul Sectorului 6\nDirectorul DGASPC Sector 6",
    )
    for order, (name, role, precedence) in enumerate(
        [
            ("Marco Ferri", "Director, servicii pentru vârstnici", 2),
            ("Giulia Bianchi", "Șefa delegației", 1),
            ("Chiara Conti", "Coordonatoare, proiecte europene", 3),
        ]
    ):
        DelegationMember.objects.create(
            page=visit, name=name, role=role, precedence=precedence, sort_order=order
        )
    visit_file = VisitFileFactory(
        visit=visit,
        logistics="Microbuz de la aeroport; cazare în hotelul din Piața Drumul Taberei.",
        interpreters="Un interpret de limba italiană.",
        programme_language="both",
    )
    items = [
        (D(2026, 9, 15), T(10, 0), T(12, 0), "Centrul de zi „Bucuria”", "Vizită la centru", ""),
        (D(2026, 9, 14), T(9, 30), None, "Sala de consiliu", "Întâmpinarea delegației", "Welcome"),
        (D(2026, 9, 14), T(13, 0), T(14, 0), "Restaurantul primăriei", "Prânz oficial", ""),
    ]
    for day, start, end, place, activity, activity_en in items:
        ProgrammeItem.objects.create(
            file=visit_file,
            day=day,
            starts_at=start,
            ends_at=end,
            place=place,
            activity=activity,
            activity_en=activity_en,
            participants="Primarul, delegația, doi interpreți",
        )
    VisitHost.objects.create(file=visit_file, name="Ciprian Ciucu", role="Primar", precedence=1)
    VisitHost.objects.create(
        file=visit_file, name="Ștefan Mâță", role="Director DGASPC", precedence=2
    )
    world["file"] = visit_file.pk
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def programme_url(world):
    return reverse("protocol_visit_programme", args=[world["file"]])


def seating_url(world):
    return reverse("protocol_visit_seating", args=[world["file"]])


def fetch(client, world, url, who="central"):
    client.force_login(world["users"][who])
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


@pytest.mark.parametrize(
    ("count", "seats"),
    [
        (0, []),
        (1, [1]),
        (2, [2, 1]),
        (3, [2, 1, 3]),
        (5, [4, 2, 1, 3, 5]),
        (6, [6, 4, 2, 1, 3, 5]),
    ],
)
def test_the_first_in_precedence_sits_in_the_middle(count, seats):
    assert seating_order(count) == seats


def test_the_programme_renders_romanian_diacritics(client, world):
    text = fetch(client, world, programme_url(world))

    for letter in ("ș", "ț", "ă", "î", "â"):
        assert letter in text, letter
    # Comma below, not the cedilla look-alikes that Latin-1 fonts fall back to.
    assert "ş" not in text and "ţ" not in text
    assert "Programul vizitei" in text
    assert "Întâmpinarea delegației" in text
    assert "Ștefan Mâță" in text


def test_a_programme_in_both_languages_has_a_romanian_and_an_english_part(client, world):
    text = fetch(client, world, programme_url(world))

    romanian, english = text.split("Programme of the visit", 1)
    assert "Programul vizitei" in romanian and "Programul vizitei" not in english
    # Day by day, in order of time; the English wording where one was given.
    assert romanian.index("09:30") < romanian.index("13:00–14:00") < romanian.index("10:00–12:00")
    assert "Întâmpinarea delegației" in romanian and "Welcome" in english
    assert "luni, 14 septembrie 2026" in romanian
    assert "Monday, 14 September 2026" in english
    assert "Prânz oficial" in english  # no English wording: the Romanian one stands
    assert "Microbuz de la aeroport" in romanian
    # The delegation in order of precedence.
    assert romanian.index("Giulia Bianchi") < romanian.index("Marco Ferri")
    assert romanian.index("Marco Ferri") < romanian.index("Chiara Conti")
    assert "Primăria Sectorului 6 a Municipiului București" in text  # the branded band


def test_a_programme_in_one_language_has_only_that_language(client, world):
    VisitFile.objects.filter(pk=world["file"]).update(programme_language="en")

    text = fetch(client, world, programme_url(world))

    assert "Programme of the visit" in text
    assert "Programul vizitei" not in text
    assert "The delegation" in text and "The hosts" in text


def test_the_seating_sheet_lists_both_sides_by_precedence(client, world):
    VisitFile.objects.filter(pk=world["file"]).update(programme_language="ro")

    text = fetch(client, world, seating_url(world))

    assert "Plan de așezare și ordinea precedenței" in text
    assert "Seating plan" not in text
    assert text.index("Ciprian Ciucu") < text.index("Ștefan Mâță")
    assert text.index("Giulia Bianchi") < text.index("Marco Ferri") < text.index("Chiara Conti")


def test_without_hosts_in_the_file_the_pages_hosts_are_printed_in_order(world):
    visit_file = VisitFile.objects.get(pk=world["file"])
    visit_file.hosts.all().delete()

    people = hosts(VisitFile.objects.get(pk=world["file"]))

    assert [(person.precedence, person.name) for person in people] == [
        (1, "Primarul Sectorului 6"),
        (2, "Directorul DGASPC Sector 6"),
    ]


@pytest.mark.parametrize("who", ["editor", "city_editor"])
def test_editors_cannot_print_a_programme(client, world, who):
    client.force_login(world["users"][who])

    for url in (programme_url(world), seating_url(world)):
        response = client.get(url, HTTP_HOST=HOST)
        # Wagtail's admin turns a refusal into a return to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    for url in (programme_url(world), seating_url(world)):
        response = client.get(url, HTTP_HOST=HOST)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_the_file_editor_links_to_both_sheets(client, world):
    client.force_login(world["users"]["central"])

    response = client.get(reverse("visit_files:edit", args=[world["file"]]), HTTP_HOST=HOST)

    html = response.content.decode()
    assert programme_url(world) in html
    assert seating_url(world) in html


def test_a_programme_item_ends_after_it_starts(world):
    item = ProgrammeItem(
        file_id=world["file"],
        day=D(2026, 9, 14),
        starts_at=T(12, 0),
        ends_at=T(11, 0),
        place="Sala de consiliu",
        activity="Conferință de presă",
    )

    with pytest.raises(ValidationError) as caught:
        item.full_clean()

    assert "ends_at" in caught.value.message_dict
