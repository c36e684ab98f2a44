"""Page contents drawn from a seeded random generator: the same seed gives the same pages.

Each ``*_spec`` method returns plain data (texts in Romanian and English, dates, choices)
that :mod:`.seed` turns into page instances; nothing here touches the database. Dates
are spread over the past ``years`` up to a little after ``now``, so that listings span
years and some events are still to come.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, field

from django.utils.html import escape

from . import vocabulary as words


@dataclass(frozen=True)
class Text:
    """The same phrase in Romanian and in English."""

    ro: str
    en: str

    def get(self, language_code: str) -> str:
        return self.en if language_code == "en" else self.ro


@dataclass
class PageSpec:
    """What one generated page says, in both languages, and when it was published."""

    title: Text
    intro: Text
    published_at: datetime.datetime
    paragraphs: list[Text] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    translated_fields: dict[str, Text] = field(default_factory=dict)
    children: dict[str, list[dict]] = field(default_factory=dict)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class ContentGenerator:
    """Realistic texts and dates for one institution's pages, from ``rng``."""

    def __init__(self, rng: random.Random, *, now: datetime.datetime, years: int, institution):
        self.rng = rng
        self.now = now
        self.days = max(int(years * 365), 1)
        self.institution = institution

    # Building blocks

    def uuid(self) -> str:
        """A random (version 4) UUID drawn from the seeded generator."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _slots(self) -> dict[str, Text]:
        rng = self.rng
        thing = Text(*rng.choice(words.THINGS))
        service = Text(*rng.choice(words.SERVICES))
        return {
            "thing": thing,
            "thing_cap": Text(_capitalise(thing.ro), _capitalise(thing.en)),
            "place": Text(*rng.choice(words.PLACES)),
            "service": service,
            "service_cap": Text(_capitalise(service.ro), _capitalise(service.en)),
            "institution": Text(self.institution.short_name, self.institution.short_name),
        }

    def _fill(self, template: Text, slots: dict[str, Text]) -> Text:
        return Text(
            _capitalise(template.ro.format(**{k: v.ro for k, v in slots.items()})),
            _capitalise(template.en.format(**{k: v.en for k, v in slots.items()})),
        )

    def sentence(self) -> Text:
        ro, en = self.rng.choice(words.SENTENCES)
        n = self.rng.randint(2, 60)
        return Text(ro.format(n=n), en.format(n=n))

    def paragraph(self, sentences: int) -> Text:
        parts = [self.sentence() for _ in range(sentences)]
        return Text(" ".join(p.ro for p in parts), " ".join(p.en for p in parts))

    def paragraphs(self, low: int = 2, high: int = 4) -> list[Text]:
        return [self.paragraph(self.rng.randint(2, 3)) for _ in range(self.rng.randint(low, high))]

    def tags(self) -> list[str]:
        return self.rng.sample(words.TAGS, self.rng.randint(1, 3))

    def person(self) -> str:
        return f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.LAST_NAMES)}"

    def moment(self, *, ahead_days: int = 0, ahead_only: bool = False) -> datetime.datetime:
        """A working-hours moment between ``years`` ago (tomorrow when ``ahead_only``) and
        ``ahead_days`` from now."""
        behind = -1 if ahead_only else self.days
        day = self.now - datetime.timedelta(days=self.rng.randint(-ahead_days, behind))
        return day.replace(
            hour=self.rng.randint(8, 18), minute=self.rng.choice((0, 15, 30, 45)), second=0
        )

    def published_before(self, moment: datetime.datetime) -> datetime.datetime:
        """When a page about ``moment`` went live: some days before it, never in the future."""
        return min(moment - datetime.timedelta(days=self.rng.randint(1, 30)), self.now)

    # Page types

    def news_spec(self) -> PageSpec:
        slots = self._slots()
        title = self._fill(Text(*self.rng.choice(words.NEWS_TITLES)), slots)
        published = min(self.moment(), self.now)
        lead = self.sentence()
        kind = self.rng.choices(("news", "press_release", "announcement"), weights=(6, 3, 2))[0]
        return PageSpec(
            title=title,
            intro=lead,
            published_at=published,
            paragraphs=self.paragraphs(),
            tags=self.tags(),
            fields={"kind": kind, "publication_date": published},
            translated_fields={"lead": self.paragraph(2)},
        )

    def event_spec(self, *, ahead: bool = False) -> PageSpec:
        """An event anywhere in the archive's years or the next six months; in those
        months only when ``ahead``."""
        slots = self._slots()
        event_type, ro, en = self.rng.choice(words.EVENT_TITLES)
        start = self.moment(ahead_days=180, ahead_only=ahead)
        venue, address = self.rng.choice(words.VENUES)
        accreditation = event_type == "press_conference" and self.rng.random() < 0.5
        status = self.rng.choices(("scheduled", "postponed", "cancelled"), weights=(18, 1, 1))[0]
        speakers = [
            {"name": self.person(), "role": self.rng.choice(words.ROLES)[0], "sort_order": i}
            for i in range(self.rng.randint(0, 2))
        ]
        return PageSpec(
            title=self._fill(Text(ro, en), slots),
            intro=self.sentence(),
            published_at=self.published_before(start),
            paragraphs=self.paragraphs(1, 3),
            tags=self.tags(),
            fields={
                "event_type": event_type,
                "start": start,
                "end": start + datetime.timedelta(hours=self.rng.randint(1, 4)),
                "status": status,
                "venue_name": venue,
                "venue_address": address,
                "accreditation_required": accreditation,
                "accreditation_deadline": (
                    start - datetime.timedelta(days=1) if accreditation else None
                ),
            },
            children={"speakers": speakers},
        )

    def campaign_spec(self) -> PageSpec:
        name = Text(*self.rng.choice(words.CAMPAIGN_NAMES))
        start = self.moment(ahead_days=60).date()
        year = start.year
        messages = self.rng.sample(words.KEY_MESSAGES, self.rng.randint(2, 3))
        return PageSpec(
            title=Text(f"Campania „{name.ro}” {year}", f"The “{name.en}” campaign {year}"),
            intro=self.sentence(),
            published_at=self.published_before(
                datetime.datetime.combine(start, datetime.time(9), tzinfo=self.now.tzinfo)
            ),
            paragraphs=self.paragraphs(),
            tags=self.tags(),
            fields={
                "start_date": start,
                "end_date": start + datetime.timedelta(days=self.rng.randint(14, 120)),
            },
            translated_fields={"key_messages": [Text(*message) for message in messages]},
        )

    def visit_spec(self) -> PageSpec:
        city_ro, city_en, country, organisation = self.rng.choice(words.VISIT_CITIES)
        start = self.moment(ahead_days=30).date()
        agenda = [
            Text("Întâlnire la sediul primăriei", "Meeting at the city hall"),
            Text("Vizită în " + self.rng.choice(words.PLACES)[0], "Tour of a district"),
            Text("Conferință de presă comună", "Joint press conference"),
        ][: self.rng.randint(1, 3)]
        members = [
            {
                "name": self.person(),
                "role": self.rng.choice(words.ROLES)[0],
                "precedence": i + 1,
                "sort_order": i,
            }
            for i in range(self.rng.randint(1, 4))
        ]
        summary = self.paragraph(2)
        return PageSpec(
            title=Text(
                f"Vizita delegației din {city_ro}", f"Visit of the delegation from {city_en}"
            ),
            intro=self.sentence(),
            published_at=min(
                datetime.datetime.combine(start, datetime.time(17), tzinfo=self.now.tzinfo),
                self.now,
            ),
            tags=self.tags(),
            fields={
                "delegation_name": f"Delegația {organisation}",
                "scope": "domestic" if country == "RO" else "foreign",
                "country": country,
                "city": city_ro,
                "organisation": organisation,
                "visit_start": start,
                "visit_end": start + datetime.timedelta(days=self.rng.randint(0, 2)),
                "hosts": self.person(),
            },
            translated_fields={
                "summary": Text(f"<p>{escape(summary.ro)}</p>", f"<p>{escape(summary.en)}</p>"),
                "agenda": agenda,
            },
            children={"members": members},
        )
