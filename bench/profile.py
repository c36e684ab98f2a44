"""Profiles benchmark scenarios in-process with pyinstrument, on a seeded database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> \\
        .venv/bin/python -m bench.profile news_list news_detail --requests 50 --label 100k

Each scenario's URL (from ``bench.run.SCENARIOS``, ids and paths from ``bench.probe``) is
requested ``--requests`` times through Django's test client after one untimed request;
the profile of the timed requests is written as text to
``bench/results/profiles/<scenario>-<label>.txt``. Uses the bench settings; the cache is
local memory unless ``REDIS_URL`` is set. ``--uncached`` adds a unique ``_bench``
parameter per request, as the load test does for uncached scenarios.
"""

import argparse
import base64
import os
import secrets
from pathlib import Path

from .run import RESULTS, SCENARIOS

PROFILES = RESULTS / "profiles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="+", choices=[s.name for s in SCENARIOS])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--label", default="local", help="Suffix of the output files.")
    parser.add_argument("--out", default=str(PROFILES))
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_s6.settings.bench")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("S6_CHANNELS_KEY", base64.urlsafe_b64encode(os.urandom(32)).decode())
    import django

    django.setup()
    from django.test import Client
    from pyinstrument import Profiler

    from .probe import probe_data

    probe = probe_data()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    client = Client(HTTP_HOST="127.0.0.1")
    by_name = {scenario.name: scenario for scenario in SCENARIOS}
    for name in args.scenarios:
        scenario = by_name[name]
        path = scenario.path.format(**probe)
        separator = "&" if "?" in path else "?"

        def url(number: int, path=path, separator=separator, scenario=scenario) -> str:
            return f"{path}{separator}_bench=profile-{number}" if scenario.bust else path

        first = client.get(url(0))
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for number in range(1, args.requests + 1):
            client.get(url(number))
        profiler.stop()
        target = out / f"{name}-{args.label}.txt"
        header = (
            f"# {name}: GET {path} x{args.requests} "
            f"({'unique _bench per request' if scenario.bust else 'same URL'}); "
            f"first status {first.status_code}, {probe['pages']} pages\n"
        )
        target.write_text(header + profiler.output_text(unicode=True, color=False))
        print(f"{name}: {profiler.last_session.duration / args.requests * 1000:.1f} ms/request")
        print(f"  -> {target}")


if __name__ == "__main__":
    main()
