"""Nothing of the register of journalists' requests on any public surface or in the API.

The module registers requests with strings found nowhere else (the requester, outlet,
subject, topic, answer and refusal reason, a private attachment), then reads the public
surfaces of test_no_leaks (pages, forms, feeds, calendars, sitemap, search, both APIs)
and every live page of both sites, in both languages.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from site_s6.press.models import InformationRequest
from site_s6.press.services import request_change, request_register
from tests.conftest import for_test

from .conftest import build_press_world
from .test_no_leaks import HOSTS, public_paths

SECRETS = {
    "name": "Octavian Zvorbleac",
    "email": "octavian.zvorbleac@redactie.example",
    "outlet": "Cotidianul Zvorbleac",
    "subject": "Subiectul cererii zvorbleac",
    "topic": "Tema zvorbleac",
    "answer": "Răspunsul zvorbleac",
    "reason": "Motivul refuzului zvorbleac",
}


def build():
    world = build_press_world()
    main = world["institutions"]["main"]
    data = {
        "channel": "email",
        "requester_name": SECRETS["name"],
        "requester_email": SECRETS["email"],
        "requester_outlet": SECRETS["outlet"],
        "subject": SECRETS["subject"],
        "topic": SECRETS["topic"],
        "institution": world["institutions"]["dgaspc"],
        "attachment": SimpleUploadedFile("c.pdf", b"%PDF-1.4 zvorbleac", "application/pdf"),
    }
    answered = request_register(registry=main, data=data)
    request_change(answered, status="answered", answer=SECRETS["answer"])
    refused = request_register(registry=main, data={**data, "attachment": None})
    request_change(
        refused, status="refused", refusal_category="other", refusal_reason=SECRETS["reason"]
    )
    world["registration"] = answered.registration_number
    world["attachment"] = answered.attachment.name
    # test_no_leaks reads these keys of its own world.
    world["token"] = "zvorbleac-token-unused"
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8", "replace").lower()


def test_no_request_on_any_public_surface(client, world):
    needles = [needle.lower() for needle in (*SECRETS.values(), world["registration"])]
    paths = public_paths(world) + [
        (path.format(term=term), term)
        for term in ("zvorbleac", "Octavian")
        for path in ("/search/?q={term}", "/en/search/?q={term}", "/api/v3/news/?search={term}")
    ]
    read = 0
    for host in HOSTS:
        for path, term in paths:
            response = client.get(path, HTTP_HOST=host)
            if response.status_code != 200:
                assert response.status_code in (301, 302, 400, 404), (host, path)
                continue
            content = text(response)
            # A search page repeats what was asked: look for the record's other strings.
            for needle in needles:
                if term is None or term.lower() not in needle:
                    assert needle not in content, (host, path, needle)
            read += 1
    assert read >= 40


def test_no_request_on_any_live_page(client, world):
    needles = [needle.lower() for needle in SECRETS.values()]
    pages = 0
    for page in Page.objects.live().filter(depth__gt=1):
        parts = page.get_url_parts()
        if parts is None:
            continue
        _site_id, root_url, path = parts
        response = client.get(path, HTTP_HOST=root_url.split("://", 1)[1].split(":")[0])
        assert response.status_code == 200, path
        content = text(response)
        for needle in needles:
            assert needle not in content, (path, needle)
        pages += 1
    assert pages >= 10


def test_attachment_has_no_public_address(client, world):
    name = world["attachment"]
    assert name.startswith("press/requests/")
    for prefix in ("/media/", "/documents/", "/"):
        assert client.get(prefix + name, HTTP_HOST=HOSTS[0]).status_code == 404
    # Its only address is in the admin, behind the login.
    response = client.get("/admin/press/requests/1/attachment/", HTTP_HOST=HOSTS[0])
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_openapi_document_names_no_request(client, world):
    response = client.get("/api/v3/openapi.json", HTTP_HOST=HOSTS[0])
    assert response.status_code == 200
    content = text(response)
    for needle in ("informationrequest", "journalists-requests", "zvorbleac", "refusal"):
        assert needle not in content
    # An internal record by construction: no surface that lists pages can reach it.
    assert not issubclass(InformationRequest, Page)
