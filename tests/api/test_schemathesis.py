"""Property-based tests of every GET operation of ``/api/v3/openapi.json``.

Schemathesis generates requests from the OpenAPI document and calls the WSGI app on the
small tree of ``conftest.py`` (built once for the module): no answer may be a server
error, and every answer must conform to the schema documented for its operation and
status.

The project's own endpoints (news, events, campaigns, protocol visits, site
configuration, preview) are fuzzed in earnest. Wagtail's own (pages, sites, images,
documents, redirects, schema, whoami) are Wagtail's to fuzz; here they get a smoke set,
a few generated requests each, enough to catch a project hook or serializer that breaks
them.

The document is the one ``/api/v3/openapi.json`` serves (``site_s6.api.openapi``, see
``test_openapi.py``), built without a request so that loading it needs no database at
collection. Every GET operation in it can be generated: the operations no value of a
parameter could reach are left out of the document itself.
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

from site_s6.api.openapi import openapi_document

CHECKS = [not_a_server_error, response_schema_conformance]
OWN_ENDPOINTS = r"^/api/v3/(news|events|campaigns|protocol-visits|site-config|preview)/"

document = json.loads(json.dumps(openapi_document(path_prefix="/api/v3/"), cls=DjangoJSONEncoder))
loaded = schemathesis.openapi.from_dict(document)
# Two criteria of one ``include`` must both hold; two ``include`` calls are alternatives.
own_schema = loaded.include(method="GET", path_regex=OWN_ENDPOINTS)
wagtail_schema = loaded.include(method="GET").exclude(path_regex=OWN_ENDPOINTS)


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


SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@own_schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=SUPPRESSED)
def test_own_get_operations(case, wsgi_app):
    case.call_and_validate(app=wsgi_app, checks=CHECKS)


@wagtail_schema.parametrize()
@settings(max_examples=4, deadline=None, suppress_health_check=SUPPRESSED)
def test_wagtail_get_operations_smoke(case, wsgi_app):
    case.call_and_validate(app=wsgi_app, checks=CHECKS)
