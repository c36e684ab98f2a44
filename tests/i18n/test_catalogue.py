"""Every interface string of the project has its Romanian translation.

The messages are extracted again with ``makemessages`` into a copy of the project, merged
with the committed catalogues (``site_s6/locale`` and any app's ``locale`` folder), so a
string added to the code without a translation fails here, as does a fuzzy one.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# What the project itself writes: the plugin's apps, the multi-site layer and the templates.
SOURCES = ["manage.py", "site_s6", "subsites", "templates"]
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "migrations")


def catalogues(root: Path) -> list[Path]:
    return sorted(root.glob("**/locale/ro/LC_MESSAGES/django.po"))


def extract_romanian_catalogues(workdir: Path) -> list[Path]:
    """Run ``makemessages -l ro`` on a copy of the sources and return the catalogues."""
    for name in SOURCES:
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, workdir / name, ignore=IGNORED)
        else:
            shutil.copy2(source, workdir / name)
    # Strings outside an app with its own locale folder go to LOCALE_PATHS[0].
    (workdir / "site_s6" / "locale").mkdir(exist_ok=True)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_s6.settings.test",
        "PYTHONPATH": str(workdir),
    }
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "--locale", "ro", "--no-obsolete"],
        cwd=workdir,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    return catalogues(workdir)


def test_every_project_message_has_a_romanian_translation(tmp_path):
    extracted = extract_romanian_catalogues(tmp_path)

    assert extracted, "makemessages produced no Romanian catalogue"
    missing = []
    for path in extracted:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.translated():
                continue
            where = ", ".join(f"{file}:{line}" for file, line in entry.occurrences[:2])
            state = "fuzzy" if entry.fuzzy else "untranslated"
            missing.append(f"{state}: {entry.msgid!r} ({where})")
    assert not missing, (
        f"{len(missing)} messages have no Romanian translation; run "
        "`manage.py makemessages -l ro`, translate them and `manage.py compilemessages`:\n"
        + "\n".join(missing)
    )


def test_committed_romanian_catalogues_compile(tmp_path):
    committed = catalogues(BASE_DIR / "site_s6") + catalogues(BASE_DIR / "subsites")

    assert committed, "no Romanian catalogue is committed"
    for path in committed:
        result = subprocess.run(  # noqa: S603 - GNU gettext's msgfmt
            ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(path)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{path}: {result.stderr}"
