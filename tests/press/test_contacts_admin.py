"""The contacts register's admin over HTTP: only the central team opens it; listing,
filters, forms, the import upload, the export, a list's reach and the GDPR screens. The
admin speaks Romanian, its default language: the messages are read in Romanian."""

import datetime
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from site_s6.press.models import DistributionList, Journalist, Outlet
from tests.conftest import for_test

from .conftest import build_press_world
from .test_accreditation import assert_denied

NOW = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)
SECRET = "Zamfirescu-Contact"


def build():
    world = build_press_world()
    tv = Outlet.objects.create(name="Televiziunea Nord", kind=Outlet.Kind.TV)
    paper = Outlet.objects.create(name="Ziarul Sud", kind=Outlet.Kind.PRINT)
    with time_machine.travel(NOW - datetime.timedelta(days=4 * 365), tick=False):
        old = Journalist.objects.create(
            name=f"Vechi {SECRET}", email="vechi@example.ro", outlet=paper
        )
    with time_machine.travel(NOW - datetime.timedelta(days=10), tick=False):
        tv_person = Journalist.objects.create(
            name="Irina Televizoru", email="irina@example.ro", outlet=tv, language="en"
        )
        quiet = Journalist.objects.create(
            name="Paul Tăcutu", email="paul@example.ro", outlet=tv, opted_out=True
        )
    tv_person.beats.add("educație")
    static = DistributionList.objects.create(name="Lista fixă")
    static.members.add(old, quiet)
    by_kind = DistributionList.objects.create(name="Televiziuni", outlet_kinds=["tv"])
    by_kind.beats.add("educație")
    world.update(tv=tv, old=old, tv_person=tv_person, quiet=quiet, static=static, by_kind=by_kind)
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def contacts_urls(world) -> list[tuple[str, str]]:
    """Every screen of the register, with the method that reads or changes it."""
    person = world["old"].pk
    return [
        ("get", reverse("press_journalists:index")),
        ("get", reverse("press_journalists:index") + "?export=csv"),
        ("get", reverse("press_journalists:index") + "?export=xlsx"),
        ("get", reverse("press_journalists:add")),
        ("get", reverse("press_journalists:edit", args=[person])),
        ("get", reverse("press_journalists:delete", args=[person])),
        ("get", reverse("press_journalists:import")),
        ("get", reverse("press_journalists:personal_data", args=[person])),
        ("get", reverse("press_journalists:erase", args=[person])),
        ("post", reverse("press_journalists:erase", args=[person])),
        ("post", reverse("press_journalists:import")),
        ("get", reverse("press_outlets:index")),
        ("get", reverse("press_outlets:edit", args=[world["tv"].pk])),
        ("get", reverse("press_lists:index")),
        ("get", reverse("press_lists:inspect", args=[world["static"].pk])),
        ("get", reverse("press_lists:edit", args=[world["static"].pk])),
    ]


def body(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    for method, url in contacts_urls(world):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_institution_editors_are_turned_away_from_every_screen(client, world):
    client.force_login(world["users"]["editor"])
    for method, url in contacts_urls(world):
        response = getattr(client, method)(url)
        assert_denied(response)
        assert SECRET not in body(response), url
    assert Journalist.objects.filter(pk=world["old"].pk).exists()
    assert "press_journalists" not in client.get("/admin/").content.decode()


def test_the_central_team_opens_every_screen(client, world):
    client.force_login(world["users"]["central"])
    for method, url in contacts_urls(world):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_the_listing_reads_a_constant_number_of_queries(client, world, django_assert_num_queries):
    client.force_login(world["users"]["central"])
    url = reverse("press_journalists:index")
    client.get(url)  # the admin's first request warms its caches
    with django_assert_num_queries(LISTING_QUERIES):
        response = client.get(url)
    assert "Irina Televizoru" in response.content.decode()
    for number in range(12):
        person = Journalist.objects.create(
            name=f"Nou {number}", email=f"nou{number}@example.ro", outlet=world["tv"]
        )
        person.beats.add(f"subiect {number}")
    with django_assert_num_queries(LISTING_QUERIES):
        response = client.get(url)
    assert "Nou 11" in response.content.decode()


#: The admin's own (session, user, permissions, profile, locales, page and collection
#: permissions, the menus' group checks, the explorer's root: 12), then the count, the
#: beats offered by the filter, the page of people with their outlets, and their beats in
#: one query: the same whatever the number of people shown.
LISTING_QUERIES = 16


def listed(client, query: str) -> set[str]:
    response = client.get(reverse("press_journalists:index") + query)
    assert response.status_code == 200
    html = response.content.decode()
    return {name for name in ("Vechi", "Irina Televizoru", "Paul Tăcutu") if name in html}


def test_the_listing_filters_and_searches(client, world):
    client.force_login(world["users"]["central"])
    assert listed(client, "?outlet_kind=tv") == {"Irina Televizoru", "Paul Tăcutu"}
    beat = world["tv_person"].beats.get()
    assert listed(client, f"?beat={beat.pk}") == {"Irina Televizoru"}
    assert listed(client, "?language=en") == {"Irina Televizoru"}
    assert listed(client, "?opted_out=true") == {"Paul Tăcutu"}
    assert listed(client, "?q=ziarul") == {"Vechi"}
    with time_machine.travel(NOW, tick=False):
        assert listed(client, "?review=due") == {"Vechi"}
    with time_machine.travel(NOW - datetime.timedelta(days=2 * 365), tick=False):
        assert listed(client, "?review=due") == set()


def test_the_export_follows_the_filters(client, world):
    client.force_login(world["users"]["central"])
    response = client.get(reverse("press_journalists:index") + "?outlet_kind=tv&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    text = body(response)
    assert text.startswith("\ufeffname,email,outlet")
    assert "irina@example.ro" in text and "paul@example.ro" in text
    assert "vechi@example.ro" not in text


def test_an_address_is_unique_whatever_its_case(client, world):
    client.force_login(world["users"]["central"])
    data = {
        "name": "Altcineva",
        "email": "IRINA@Example.ro",
        "beats": "",
        "language": "ro",
        "lawful_basis": "legitimate_interest",
    }
    response = client.post(reverse("press_journalists:add"), data)
    assert response.status_code == 200
    assert (
        "Această adresă este deja înregistrată, pentru Irina Televizoru."
        in response.content.decode()
    )
    assert Journalist.objects.filter(email="irina@example.ro").count() == 1
    response = client.post(reverse("press_journalists:add"), {**data, "email": "Nou@Example.ro"})
    assert response.status_code == 302
    assert Journalist.objects.get(email="nou@example.ro").name == "Altcineva"


def test_a_manual_edit_restarts_the_review_clock(client, world):
    client.force_login(world["users"]["central"])
    old = world["old"]
    with time_machine.travel(NOW, tick=False):
        assert Journalist.objects.due_for_review().filter(pk=old.pk).exists()
        response = client.post(
            reverse("press_journalists:edit", args=[old.pk]),
            {
                "name": old.name,
                "email": old.email,
                "outlet": old.outlet_id,
                "beats": "",
                "language": "ro",
                "lawful_basis": "legitimate_interest",
            },
        )
        assert response.status_code == 302
        assert not Journalist.objects.due_for_review().filter(pk=old.pk).exists()


def test_an_outlet_name_is_unique_whatever_its_case(client, world):
    client.force_login(world["users"]["central"])
    response = client.post(
        reverse("press_outlets:add"), {"name": "televiziunea NORD", "kind": "tv"}
    )
    assert response.status_code == 200
    assert "O publicație cu acest nume este deja înregistrată." in response.content.decode()
    assert Outlet.objects.filter(name__iexact="televiziunea nord").count() == 1


def test_a_lists_page_shows_whom_it_reaches_now(client, world):
    client.force_login(world["users"]["central"])
    html = client.get(reverse("press_lists:inspect", args=[world["by_kind"].pk])).content.decode()
    assert "Ajunge acum la 1 persoană" in html
    assert "Irina Televizoru" in html and "Paul Tăcutu" not in html  # opted out
    html = client.get(reverse("press_lists:inspect", args=[world["static"].pk])).content.decode()
    assert "Ajunge acum la 1 persoană" in html and SECRET in html
    response = client.post(
        reverse("press_lists:add"),
        {
            "name": "Ziare",
            "description": "",
            "members": [],
            "beats": "",
            "outlet_kinds": ["print", "tv"],
        },
    )
    assert response.status_code == 302
    new_list = DistributionList.objects.get(name="Ziare")
    assert new_list.outlet_kinds == ["print", "tv"]
    assert new_list.recipients().count() == 2


def test_the_import_screen_reports_what_it_did(client, world):
    client.force_login(world["users"]["central"])
    url = reverse("press_journalists:import")
    data = (
        "\ufeffname,email,outlet,outlet_kind,beats\n"
        "Corina Dumitrescu,corina@example.ro,Radio Est,radio,cultură\n"
        "Fără adresă,,,,\n"
        "Irina T.,Irina@Example.ro,,,sport\n"
    )
    upload = SimpleUploadedFile("contacte.csv", data.encode(), "text/csv")
    response = client.post(url, {"file": upload, "dry_run": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "nu s-a modificat nimic" in html
    assert not Journalist.objects.filter(email="corina@example.ro").exists()
    upload = SimpleUploadedFile("contacte.csv", data.encode(), "text/csv")
    html = client.post(url, {"file": upload}).content.decode()
    assert "1 jurnalist adăugat" in html and "1 jurnalist actualizat" in html
    assert "1 rând sărit" in html and "<td>3</td>" in html
    assert Journalist.objects.get(email="corina@example.ro").outlet.name == "Radio Est"
    assert Journalist.objects.get(email="irina@example.ro").name == "Irina T."
    bad = SimpleUploadedFile("contacte.csv", b"nume,adresa\nx,y\n", "text/csv")
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "lipsesc: name, email" in response.content.decode()


def test_a_journalists_personal_data_downloads_as_json(client, world):
    client.force_login(world["users"]["central"])
    response = client.get(reverse("press_journalists:personal_data", args=[world["tv_person"].pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert document["contacts_register"]["name"] == "Irina Televizoru"
    assert "accreditation_requests" in document["sources"]


def test_erasing_asks_first_then_erases(client, world):
    client.force_login(world["users"]["central"])
    url = reverse("press_journalists:erase", args=[world["tv_person"].pk])
    html = client.get(url).content.decode()
    assert "Da, șterge această persoană" in html and "irina@example.ro" in html
    assert Journalist.objects.filter(pk=world["tv_person"].pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Journalist.objects.filter(pk=world["tv_person"].pk).exists()
    assert client.post(url).status_code == 404


def test_the_dashboard_counts_the_contacts_due_for_review(client, world):
    client.force_login(world["users"]["central"])
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    assert "1 contact nu a avut nicio activitate de 3 ani" in html
    assert "?review=due" in html
    client.force_login(world["users"]["editor"])
    with time_machine.travel(NOW, tick=False):
        assert "nicio activitate de 3 ani" not in client.get("/admin/").content.decode()
