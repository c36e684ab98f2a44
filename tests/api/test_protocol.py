"""Contract tests of /api/v3/protocol-visits/: country and visit dates."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import titles

pytestmark = pytest.mark.django_db

URL = "/api/v3/protocol-visits/"


def test_latest_first_with_visit_fields(client, tree):
    body = client.get(URL).json()

    assert [item["title"] for item in body["items"]] == ["Vizita Cluj", "Vizita Paris"]
    paris = body["items"][1]
    assert paris["type"] == "protocol.ProtocolVisitPage"
    assert paris["country"] == "FR"
    assert paris["country_name"] == "France"
    assert paris["scope"] == "foreign"
    assert paris["delegation_name"] == "Primăria Paris"


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
