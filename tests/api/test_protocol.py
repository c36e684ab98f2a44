"""Contract tests of /api/v3/protocol-visits/: country and visit dates."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.api.conftest import titles, translate

pytestmark = pytest.mark.django_db

URL = "/api/v3/protocol-visits/"


def test_latest_first_with_visit_fields(client, tree):
    body = client.get(URL).json()

    assert [item["title"] for item in body["items"]] == ["Vizita Cluj", "Vizita Paris"]
    paris = body["items"][1]
    assert paris["type"] == "protocol.ProtocolVisitPage"
    assert paris["country"] == "FR"
    # Named in the visit's language, not in the language the client's headers ask for.
    assert paris["country_name"] == "Franța"
    assert paris["scope"] == "foreign"
    assert paris["delegation_name"] == "Primăria Paris"


def test_country_is_named_in_the_visits_language(client, tree):
    translate(tree["french"], Locale.objects.get(language_code="en"), title="Paris visit")

    english = client.get(URL, {"locale": "en"}, HTTP_ACCEPT_LANGUAGE="ro").json()["items"]
    romanian = client.get(URL, {"locale": "ro"}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]

    def named(items):
        return [(item["title"], item["country_name"]) for item in items]

    assert named(english) == [("Paris visit", "France")]
    assert ("Vizita Paris", "Franța") in named(romanian)


def test_country_is_case_insensitive(client, tree):
    assert titles(client.get(URL, {"country": "FR"})) == ["Vizita Paris"]
    assert titles(client.get(URL, {"country": "ro"})) == ["Vizita Cluj"]
    assert titles(client.get(URL, {"country": "DE"})) == []


def test_visited_after_and_before(client, tree):
    month_ago = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()

    assert titles(client.get(URL, {"visited_after": month_ago})) == ["Vizita Cluj"]
    assert titles(client.get(URL, {"visited_before": month_ago})) == ["Vizita Paris"]


def test_detail(client, tree):
    visit = tree["french"]
    visit.members.create(name="Secretar", role="Secretar general", precedence=2)
    visit.members.create(name="Primar", role="Primar", precedence=1)
    visit.hosts = "Primarul Sectorului 6\n\nViceprimarul"
    visit.summary = "<p>O vizită <b>oficială</b>.</p>"
    visit.save_revision().publish()

    body = client.get(f"{URL}{visit.pk}/").json()

    assert [m["name"] for m in body["members"]] == ["Primar", "Secretar"]
    assert body["hosts"] == ["Primarul Sectorului 6", "Viceprimarul"]
    assert body["summary"] == "<p>O vizită <b>oficială</b>.</p>"
    assert body["agenda"] == []
    assert body["photos"] == []
