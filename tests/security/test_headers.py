"""Headers and limits: the Content-Security-Policy of the sites, the admin and the API
docs; the docs behind S6_API_DOCS; request bodies refused before they are read."""

import re

import pytest
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.urls import reverse

from site_s6.security.middleware import ContentSecurityPolicyMiddleware, RequestBodyLimitMiddleware

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_pages_enforce_the_policy_and_the_brand_style_carries_its_nonce(client, site_tree):
    response = client.get("/")

    assert response.status_code == 200
    policy = directives(response[CSP])
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
    assert policy["object-src"] == ["'none'"]
    [nonce] = re.findall(r'<style nonce="([^"]+)">', response.content.decode())
    assert f"'nonce-{nonce}'" in policy["style-src"]
    html = response.content.decode()
    assert "<script>" not in html and "style=" not in html
    assert CSP_REPORT_ONLY not in response


def test_the_admin_reports_without_enforcing(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert CSP not in response
    assert directives(response[CSP_REPORT_ONLY])["script-src"][0] == "'self'"


def both_policies(middleware_class, request) -> dict[str, str]:
    response = middleware_class(lambda request: HttpResponse("{}"))(request)
    return {header: response.get(header) for header in (CSP, CSP_REPORT_ONLY)}


def test_a_response_without_a_nonce_gets_the_policies_django_csp_builds(rf, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    for path in ("/api/v3/news/?limit=20", "/stiri/"):
        ours = both_policies(ContentSecurityPolicyMiddleware, rf.get(path))

        assert ours == both_policies(CSPMiddleware, rf.get(path))
        assert ours[CSP] and ours[CSP_REPORT_ONLY] == "default-src 'none'"

    # Built once, and again when the settings change.
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    assert both_policies(ContentSecurityPolicyMiddleware, rf.get("/"))[CSP] == "default-src 'self'"


def test_media_from_another_origin_are_allowed_as_images(client, site_tree, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": ["'self'", "https://media.primarie6.example"],
        }
    }

    policy = directives(client.get("/")[CSP])

    assert "https://media.primarie6.example" in policy["img-src"]


def test_api_docs_work_under_the_policy(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    assert "'self'" in directives(response[CSP])["script-src"]
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts
    for attributes in scripts:
        # Every script is a static file of this site, or data that is never executed.
        assert 'src="/static/' in attributes or 'type="application/json"' in attributes
    for stylesheet in re.findall(r'<link[^>]+rel="stylesheet"[^>]*>', html):
        assert 'href="/static/' in stylesheet


def test_api_docs_only_when_the_setting_says_so(client, settings):
    settings.S6_API_DOCS = False

    assert client.get("/api/v3/docs/").status_code == 404
    assert client.get("/api/v3/openapi.json").status_code == 200


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_60_mb_body_is_refused_with_413_before_it_is_read(rf, settings):
    request = rf.post("/admin/images/multiple/add/", CONTENT_LENGTH=str(60 * 1024 * 1024))
    request.META["wsgi.input"] = UnreadableBody()
    middleware = RequestBodyLimitMiddleware(lambda request: HttpResponse(request.body))

    response = middleware(request)

    assert response.status_code == 413
    assert settings.S6_REQUEST_BODY_MAX_SIZE < 60 * 1024 * 1024
    assert str(settings.S6_REQUEST_BODY_MAX_SIZE // (1024 * 1024)) in response.content.decode()


def test_the_limit_is_above_the_largest_upload(settings):
    largest = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)

    assert largest < settings.S6_REQUEST_BODY_MAX_SIZE
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < settings.S6_REQUEST_BODY_MAX_SIZE


def test_the_whole_stack_refuses_a_large_upload_to_the_admin(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"title": "x"}, CONTENT_LENGTH=str(60 * 1024**2)
    )

    assert response.status_code == 413


def test_a_body_within_the_limit_passes(rf):
    request = rf.post("/", {"title": "afiș"})
    middleware = RequestBodyLimitMiddleware(lambda request: HttpResponse(request.POST["title"]))

    response = middleware(request)

    assert response.status_code == 200
    assert response.content.decode() == "afiș"
