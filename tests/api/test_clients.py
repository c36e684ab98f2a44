"""Typed clients generated from ``/api/v3/openapi.json``, used as docs/api.md shows.

A Python client (openapi-python-client, a dev dependency) is generated from the document a
live server serves, imported, and used against that server: list news, read one, list
the upcoming events, and read a documented 4xx as its typed problem. TypeScript types
(openapi-typescript, from npm) are generated from the same document and a small program
using them is type-checked with ``tsc --noEmit``.

Nothing is skipped: a missing tool fails with the command that installs it (``make test``
installs both).
"""

import importlib
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.api.conftest import build_tree

BIN = Path(sys.executable).parent
NODE_BIN = Path(settings.BASE_DIR) / "node_modules" / ".bin"
PACKAGE = "s6_client"

# No formatter runs after generation: the client is imported, not read.
CLIENT_CONFIG = "post_hooks: []\n"

TYPESCRIPT_PROGRAM = """
import type { components, paths } from "./api";

type NewsList =
  paths["/api/v3/news/"]["get"]["responses"][200]["content"]["application/json"];
type EventQuery = NonNullable<paths["/api/v3/events/"]["get"]["parameters"]["query"]>;
type Problem = components["schemas"]["ProblemDetail"];

export function headlines(list: NewsList): string[] {
  return list.items.map((item) => `${item.publication_date}: ${item.title} (${item.kind})`);
}

export const upcoming: EventQuery = { upcoming: true, limit: 5, site: "primarie6.localhost" };

export function explain(problem: Problem): string {
  return `${problem.status} ${problem.title}`;
}

export const kind: components["schemas"]["NewsItem"]["kind"] = "press_release";

// The generated types are strict: a kind the contract does not list is an error.
// @ts-expect-error "rumour" is not a kind of news
export const wrongKind: components["schemas"]["NewsItem"]["kind"] = "rumour";
"""


def tool(path: Path, install: str) -> str:
    if not path.is_file():
        pytest.fail(f"{path.name} is missing ({path}): {install}, or `make test`.", pytrace=False)
    return str(path)


def run(*command: str, cwd: Path) -> None:
    result = subprocess.run(  # noqa: S603 - the project's own tools on files of this test
        command, cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}\n{result.stderr}"


def generate_python_client(document: Path, target: Path) -> None:
    generator = tool(BIN / "openapi-python-client", "pip install -e '.[dev]'")
    config = target.parent / "client-config.yml"
    config.write_text(CLIENT_CONFIG)
    run(
        generator,
        "generate",
        "--path",
        str(document),
        "--output-path",
        str(target),
        "--meta",
        "none",
        "--config",
        str(config),
        cwd=target.parent,
    )


@pytest.fixture
def python_client(tmp_path):
    """Imports the package generated into ``tmp_path``; forgets it afterwards."""
    sys.path.insert(0, str(tmp_path))
    try:
        yield lambda: importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_python_client_reads_news_and_events(live_server, tmp_path, python_client):
    tree = build_tree()
    document = tmp_path / "openapi.json"
    with urllib.request.urlopen(f"{live_server.url}/api/v3/openapi.json") as response:  # noqa: S310
        document.write_bytes(response.read())

    generate_python_client(document, tmp_path / PACKAGE)
    package = python_client()
    news_list = importlib.import_module(f"{PACKAGE}.api.news.news_list")
    news_detail = importlib.import_module(f"{PACKAGE}.api.news.news_detail")
    events_list = importlib.import_module(f"{PACKAGE}.api.events.events_list")
    models = importlib.import_module(f"{PACKAGE}.models")
    client = package.Client(base_url=live_server.url, raise_on_unexpected_status=True)

    news = news_list.sync(client=client, limit=10)
    assert isinstance(news, models.NewsList)
    assert news.count == 3
    assert [item.title for item in news.items] == [
        "DGASPC partajată",
        "Anunț cultură",
        "Comunicat transport",
    ]
    assert news.items[0].syndicated_from.short_name == "DGASPC"

    press = news_detail.sync(client=client, news_id=tree["press"].pk)
    assert isinstance(press, models.NewsDetail)
    assert press.title == "Comunicat transport"
    assert press.kind == models.NewsDetailKind.PRESS_RELEASE
    assert press.tags == ["transport"]
    assert press.image.renditions.thumbnail.endswith(".webp")
    assert [(t.locale, t.id) for t in press.translations] == [("en", tree["en_press"].pk)]

    events = events_list.sync(client=client, upcoming=True)
    assert [item.title for item in events.items] == ["Eveniment curând", "Ceremonie anulată"]

    unknown = news_list.sync(client=client, site="nowhere.test")
    assert isinstance(unknown, models.ProblemDetail)
    assert unknown.status == 400


def test_generated_typescript_types_check_a_program(client, db, tmp_path):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    (tmp_path / "openapi.json").write_text(json.dumps(response.json()))
    generator = tool(NODE_BIN / "openapi-typescript", "npm ci")
    tsc = tool(NODE_BIN / "tsc", "npm ci")

    run(generator, "openapi.json", "--output", "api.d.ts", cwd=tmp_path)
    (tmp_path / "program.ts").write_text(TYPESCRIPT_PROGRAM)
    run(
        tsc,
        "--noEmit",
        "--strict",
        "--target",
        "es2022",
        "--module",
        "esnext",
        "--moduleResolution",
        "bundler",
        "program.ts",
        cwd=tmp_path,
    )

    # The check has teeth: the same program with a field the contract lacks fails.
    (tmp_path / "wrong.ts").write_text(TYPESCRIPT_PROGRAM.replace("item.kind", "item.category"))
    result = subprocess.run(  # noqa: S603
        [
            tsc,
            "--noEmit",
            "--strict",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "wrong.ts",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "category" in result.stdout
