"""Browsers on the configured front-end origins may call the API; others may not."""

import pytest

pytestmark = pytest.mark.django_db

FRONT = "https://www.primarie6.example"


@pytest.fixture
def cors(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT]


def test_configured_origin_may_read_the_api(client, tree, cors):
    response = client.get("/api/v3/news/", HTTP_ORIGIN=FRONT)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


def test_preflight_from_the_configured_origin(client, tree, cors):
    response = client.options(
        "/api/v3/events/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT
    assert "if-none-match" in response["Access-Control-Allow-Headers"].lower()


def test_other_origins_and_public_pages_get_no_cors_header(client, tree, cors):
    other = client.get("/api/v3/news/", HTTP_ORIGIN="https://evil.example")
    page = client.get("/", HTTP_ORIGIN=FRONT, HTTP_HOST="primarie.test")

    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in page
