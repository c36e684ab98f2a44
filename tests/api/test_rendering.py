"""The typed endpoints answer without django-ninja re-validating their data
(``site_s6.api.rendering``): each answer must be exactly what the schema makes of it."""

import json
import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from ninja.renderers import JSONRenderer

from site_s6.api.rendering import _as_django_writes
from site_s6.api.schemas import (
    CampaignDetail,
    CampaignList,
    EventDetail,
    EventList,
    NewsDetail,
    NewsList,
    ProtocolVisitDetail,
    ProtocolVisitList,
)

pytestmark = pytest.mark.django_db


def as_the_schema_renders(schema, data):
    """``data`` validated by ``schema`` and rendered as django-ninja renders a response:
    fields the schema lacks dropped, missing ones filled, types coerced."""
    validated = schema.model_validate(data)
    return json.loads(JSONRenderer().render(None, validated.model_dump(), response_status=200))


def times_read(value):
    """``value`` with its date-times read: Django writes a time of fewer than 1,000
    microseconds as ``.000``, which reads back as a whole second, written without."""
    if isinstance(value, dict):
        return {key: times_read(item) for key, item in value.items()}
    if isinstance(value, list):
        return [times_read(item) for item in value]
    if isinstance(value, str) and DATE_TIME.fullmatch(value):
        return datetime.fromisoformat(value)
    return value


DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


LISTS = [
    ("/api/v3/news/?limit=100", NewsList),
    ("/api/v3/news/?search=transport", NewsList),
    ("/api/v3/news/?locale=en", NewsList),
    ("/api/v3/events/?limit=100", EventList),
    ("/api/v3/events/?upcoming=true", EventList),
    ("/api/v3/campaigns/?limit=100", CampaignList),
    ("/api/v3/protocol-visits/?limit=100", ProtocolVisitList),
]


@pytest.mark.parametrize(("url", "schema"), LISTS, ids=[url for url, _ in LISTS])
def test_every_list_answers_exactly_its_schema(client, tree, url, schema):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert body["items"], "the tree has items for every list"
    assert times_read(body) == times_read(as_the_schema_renders(schema, body))


DETAILS = [
    ("/api/v3/news/{}/", "press", NewsDetail),
    ("/api/v3/news/{}/", "shared", NewsDetail),
    ("/api/v3/events/{}/", "soon", EventDetail),
    ("/api/v3/campaigns/{}/", "active", CampaignDetail),
    ("/api/v3/protocol-visits/{}/", "french", ProtocolVisitDetail),
]


@pytest.mark.parametrize(("url", "page", "schema"), DETAILS, ids=[p for _, p, _ in DETAILS])
def test_every_detail_answers_exactly_its_schema(client, tree, url, page, schema):
    response = client.get(url.format(tree[page].pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert times_read(body) == times_read(as_the_schema_renders(schema, body))


def test_times_are_written_as_django_writes_them(client, tree):
    # To the millisecond, UTC as Z: the form the API has always answered.
    press = client.get(f"/api/v3/news/{tree['press'].pk}/").json()

    published = press["publication_date"]
    assert published.endswith("Z")
    assert len(published) in (len("2026-11-30T10:00:00Z"), len("2026-11-30T10:00:00.123Z"))


@pytest.mark.parametrize(
    "value",
    [
        datetime(2026, 11, 30, 10, 19, 0, 893123, tzinfo=UTC),
        datetime(2026, 11, 30, 10, 19, tzinfo=UTC),
        datetime(2026, 11, 30, 12, 19, 0, 5, tzinfo=ZoneInfo("Europe/Bucharest")),
        datetime(2026, 11, 30, 10, 19, 0, 120000),
        date(2026, 11, 30),
    ],
)
def test_each_time_is_written_in_djangos_form(value):
    assert _as_django_writes(value) == DjangoJSONEncoder().default(value)
