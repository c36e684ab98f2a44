"""No journalist, accreditation or subscriber data on any public surface.

The module files an accreditation (with a press card), a decision with a written reason,
and a confirmed subscriber, each with strings found nowhere else, then reads every public
surface of both sites in both languages: pages and the press room's forms, feeds,
calendars, the sitemap, search, and both APIs (lists, details, site config, search).
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from site_s6.press.models import AccreditationRequest, Subscriber
from site_s6.press.services import accreditation_decide, accreditation_submit
from tests.conftest import for_test

from .conftest import build_press_world

SECRETS = {
    "name": "Zenobia Qwerfeld",
    "outlet": "Gazeta Qwerfeld",
    "email": "zenobia.qwerfeld@gazeta.example",
    "phone": "0799 123 987",
    "role": "corespondentă qwerfeld",
    "reason": "Motivul scris qwerfeld",
    "badge": "BADGE-QWERFELD-7",
    "subscriber": "abonat.qwerfeld@redactie.example",
}
HOSTS = ["primarie6.localhost", "dgaspc6.localhost"]


def build():
    world = build_press_world()
    site = world["sites"]["main"]
    refused = accreditation_submit(
        site=site,
        data={
            "name": SECRETS["name"],
            "outlet": SECRETS["outlet"],
            "role": SECRETS["role"],
            "email": SECRETS["email"],
            "phone": SECRETS["phone"],
            "kind": "annual",
        },
        press_card=SimpleUploadedFile("card.pdf", b"%PDF-1.4 qwerfeld", "application/pdf"),
    )
    accreditation_decide(
        request_obj=refused,
        decision="refused",
        user=world["users"]["central"],
        reason=SECRETS["reason"],
    )
    approved = accreditation_submit(
        site=site,
        data={
            "name": SECRETS["name"] + " Doi",
            "outlet": SECRETS["outlet"],
            "role": SECRETS["role"],
            "email": "doi." + SECRETS["email"],
            "phone": SECRETS["phone"],
            "kind": "annual",
        },
    )
    accreditation_decide(
        request_obj=approved,
        decision="approved",
        user=world["users"]["central"],
        badge_number=SECRETS["badge"],
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    subscriber = Subscriber.objects.create(
        email=SECRETS["subscriber"],
        language="ro",
        kinds=["press_release"],
        site=site,
        confirmed_at=timezone.now(),
    )
    subscriber.sites.set([site])
    world["token"] = subscriber.token
    world["registration"] = refused.registration_number
    world["card_name"] = refused.press_card.name
    return world


@pytest.fixture(scope="module")
def shared_leak_world(module_db):
    return module_db(build)


@pytest.fixture
def leak_world(db, shared_leak_world):
    return for_test(shared_leak_world)


def public_paths(world) -> list[str]:
    paths = [
        "/",
        "/presa/",
        "/presa/acreditare/",
        "/presa/abonare/",
        "/en/",
        "/en/press/",
        "/en/press/accreditation/",
        "/en/press/subscribe/",
        "/feeds/news.xml",
        "/en/feeds/news.xml",
        "/feeds/events.ics",
        "/en/feeds/events.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=press.PressRoomPage&fields=*",
        "/api/v3/pages/?limit=100",
        "/api/v3/news/?limit=100",
        "/api/v3/events/?limit=100",
        "/api/v3/site-config/",
        "/api/v3/site-config/?locale=en",
    ]
    for room in world["rooms"].values():
        paths.append(f"/api/v2/pages/{room.pk}/")
        paths.append(f"/api/v3/pages/{room.pk}/")
    return [(path, None) for path in paths] + [
        (path.format(term=term), term)
        for term in ("qwerfeld", "Zenobia", "abonat", world["registration"])
        for path in (
            "/search/?q={term}",
            "/en/search/?q={term}",
            "/api/v3/news/?search={term}",
            "/api/v2/pages/?search={term}",
        )
    ]


def test_no_private_data_on_any_public_surface(client, leak_world):
    needles = [*SECRETS.values(), leak_world["token"], leak_world["registration"]]
    needles_lower = [needle.lower() for needle in needles]
    read = set()
    for host in HOSTS:
        for path, term in public_paths(leak_world):
            response = client.get(path, HTTP_HOST=host)
            if response.status_code != 200:
                assert response.status_code in (301, 302, 400, 404), (host, path)
                continue
            content = (
                (b"".join(response.streaming_content) if response.streaming else response.content)
                .decode("utf-8", "replace")
                .lower()
            )
            # A search page repeats what was asked: look for the record's other strings.
            for needle in needles_lower:
                if term is None or term.lower() not in needle:
                    assert needle not in content, (host, path, needle)
            read.add((host, path))
    # The surfaces were really read, not skipped as errors.
    for path in [
        "/presa/",
        "/en/press/",
        "/presa/acreditare/",
        "/en/press/subscribe/",
        "/feeds/news.xml",
        "/feeds/events.ics",
        "/sitemap.xml",
        "/api/v3/site-config/",
        "/api/v3/news/?limit=100",
        "/api/v2/pages/?limit=100",
        "/search/?q=qwerfeld",
        "/api/v3/news/?search=Zenobia",
    ]:
        assert ("primarie6.localhost", path) in read, path
    assert ("dgaspc6.localhost", "/presa/") in read


def test_no_private_data_on_any_live_page(client, leak_world):
    from wagtail.models import Page

    needles = [needle.lower() for needle in (*SECRETS.values(), leak_world["token"])]
    pages = 0
    for page in Page.objects.live().filter(depth__gt=1):
        parts = page.get_url_parts()
        if parts is None:
            continue
        _site_id, root_url, path = parts
        response = client.get(path, HTTP_HOST=root_url.split("://", 1)[1].split(":")[0])
        assert response.status_code == 200, path
        content = response.content.decode().lower()
        for needle in needles:
            assert needle not in content, (path, needle)
        pages += 1
    # Both homes and press rooms in both languages, the sections, the release, the event.
    assert pages >= 10


def test_press_card_is_not_reachable_under_media(client, leak_world):
    name = leak_world["card_name"]
    for prefix in ("/media/", "/documents/", "/"):
        assert client.get(prefix + name, HTTP_HOST=HOSTS[0]).status_code == 404


def test_records_are_not_page_content(leak_world):
    from wagtail.models import Page

    # Internal records by construction: none of them is a page, so no surface that lists
    # pages can reach them.
    for model in (AccreditationRequest, Subscriber):
        assert not issubclass(model, Page)
    assert AccreditationRequest.objects.filter(reason=SECRETS["reason"]).exists()
