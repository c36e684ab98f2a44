"""Property-based tests of every GET operation of ``/api/v3/openapi.json``.

Schemathesis generates requests from the OpenAPI document and calls the WSGI app on the
small tree of ``conftest.py``: no answer may be a server error, and every answer must
conform to the schema documented for its operation and status.

The document is taken from the API object itself (the same one ``/api/v3/openapi.json``
serves, see ``test_openapi.py``), so that loading it needs no database at collection.
"""

import json

import pytest
import schemathesis
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.api.v3.api import api

CHECKS = [not_a_server_error, response_schema_conformance]

document = json.loads(
    json.dumps(api.get_openapi_schema(path_prefix="/api/v3/"), cls=DjangoJSONEncoder)
)
# Wagtail documents the snippet endpoints with a ``type`` that must equal "" when no snippet
# model is exposed through the API: no request can be generated for them.
schema = (
    schemathesis.openapi.from_dict(document)
    .include(method="GET")
    .exclude(path_regex=r"^/api/v3/snippets/")
)


@pytest.fixture
def wsgi_app(tree):
    # Django closes the database connection when a request finishes; inside a test's
    # transaction that would end the test. Django's test client unhooks that signal for
    # its requests, so the same is done for the requests schemathesis sends.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_get_operations(case, wsgi_app):
    case.call_and_validate(app=wsgi_app, checks=CHECKS)
