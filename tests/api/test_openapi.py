"""The OpenAPI document of /api/v3/: version 3.1, every contract path, pinned by a snapshot.

The snapshot ``tests/api/snapshots/openapi.json`` makes every change of the contract a
visible diff (leaving out the titles and descriptions Wagtail derives from translated
model fields, which change with the Romanian catalogue, not with the contract). After
an intended change, regenerate it with::

    UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/api/test_openapi.py

and commit the new snapshot with the change (and a note in docs/api.md when a path or a
field changes meaning).
"""

import json
import os
from pathlib import Path

import pytest
from django.utils import translation
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"

CONTRACT = {
    "/api/v3/pages/": ["get"],
    "/api/v3/pages/find/": ["get"],
    "/api/v3/pages/{page_id}/": ["get"],
    "/api/v3/sites/": ["get"],
    "/api/v3/news/": ["get"],
    "/api/v3/news/{news_id}/": ["get"],
    "/api/v3/events/": ["get"],
    "/api/v3/events/{event_id}/": ["get"],
    "/api/v3/campaigns/": ["get"],
    "/api/v3/campaigns/{campaign_id}/": ["get"],
    "/api/v3/protocol-visits/": ["get"],
    "/api/v3/protocol-visits/{visit_id}/": ["get"],
    "/api/v3/site-config/": ["get"],
    "/api/v3/preview/": ["get"],
}

FILTERS = {
    "/api/v3/news/": {
        "site",
        "locale",
        "kind",
        "tag",
        "published_after",
        "published_before",
        "search",
        "limit",
        "offset",
    },
    "/api/v3/events/": {
        "site",
        "locale",
        "event_type",
        "status",
        "tag",
        "starts_after",
        "starts_before",
        "upcoming",
        "search",
        "limit",
        "offset",
    },
    "/api/v3/campaigns/": {"site", "locale", "status", "active_on", "search", "limit", "offset"},
    "/api/v3/protocol-visits/": {
        "site",
        "locale",
        "country",
        "visited_after",
        "visited_before",
        "search",
        "limit",
        "offset",
    },
    "/api/v3/site-config/": {"site", "locale"},
}


@pytest.fixture
def document(client):
    # English, whatever the default language, so that the snapshot does not depend on it.
    with translation.override("en"):
        response = client.get("/api/v3/openapi.json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.json()


def test_document_is_openapi_3_1_with_every_contract_path(document):
    assert document["openapi"].startswith("3.1.")
    assert document["info"]["title"]
    for path, methods in CONTRACT.items():
        assert path in document["paths"], path
        for method in methods:
            assert method in document["paths"][path], (path, method)


def test_document_validates_as_openapi(document):
    # Raises on the first error: a security scheme without its required fields, a bad
    # reference, a schema that is not JSON Schema...
    validate(document)


def test_anonymous_access_is_an_empty_security_requirement(document):
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
    news = document["paths"]["/api/v3/news/"]["get"]
    assert news["security"] == [{}]
    pages = document["paths"]["/api/v3/pages/"]["get"]
    assert pages["security"] == [{"BearerTokenAuth": []}, {}]


def test_every_path_parameter_accepts_some_value(document):
    # A parameter whose only accepted value is "" (Wagtail's snippet type when no served
    # snippet type supports the operation) leaves nothing to call or to generate.
    for path, item in document["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                assert schema.get("const") != "" and schema.get("enum") not in ([], [""]), (
                    method,
                    path,
                    parameter["name"],
                )
    served = document["paths"]["/api/v3/snippets/{type}/"]["get"]["parameters"][0]
    assert served["schema"]["const"] == "core.ContactPerson"
    assert "/api/v3/snippets/{type}/{pk}/revisions/" not in document["paths"]


@pytest.mark.parametrize("action", ["unpublish", "copy", "create_alias"])
def test_optional_action_bodies_name_their_schema(document, action):
    # An object default beside an allOf makes client generators skip the operation.
    operation = document["paths"][f"/api/v3/pages/{{page_id}}/actions/{action}/"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema) == {"$ref"}
    assert operation["requestBody"]["required"] is False


def test_typed_endpoints_take_exactly_the_contract_filters(document):
    for path, expected in FILTERS.items():
        parameters = document["paths"][path]["get"]["parameters"]
        assert {parameter["name"] for parameter in parameters} == expected, path


def test_every_filter_is_described_in_english_and_romanian(document):
    for path in FILTERS:
        for parameter in document["paths"][path]["get"]["parameters"]:
            description = parameter.get("description", "")
            english, _, romanian = description.partition(" / ")
            assert english and romanian, (path, parameter["name"], description)


def test_typed_responses_are_named_schemas(document):
    schemas = document["components"]["schemas"]
    for path in FILTERS:
        responses = document["paths"][path]["get"]["responses"]
        ok = responses["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, path
        for status in ("400", "404", "422"):
            assert responses[status]["content"]["application/json"]["schema"]["$ref"].endswith(
                "/ProblemDetail"
            )
    # No bare object where the shape is known: every typed schema names its properties.
    for name in (
        "NewsItem",
        "NewsDetail",
        "EventDetail",
        "CampaignDetail",
        "ProtocolVisitDetail",
        "SiteConfig",
        "Image",
        "Renditions",
    ):
        assert schemas[name]["type"] == "object" and schemas[name]["properties"], name
        for field, spec in schemas[name]["properties"].items():
            assert spec != {"type": "object"} and spec != {"additionalProperties": True}, field


def test_every_reference_resolves(document):
    schemas = document["components"]["schemas"]

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                assert ref.startswith("#/components/schemas/"), ref
                assert ref.rsplit("/", 1)[1] in schemas, ref
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)


def our_schema_names():
    """Names of the response schemas written in ``site_s6.api``, whose texts are literal."""
    from ninja import Schema

    from site_s6.api import errors, schemas

    names = {
        name
        for module in (schemas, errors)
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, Schema)
    }
    return names


def without_model_texts(node, keep=False):
    """``node`` without the titles and descriptions Wagtail derives from model fields.

    Those come from translated verbose names and help texts, fixed in the language active
    when Wagtail built its schemas; a catalogue update changes them without changing the
    contract. Paths, parameters, field names, types and our own texts stay pinned.
    """
    if isinstance(node, dict):
        return {
            key: without_model_texts(value, keep)
            for key, value in node.items()
            if keep or key not in ("title", "description")
        }
    if isinstance(node, list):
        return [without_model_texts(value, keep) for value in node]
    return node


def pinned(document):
    ours = our_schema_names()
    pinned = {key: value for key, value in document.items() if key != "components"}
    pinned["components"] = {
        **document["components"],
        "schemas": {
            name: without_model_texts(schema, keep=name in ours)
            for name, schema in document["components"]["schemas"].items()
        },
    }
    return pinned


def test_document_matches_the_snapshot(document):
    current = json.dumps(pinned(document), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.exists(), "no snapshot: run with UPDATE_SNAPSHOTS=1 and commit it"
    assert current == SNAPSHOT.read_text(encoding="utf-8"), (
        "The OpenAPI document changed; if intended, regenerate the snapshot "
        "(UPDATE_SNAPSHOTS=1) and commit it."
    )
