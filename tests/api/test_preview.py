"""Headless preview: a signed token bound to one revision, expiring, answered in the
detail shape; an expired, forged or foreign token is a 4xx."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing

from site_s6.api.preview import SALT, headless_preview_url, make_preview_token
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v3/preview/"


def draft_of(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision()


def test_preview_shows_the_draft_in_the_detail_shape(client, tree):
    press = tree["press"]
    revision = draft_of(press, title="Titlu în lucru", lead="Text nepublicat.")

    response = client.get(URL, {"token": make_preview_token(revision)})

    body = response.json()
    assert response.status_code == 200
    assert body["id"] == press.pk
    assert body["type"] == "news.NewsPage"
    assert body["title"] == "Titlu în lucru"
    assert body["lead"] == "Text nepublicat."
    assert body["tags"] == ["transport"]
    assert body["site"] == "primarie.test"
    assert "body" in body and "gallery" in body
    assert "no-store" in response["Cache-Control"]
    live = client.get(f"/api/v3/news/{press.pk}/").json()
    assert live["title"] == "Comunicat transport"


def test_preview_of_a_page_never_published(client, tree):
    event = EventPageFactory(parent=tree["dgaspc"]["event_index"], title="Nou", live=False)
    revision = draft_of(event, title="Eveniment în pregătire")

    body = client.get(URL, {"token": make_preview_token(revision)}).json()

    assert body["type"] == "events.EventPage"
    assert body["title"] == "Eveniment în pregătire"
    assert body["site"] == "dgaspc.test"
    assert client.get(f"/api/v3/events/{event.pk}/?site=dgaspc.test").status_code == 404


def test_a_token_is_bound_to_its_revision(client, tree):
    campaign = tree["active"]
    first = draft_of(campaign, title="Prima ciornă")
    token = make_preview_token(first)
    draft_of(campaign, title="A doua ciornă")

    assert client.get(URL, {"token": token}).json()["title"] == "Prima ciornă"


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_expired_token_is_403(client, tree, monkeypatch):
    revision = draft_of(tree["french"], title="Vizită")
    an_hour_and_more_ago = time.time() - 3601
    monkeypatch.setattr(signing.time, "time", lambda: an_hour_and_more_ago)
    token = make_preview_token(revision)
    monkeypatch.undo()

    response = client.get(URL, {"token": token})

    assert_problem(response, 403)
    assert "expired" in response.json()["detail"]


def test_forged_and_foreign_tokens_are_403(client, tree, settings):
    revision = draft_of(tree["press"], title="Ciornă")
    token = make_preview_token(revision)
    payload = {"revision": revision.pk, "page": str(tree["press"].pk)}
    other_salt = signing.dumps(payload, salt="another.purpose")
    settings.SECRET_KEY = "another-installation"
    other_key = signing.dumps(payload, salt=SALT)
    settings.SECRET_KEY = "test-only-key"

    assert_problem(client.get(URL, {"token": token[:-2] + "xx"}), 403)
    assert_problem(client.get(URL, {"token": other_salt}), 403)
    assert_problem(client.get(URL, {"token": other_key}), 403)
    assert_problem(client.get(URL, {"token": "nonsense"}), 403)
    assert client.get(URL, {"token": token}).status_code == 200


def signed_at(moment: float, monkeypatch, payload, salt=SALT) -> str:
    monkeypatch.setattr(signing.time, "time", lambda: moment)
    token = signing.dumps(payload, salt=salt)
    monkeypatch.undo()
    return token


def test_token_dated_in_the_future_is_403(client, tree, monkeypatch):
    revision = draft_of(tree["press"], title="Ciornă")
    payload = {"revision": revision.pk, "page": str(tree["press"].pk)}
    tomorrow = signed_at(time.time() + 86_400, monkeypatch, payload)
    within_skew = signed_at(time.time() + 30, monkeypatch, payload)

    response = client.get(URL, {"token": tomorrow})

    assert_problem(response, 403)
    assert "future" in response.json()["detail"]
    assert client.get(URL, {"token": within_skew}).status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2],
        "revision",
        {},
        {"revision": "1", "page": "1"},
        {"revision": True, "page": "1"},
        {"revision": 1, "page": 1},
        {"revision": 1, "page": "abc"},
        {"revision": 1, "page": "١"},
        {"revision": 10**30, "page": "1"},
        {"revision": 1, "page": "9" * 30},
        {"revision": -1, "page": "1"},
    ],
)
def test_signed_but_malformed_payload_is_400(client, db, payload):
    response = client.get(URL, {"token": signing.dumps(payload, salt=SALT)})

    assert_problem(response, 400)
    assert "malformed" in response.json()["detail"]


@pytest.mark.parametrize("value", ["not base64 at all!", ".eJzLSM3JyQcABiwCFQ", "bm90IGpzb24"])
def test_signed_value_that_is_not_a_payload_is_400(client, db, value):
    token = signing.TimestampSigner(salt=SALT).sign(value)

    assert_problem(client.get(URL, {"token": token}), 400)


def test_missing_token_is_422_and_other_page_types_404(client, tree):
    home = tree["main"]["home"]

    assert_problem(client.get(URL), 422)
    assert_problem(client.get(URL, {"token": make_preview_token(draft_of(home))}), 404)


def test_headless_preview_url(tree):
    press = tree["press"]
    revision = draft_of(press, title="Ciornă")

    url = headless_preview_url(press, revision, "https://www.primarie6.example/")

    assert url.startswith("https://www.primarie6.example/preview/?preview_token=")
    assert url.endswith(f"&id={press.pk}")


def admin_preview(client, page, revision):
    return client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")


def test_admin_preview_sends_the_editor_to_the_headless_front_end(admin_client, tree):
    from site_s6.core.models import FrontendSettings

    press = tree["press"]
    settings_ = FrontendSettings.for_site(press.get_site())
    settings_.frontend_url = "https://www.primarie6.example"
    settings_.save()
    revision = draft_of(press, title="Ciornă pentru front end")

    response = admin_preview(admin_client, press, revision)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'http-equiv="refresh"' in html
    link = html.split('<a href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert link.startswith("https://www.primarie6.example/preview/?preview_token=")
    token = parse_qs(urlsplit(link).query)["preview_token"][0]
    body = admin_client.get(URL, {"token": token}).json()
    assert body["id"] == press.pk
    assert body["title"] == "Ciornă pentru front end"


def test_admin_preview_without_a_front_end_renders_the_template(admin_client, tree):
    press = tree["press"]
    revision = draft_of(press, title="Ciornă pe site")

    response = admin_preview(admin_client, press, revision)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ciornă pe site" in html
    assert "preview_token" not in html
