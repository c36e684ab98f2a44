"""Contract tests of /api/v3/campaigns/: derived status, active_on, detail."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import publish, titles
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/campaigns/"


def test_status_is_derived_unless_overridden(client, tree):
    body = client.get(URL).json()

    status = {item["title"]: item["status"] for item in body["items"]}
    assert status == {
        "Campanie planificată": "planned",
        "Campanie activă": "active",
        "Campanie încheiată": "ended",
        "Campanie oprită": "ended",
    }
    assert body["items"][0]["type"] == "campaigns.CampaignPage"


def test_status_filter_matches_the_model(client, tree):
    assert titles(client.get(URL, {"status": "planned"})) == ["Campanie planificată"]
    assert titles(client.get(URL, {"status": "active"})) == ["Campanie activă"]
    assert sorted(titles(client.get(URL, {"status": "ended"}))) == [
        "Campanie oprită",
        "Campanie încheiată",
    ]
    for status in ("planned", "active", "ended"):
        for item in client.get(URL, {"status": status}).json()["items"]:
            assert tree_page(tree, item["id"]).status == status


def tree_page(tree, pk):
    return next(page for page in tree.values() if getattr(page, "pk", None) == pk)


def test_active_on(client, tree):
    today = timezone.localdate()
    in_two_weeks = (today + datetime.timedelta(days=14)).isoformat()
    long_ago = (today - datetime.timedelta(days=45)).isoformat()

    assert sorted(titles(client.get(URL, {"active_on": in_two_weeks}))) == [
        "Campanie activă",
        "Campanie oprită",
        "Campanie planificată",
    ]
    assert titles(client.get(URL, {"active_on": long_ago})) == ["Campanie încheiată"]


def test_detail_lists_only_live_related_pages(client, tree):
    campaign = tree["active"]
    news = NewsPageFactory(
        parent=tree["main"]["news_index"], title="Despre campanie", related_campaign=campaign
    )
    publish(news)
    NewsPageFactory(
        parent=tree["main"]["news_index"],
        title="Ciornă despre campanie",
        related_campaign=campaign,
        live=False,
    )

    body = client.get(f"{URL}{campaign.pk}/").json()

    assert body["status"] == "active"
    assert body["key_messages"] == []
    assert body["materials"] == []
    assert body["related_pages"] == [
        {
            "id": news.pk,
            "type": "news.NewsPage",
            "title": "Despre campanie",
            "url": "http://primarie.test/stiri/despre-campanie/",
        }
    ]
