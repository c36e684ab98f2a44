"""The database settings read from the environment: parallel query and the planning of
prepared reads for the app's PostgreSQL connections (see docs/performance.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_OPTIONS = (
    "import json; from site_s6.settings import base; "
    "print(json.dumps(base.DATABASES['default'].get('OPTIONS', {})))"
)


def database_options(**env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "DJANGO_SETTINGS"))
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603 - this interpreter, a fixed snippet
        [sys.executable, "-c", PRINT_OPTIONS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


POSTGRES = "postgres://newsroom@db.example:5432/newsroom"


GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan"


def test_postgresql_connections_plan_without_parallel_workers_by_default():
    result = database_options(DATABASE_URL=POSTGRES)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "options": f"-c max_parallel_workers_per_gather=0 {GENERIC_PLANS}"
    }


def test_a_larger_host_may_allow_parallel_workers():
    result = database_options(DATABASE_URL=POSTGRES, DATABASE_PARALLEL_WORKERS="2")

    assert json.loads(result.stdout) == {
        "options": f"-c max_parallel_workers_per_gather=2 {GENERIC_PLANS}"
    }


def test_options_given_in_the_url_win():
    url = f"{POSTGRES}?options=-c%20statement_timeout%3D5000"

    result = database_options(DATABASE_URL=url)

    assert json.loads(result.stdout) == {"options": "-c statement_timeout=5000"}


@pytest.mark.parametrize("value", ["many", "1.5"])
def test_a_malformed_worker_count_is_refused_with_its_name(value):
    result = database_options(DATABASE_URL=POSTGRES, DATABASE_PARALLEL_WORKERS=value)

    assert result.returncode != 0
    assert "DATABASE_PARALLEL_WORKERS must be an integer" in result.stderr


def test_sqlite_gets_no_postgresql_options():
    result = database_options()

    options = json.loads(result.stdout)
    assert "options" not in options  # PostgreSQL's planner settings
    # The processes of make run share the file: write-ahead log, and writers wait.
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
