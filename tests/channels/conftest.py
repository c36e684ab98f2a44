"""Two provisioned sites (the city hall, DGASPC) and the people of the channels: the
central team, two departments' staff, an institution's editor; and a fake Graph server."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from site_s6.channels.roles import departments_group_ensure
from subsites.models import Institution
from subsites.roles import CENTRAL_TEAM_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales, for_test
from tests.factories import UserFactory

SITES = {
    "main": ("Primăria Sectorului 6", "Primăria 6", "primarie6.localhost", "city_hall"),
    "dgaspc": ("DGASPC Sector 6", "DGASPC", "dgaspc6.localhost", "subordinate"),
}


def build_channels_world() -> dict:
    build_locales()
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    institutions = {
        key: institution_provision(
            name=name,
            short_name=short_name,
            hostname=hostname,
            kind=kind,
            is_default_site=key == "main",
        ).institution
        for key, (name, short_name, hostname, kind) in SITES.items()
    }
    departments = departments_group_ensure()
    central = UserFactory(username="presa", email="presa@primarie6.localhost")
    central.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    urbanism = UserFactory(username="departament.urbanism", email="urbanism@primarie6.localhost")
    urbanism.groups.add(departments)
    taxes = UserFactory(username="departament.taxe", email="taxe@primarie6.localhost")
    taxes.groups.add(departments)
    editor = UserFactory(username="editor.dgaspc", email="editor@dgaspc6.localhost")
    editor.groups.add(Institution.objects.get(slug="dgaspc").editors_group)
    return {
        "institutions": institutions,
        "sites": {key: institution.site for key, institution in institutions.items()},
        "users": {"central": central, "urbanism": urbanism, "taxes": taxes, "editor": editor},
    }


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build_channels_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


class FakeGraph:
    """A local stand-in for Meta's Graph API: records each request, answers from a queue
    (a post id by default)."""

    def __init__(self):
        self.requests: list[dict] = []
        self.answers: list[tuple[int, dict]] = []
        self.count = 0
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                graph.requests.append(
                    {
                        "path": urlsplit(self.path).path,
                        "form": {key: values[0] for key, values in form.items()},
                        "content_type": self.headers.get("Content-Type"),
                    }
                )
                graph.count += 1
                status, answer = (
                    graph.answers.pop(0)
                    if graph.answers
                    else (200, {"id": f"1234567890_{graph.count}00"})
                )
                body = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v23.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def graph(settings):
    with FakeGraph() as fake:
        settings.S6_FACEBOOK_GRAPH_URL = fake.url
        yield fake
