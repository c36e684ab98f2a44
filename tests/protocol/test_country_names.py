"""Country names come from django-countries, in the language of the page or of the admin.

The codes stay ISO 3166-1 alpha-2 in the database; what changes with the language is the
name: "România", "Italia", "Ungaria" on Romanian pages and in the Romanian admin, with the
project's catalogue correcting what upstream's Romanian gets wrong (ț written with a
cedilla, the Congo named as the Democratic Republic, Eswatini as Swaziland).
"""

import re

import pytest
from django.utils import translation
from django_countries import countries

from tests.conftest import build_site_tree, for_test
from tests.factories import EnglishSuperuserFactory, ProtocolVisitPageFactory
from tests.page_admin import add_page_url, edit_page_url


def build_visits():
    tree = build_site_tree()
    index = tree["protocol_index"]
    visits = {
        code: ProtocolVisitPageFactory(
            parent=index, title=f"Vizita {code}", slug=f"vizita-{code.lower()}", country=code
        )
        for code in ("RO", "IT", "HU", "FR")
    }
    return {"index": index, "visits": visits}


@pytest.fixture(scope="module")
def shared_visits(module_db):
    return module_db(build_visits)


@pytest.fixture
def visits(db, shared_visits):
    return for_test(shared_visits)


@pytest.mark.parametrize(
    ("code", "romanian", "english"),
    [
        ("RO", "România", "Romania"),
        ("IT", "Italia", "Italy"),
        ("HU", "Ungaria", "Hungary"),
        ("FR", "Franța", "France"),
        ("CH", "Elveția", "Switzerland"),
        ("CG", "Republica Congo", "Congo"),
        ("SZ", "Eswatini", "Eswatini"),
        ("CZ", "Cehia", "Czechia"),
    ],
)
def test_country_names_in_romanian_and_english(code, romanian, english):
    with translation.override("ro"):
        assert countries.name(code) == romanian
    with translation.override("en"):
        assert countries.name(code) == english


def test_no_romanian_country_name_is_written_with_cedillas():
    with translation.override("ro"):
        cedillas = [name for _code, name in countries if re.search("[şţŞŢ]", name)]

    assert cedillas == []


def test_codes_stay_stored_and_filterable(visits):
    from site_s6.protocol.models import ProtocolVisitPage

    assert set(ProtocolVisitPage.objects.filter(country="IT").values_list("title", flat=True)) == {
        "Vizita IT"
    }
    assert visits["visits"]["HU"].country.code == "HU"


def test_romanian_pages_name_the_country_in_romanian(client, visits):
    for code, name in [("RO", "România"), ("IT", "Italia"), ("HU", "Ungaria")]:
        response = client.get(visits["visits"][code].url)
        assert response.status_code == 200
        assert name in response.content.decode()

    listing = client.get(visits["index"].url).content.decode()
    assert {"România", "Italia", "Ungaria", "Franța"} <= set(re.findall(r"\w+", listing))
    assert "Hungary" not in listing


@pytest.mark.parametrize("screen", ["add", "edit"])
def test_romanian_admin_offers_romanian_names_romania_first(client, visits, screen):
    client.force_login(EnglishSuperuserFactory(admin_language="ro"))
    from site_s6.protocol.models import ProtocolVisitPage

    url = (
        add_page_url(ProtocolVisitPage, visits["index"])
        if screen == "add"
        else edit_page_url(visits["visits"]["HU"])
    )
    html = client.get(url).content.decode()

    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r'<option value="(\w*)"[^>]*>([^<]*)</option>', select)
    assert options[0] == ("RO", "România")
    assert {("IT", "Italia"), ("HU", "Ungaria"), ("FR", "Franța")} <= set(options)
    assert not {"Italy", "Hungary", "Romania"} & {name for _code, name in options}
