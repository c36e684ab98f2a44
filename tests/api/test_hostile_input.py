"""No input gets a server error: arbitrary text at every search and filter parameter.

Hypothesis throws text at each parameter of the API (every GET operation of the v3 OpenAPI
document, Wagtail's v2 pages endpoint) and of the public sites (search, listing filters,
feeds, calendar files): NUL bytes, every Unicode category but lone surrogates, search
operators of SQL and PostgreSQL's ``tsquery`` (``' " & | ! : * ( ) <-> \\``), only
spaces, a thousand words, 100,000 characters, numbers past 64 bits, dates at and past the
edges of the calendar with extreme offsets. Bad input may be refused (4xx) or ignored;
it may never answer 5xx. The tree is built once for the module; run it on PostgreSQL too,
where NUL bytes and ``tsquery`` syntax bite.
"""

import datetime
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.api.v3.api import api
from wagtail.models import Locale, Site

from subsites.models import Institution
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
    make_site,
)

pytestmark = pytest.mark.django_db

OPERATORS = [
    "'", '"', "&", "|", "!", ":", "*", "(", ")", "<->", "<2>", "\\", "-", "+", "~", "^",
    "%", "_", "@@", ";", "--", "/*", "*/", "OR", "AND", "NOT", "or", "\x00", "\t", "\n",
]  # fmt: skip
WORDS = ["parc", "Știri", "buget", "Sector 6", "🎉", "\u200fمرحبا", "NULL", "1=1", "' OR '1'='1"]
FAR_OFFSETS = [
    None,
    datetime.UTC,
    datetime.timezone(datetime.timedelta(hours=23, minutes=59)),
    datetime.timezone(-datetime.timedelta(hours=23, minutes=59)),
]

# Text of every kind a client can send in a query string (lone surrogates cannot be encoded).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
HOSTILE = st.one_of(
    ANY_TEXT,
    st.lists(st.sampled_from(OPERATORS + WORDS), max_size=30).map("".join),
    st.lists(st.sampled_from(OPERATORS + WORDS), max_size=30).map(" ".join),
    st.integers(min_value=1, max_value=2000).map(lambda n: " " * n),
    st.sampled_from(
        [
            "",
            " ".join(["cuvânt"] * 1000),
            "x" * 100_000,
            "\x00",
            "a\x00b",
            "&" * 500,
            "!" * 200 + "parc",
            "(" * 300,
        ]
    ),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.dates().map(datetime.date.isoformat),
    st.datetimes(timezones=st.sampled_from(FAR_OFFSETS)).map(datetime.datetime.isoformat),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "9999-12-31"]),
)
# A parameter sent once, or repeated (``?tag=a&tag=b``).
VALUES = st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3))
# What people and scripts type into a search box, operators and all.
SEARCH_TEXT = st.one_of(
    HOSTILE,
    st.lists(st.sampled_from(OPERATORS + WORDS), min_size=1, max_size=12).map(" ".join),
    st.lists(st.sampled_from(OPERATORS + WORDS), min_size=1, max_size=12).map("".join),
    st.text(st.sampled_from("".join(OPERATORS) + "parc Ș 6"), min_size=1, max_size=30),
)
PATH_IDS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["0", "2147483648", "9223372036854775808", "1e9", "x", "%00"]),
)

HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def _v3_operations() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """``(path, path parameters, query parameters)`` of every GET operation of v3."""
    document = json.loads(
        json.dumps(api.get_openapi_schema(path_prefix="/api/v3/"), cls=DjangoJSONEncoder)
    )
    operations = []
    for path, methods in sorted(document["paths"].items()):
        if "get" not in methods:
            continue
        parameters = methods["get"].get("parameters", [])
        operations.append(
            (
                path,
                tuple(p["name"] for p in parameters if p["in"] == "path"),
                tuple(p["name"] for p in parameters if p["in"] == "query"),
            )
        )
    return operations


V3_OPERATIONS = _v3_operations()
V2_PAGE_PARAMETERS = (
    "search",
    "search_operator",
    "type",
    "fields",
    "order",
    "limit",
    "offset",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "slug",
    "title",
    "id",
    "has_children",
    "show_in_menus",
    "site",
)
V2_OPERATIONS = [
    ("/api/v2/pages/", V2_PAGE_PARAMETERS),
    ("/api/v2/pages/find/", ("html_path", "site", "type", "fields")),
]


@pytest.fixture(scope="module")
def sites(django_db_setup, django_db_blocker):
    """The city hall's site with a page of every type, and the public addresses to probe."""
    with django_db_blocker.unblock(), transaction.atomic():
        for code in ("ro", "en"):
            Locale.objects.get_or_create(language_code=code)
        Site.objects.all().delete()
        tree = make_site("primarie.test", default=True)
        Institution.objects.create(
            name="Primăria Sectorului 6",
            short_name="Primăria",
            slug="primarie",
            kind=Institution.Kind.CITY_HALL,
            site=Site.objects.get(hostname="primarie.test"),
        )
        now = timezone.now()
        news = NewsPageFactory(parent=tree["news_index"], title="Parcul se redeschide")
        news.tags.add("parcuri")
        news.save_revision().publish()
        event = EventPageFactory(
            parent=tree["event_index"],
            title="Conferință despre buget",
            start=now + datetime.timedelta(days=2),
        )
        CampaignPageFactory(parent=tree["campaign_index"], title="Sector 6 curat")
        ProtocolVisitPageFactory(
            parent=tree["protocol_index"], title="Vizita Lyon", delegation_name="Lyon"
        )
        public = {
            "search": ("/search/", ("q", "page")),
            "search in English": ("/en/search/", ("q", "page")),
            "news index": (tree["news_index"].url, ("kind", "tag", "page")),
            "event index": (tree["event_index"].url, ("when", "type", "page")),
            "campaign index": (tree["campaign_index"].url, ("status", "page")),
            "protocol index": (tree["protocol_index"].url, ("scope", "page")),
            "news feed": ("/feeds/news.xml", ("q",)),
            "calendar": ("/feeds/events.ics", ("q",)),
            "home": ("/", ("q",)),
            "news page": (news.url, ("q",)),
            "event file": (f"/events/{event.pk}.ics", ("q",)),
        }
        yield {"public": public, "news": news.pk, "event": event.pk}
        transaction.set_rollback(True)


def assert_no_server_error(path: str, params: dict):
    # The request is named in the failure, so that a failing input can be replayed.
    request = f"{path} {params!r}"[:400]
    try:
        response = Client().get(path, params, HTTP_HOST="primarie.test")
    except Exception as error:
        raise AssertionError(f"{request} raised {error!r}"[:600]) from error
    assert response.status_code < 500, f"{request} answered {response.status_code}"


def _draw_params(data, names: tuple[str, ...]) -> dict:
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    return {name: data.draw(VALUES, label=name) for name in chosen}


SEARCHES = [
    *(
        (path, "search")
        for path, path_parameters, query in V3_OPERATIONS
        if "search" in query and not path_parameters
    ),
    ("/api/v2/pages/", "search"),
    ("/search/", "q"),
    ("/en/search/", "q"),
]


@pytest.mark.parametrize(("path", "parameter"), SEARCHES, ids=[path for path, _ in SEARCHES])
@settings(HYPOTHESIS, max_examples=50)
@given(text=SEARCH_TEXT)
def test_every_search_answers_any_text_without_a_server_error(sites, path, parameter, text):
    assert_no_server_error(path, {parameter: text})


@pytest.mark.parametrize(
    ("path", "path_parameters", "query_parameters"),
    V3_OPERATIONS,
    ids=[operation[0] for operation in V3_OPERATIONS],
)
@HYPOTHESIS
@given(data=st.data())
def test_api_v3_answers_any_parameter_without_a_server_error(
    sites, path, path_parameters, query_parameters, data
):
    for name in path_parameters:
        value = data.draw(PATH_IDS if name != "type" else ANY_TEXT.filter(str.strip), label=name)
        path = path.replace("{" + name + "}", value.replace("/", "%2F"))
    params = _draw_params(data, query_parameters) if query_parameters else {}

    assert_no_server_error(path, params)


@pytest.mark.parametrize(("path", "parameters"), V2_OPERATIONS, ids=[p for p, _ in V2_OPERATIONS])
@HYPOTHESIS
@given(data=st.data())
def test_api_v2_pages_answer_any_parameter_without_a_server_error(sites, path, parameters, data):
    assert_no_server_error(path, _draw_params(data, parameters))


@pytest.mark.parametrize(
    ("operator", "status"), [("0", 400), ("xor", 400), ("AND", 200), ("or", 200)]
)
def test_api_v2_search_operator_is_and_or_or(sites, operator, status):
    response = Client().get(
        "/api/v2/pages/",
        {"search": "cuvânt", "search_operator": operator},
        HTTP_HOST="primarie.test",
    )

    assert response.status_code == status
    if status == 400:
        assert response.json() == {"message": "search_operator must be 'and' or 'or'"}


PUBLIC_ADDRESSES = [
    "search",
    "search in English",
    "news index",
    "event index",
    "campaign index",
    "protocol index",
    "news feed",
    "calendar",
    "home",
    "news page",
    "event file",
]


@pytest.mark.parametrize("address", PUBLIC_ADDRESSES)
@HYPOTHESIS
@given(data=st.data())
def test_public_pages_answer_any_parameter_without_a_server_error(sites, address, data):
    path, parameters = sites["public"][address]

    assert_no_server_error(path, _draw_params(data, parameters))


@HYPOTHESIS
@given(page_id=PATH_IDS)
def test_calendar_files_answer_any_id_without_a_server_error(sites, page_id):
    assert_no_server_error(f"/events/{page_id}.ics", {})


# Inputs the outside review sent, kept as fixed cases next to the generated ones.
REVIEWED = [
    ("/api/v2/pages/", {"search": "\"'&|!:*()"}),
    ("/api/v2/pages/", {"search": "\x00"}),
    ("/api/v2/pages/", {"search": "   "}),
    ("/api/v2/pages/", {"search": " ".join(["parc"] * 1000)}),
    ("/api/v3/pages/", {"search": "a\x00b"}),
    ("/api/v3/pages/", {"search": "!parc & (buget | <-> :*"}),
    ("/api/v3/news/", {"search": "\"'&|!:*()<->\\"}),
    ("/api/v3/events/", {"search": "   "}),
    ("/api/v3/news/", {"published_after": "0001-01-01T00:00:00+05:00"}),
    ("/api/v3/events/", {"starts_before": "9999-12-31T23:59:59-05:00"}),
    ("/search/", {"q": "\x00"}),
    ("/search/", {"q": "\"'&|!:*()<->\\"}),
    ("/search/", {"q": " " * 50}),
    ("/search/", {"q": " ".join(["cuvânt"] * 1000)}),
    ("/events/99999999999999999999999.ics", {}),
]


@pytest.mark.parametrize(("path", "params"), REVIEWED)
def test_the_inputs_of_the_review_are_answered_without_a_server_error(sites, path, params):
    assert_no_server_error(path, params)
