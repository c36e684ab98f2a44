"""The registry of what the product holds about a person, keyed by e-mail address.

Every module that stores a person's address registers one source here, with two
functions: ``export(email) -> list[dict]`` (everything it holds, as JSON-ready rows) and
``erase(email) -> int`` (deletes, or anonymises what must stay counted, and returns how
many rows it changed). The GDPR export of a journalist calls every exporter; the erase
service calls every eraser, then deletes the journalist. A module that forgets to register
is the one place personal data would survive an erasure, so each source is tested.
"""

from collections.abc import Callable
from dataclasses import dataclass

Exporter = Callable[[str], list[dict]]
Eraser = Callable[[str], int]


@dataclass(frozen=True)
class PersonalDataSource:
    name: str
    export: Exporter
    erase: Eraser


_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(name: str, *, export: Exporter, erase: Eraser) -> None:
    """Registers (or replaces, so that a reloaded module is not counted twice) a source."""
    _sources[name] = PersonalDataSource(name=name, export=export, erase=erase)


def personal_data_sources() -> list[PersonalDataSource]:
    """The registered sources, by name, so that an export reads the same every time."""
    return [_sources[name] for name in sorted(_sources)]


def normalise_email(email: str) -> str:
    """Addresses are compared lower-case and without surrounding spaces everywhere."""
    return (email or "").strip().lower()
