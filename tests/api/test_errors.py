"""Bad input gets a 4xx problem-details JSON body that says what is wrong, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def assert_problem(response, status, *words):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail"}
    assert body["status"] == status
    assert body["title"]
    for word in words:
        assert word in body["detail"]
    return body


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v3/news/?limit=abc", "limit"),
        ("/api/v3/news/?limit=0", "limit"),
        ("/api/v3/news/?limit=101", "limit"),
        ("/api/v3/news/?offset=-1", "offset"),
        ("/api/v3/news/?kind=rumour", "kind"),
        ("/api/v3/news/?published_after=2025-13-45", "published_after"),
        ("/api/v3/news/?published_before=yesterday", "published_before"),
        ("/api/v3/news/?search=a%00b", "search"),
        ("/api/v3/news/?tag=a%00b", "tag"),
        ("/api/v3/events/?starts_after=notadate", "starts_after"),
        ("/api/v3/events/?starts_before=1714550400", "starts_before"),
        ("/api/v3/events/?upcoming=maybe", "upcoming"),
        ("/api/v3/events/?status=over", "status"),
        ("/api/v3/events/?event_type=party", "event_type"),
        ("/api/v3/campaigns/?status=paused", "status"),
        ("/api/v3/campaigns/?active_on=2025-05-01T10:00", "active_on"),
        ("/api/v3/protocol-visits/?country=XX", "country"),
        ("/api/v3/protocol-visits/?visited_after=soon", "visited_after"),
        ("/api/v3/site-config/?site=a%00b", "site"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client, tree, url, parameter):
    body = assert_problem(client.get(url), 422, parameter)

    assert any(
        error["loc"][-1] == parameter or parameter in error["loc"] for error in body["errors"]
    )


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/news/",
        "/api/v3/events/",
        "/api/v3/campaigns/",
        "/api/v3/protocol-visits/",
        "/api/v3/site-config/",
    ],
)
def test_unknown_site_and_locale_are_400_with_a_message(client, tree, path):
    site = assert_problem(client.get(path, {"site": "nope.example"}), 400, "nope.example")
    locale = assert_problem(client.get(path, {"locale": "fr"}), 400, "'fr'", "ro, en")

    assert "primarie.test" in site["detail"]
    assert site["errors"][0]["loc"] == ["query", "site"]
    assert locale["errors"][0]["loc"] == ["query", "locale"]


def test_inactive_institution_site_is_unknown(client, tree):
    body = assert_problem(client.get("/api/v3/news/", {"site": "adp.test"}), 400, "adp.test")

    assert "adp.test" not in body["detail"].split("Known sites:")[1]


@pytest.mark.parametrize(
    "path", ["/api/v3/news/", "/api/v3/events/", "/api/v3/campaigns/", "/api/v3/protocol-visits/"]
)
def test_missing_detail_is_404(client, tree, path):
    assert_problem(client.get(f"{path}999999/"), 404, "999999")
    assert_problem(client.get(f"{path}1/", {"site": "nope.example"}), 400, "nope.example")


def test_no_site_at_all_is_404_not_500(client, db):
    from wagtail.models import Site

    Site.objects.all().delete()

    assert_problem(client.get("/api/v3/news/"), 404, "No site")


@pytest.mark.parametrize(
    "path",
    ["/api/v3/documents/", "/api/v3/images/", "/api/v3/news/", "/api/v2/pages/"],
)
def test_pagination_past_a_database_integer_is_a_client_error(client, path):
    response = client.get(path, {"offset": "67875515549387857920"})

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert "offset" in response.json()["detail"]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("published_after", "0001-01-01"),
        ("published_after", "0001-01-01T00:00:00+05:00"),
        ("published_before", "9999-12-31"),
        ("published_before", "9999-12-31T23:59:59-05:00"),
        ("published_after", "1899-12-31T23:59:59"),
        ("starts_after", "2201-01-01"),
        ("starts_before", "0001-01-01T00:00:00+05:00"),
        ("active_on", "9999-12-31"),
        ("visited_after", "0001-01-01"),
        ("visited_before", "1899-12-31"),
    ],
)
def test_dates_outside_the_years_1900_to_2200_are_422_naming_the_parameter(
    client, tree, parameter, value
):
    path = {
        "published_after": "/api/v3/news/",
        "published_before": "/api/v3/news/",
        "starts_after": "/api/v3/events/",
        "starts_before": "/api/v3/events/",
        "active_on": "/api/v3/campaigns/",
        "visited_after": "/api/v3/protocol-visits/",
        "visited_before": "/api/v3/protocol-visits/",
    }[parameter]

    body = assert_problem(client.get(path, {parameter: value}), 422, parameter, "1900", "2200")

    assert body["errors"][0]["loc"][-1] == parameter


@pytest.mark.parametrize(
    ("path", "parameter", "value"),
    [
        ("/api/v3/news/", "published_after", "1900-01-01T00:00:00+14:00"),
        ("/api/v3/news/", "published_before", "2200-12-31T23:59:59-12:00"),
        ("/api/v3/events/", "starts_before", "2200-12-31"),
        ("/api/v3/campaigns/", "active_on", "1900-01-01"),
        ("/api/v3/protocol-visits/", "visited_before", "2200-12-31"),
    ],
)
def test_the_first_and_last_days_of_the_range_are_answered(client, tree, path, parameter, value):
    assert client.get(path, {parameter: value}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/api/v3/pages/find/?html_path=/", "/api/v3/pages/", "/api/v3/news/", "/api/v2/pages/"]
)
@pytest.mark.parametrize(
    "site", ["primarie.test:abc", "primarie.test:", "primarie.test:99999999999"]
)
def test_a_site_port_that_is_not_a_port_is_422(client, tree, path, site):
    separator = "&" if "?" in path else "?"
    body = assert_problem(client.get(f"{path}{separator}site={site}"), 422, "site", "65535")

    assert body["errors"][0]["loc"] == ["query", "site"]


def test_a_site_with_its_port_is_still_found(client, tree):
    response = client.get("/api/v3/news/", {"site": "primarie.test:80"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v3/pages/find/?html_path=/a%00b/", "html_path"),
        ("/api/v3/pages/find/?html_path=/&site=primarie.test%00", "site"),
        ("/api/v3/pages/?site=%00", "site"),
        ("/api/v3/pages/?slug=a%00b", "slug"),
        ("/api/v2/pages/?title=a%00b", "title"),
        ("/api/v2/pages/find/?html_path=%00", "html_path"),
        ("/api/v2/pages/?search=a%00b", "search"),
        ("/api/v3/pages/?search=%00", "search"),
    ],
)
def test_a_nul_character_in_any_parameter_of_wagtails_endpoints_is_422(
    client, tree, path, parameter
):
    body = assert_problem(client.get(path), 422, parameter, "NUL")

    assert body["errors"][0]["loc"] == ["query", parameter]
