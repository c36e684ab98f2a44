"""The whole bulk seeding run: provision the sites, then fill their sections in batches.

Deterministic: each site's section draws from its own generator, seeded with the run's
``seed``, the institution and the section, so the same options give the same titles,
slugs, dates and tags (dates are relative to the day of the run, so that some events
are always still to come).

What the bulk path leaves out, compared with publishing pages one by one: publish signals
(no webhooks, no cache invalidation, no log entries), the reference index and
wagtail-localize's translation records (English pages are plain Wagtail translations:
same ``translation_key``, English locale). Seed a fresh database, with a fresh cache.
"""

import datetime
import heapq
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.html import escape
from taggit.models import Tag
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from site_s6.search.indexing import rebuild as search_index_rebuild

from .content import ContentGenerator, PageSpec, Text
from .sites import SeededSite, sites_provision
from .tree import ChildSlots
from .vocabulary import TAGS
from .writer import BATCH_SIZE, BatchWriter, set_children

# Section kind → the page model filed in it, its generator method and the weight of the
# city hall's site against an institution's (the city hall publishes most).
KINDS = {
    "campaigns": ("campaigns.CampaignPage", "campaign_spec", 3),
    "news": ("news.NewsPage", "news_spec", 3),
    "events": ("events.EventPage", "event_spec", 3),
    "visits": ("protocol.ProtocolVisitPage", "visit_spec", 1),
}
AGENDA_TIMES = ("10:00:00", "12:30:00", "15:00:00")
# Stream blocks get ids drawn from the generator too; a page has at most two streams.
BLOCKS_PER_FIELD = 4


class BulkSeedError(Exception):
    """The database cannot be seeded as asked (already holds content, unknown locale...)."""


@dataclass
class BulkSeedOptions:
    """How much to generate; the defaults make about 100,000 pages over 12 sites."""

    sites: int = 12
    news: int = 61_600
    events: int = 16_000
    campaigns: int = 1_600
    visits: int = 800
    locales: tuple[str, ...] = ("ro", "en")
    seed: int = 6
    translated_share: float = 0.25
    years: int = 8
    #: Of each site's events, how many are still to come: a department's calendar looks
    #: a few months ahead however old its archive (the others fall anywhere in ``years``).
    upcoming: int = 0
    search_index: bool = True
    batch_size: int = BATCH_SIZE

    def count(self, kind: str) -> int:
        return getattr(self, kind)


@dataclass
class BulkSeedReport:
    sites: int = 0
    created: Counter = field(default_factory=Counter)
    translations: int = 0
    total_pages: int = 0
    seconds: float = 0.0

    @property
    def pages_created(self) -> int:
        return sum(self.created.values())


def spread(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights``, the remainder to the first ones."""
    if not weights or sum(weights) == 0:
        return [0] * len(weights)
    shares = [total * weight // sum(weights) for weight in weights]
    for index in range(total - sum(shares)):
        shares[index % len(shares)] += 1
    return shares


@dataclass
class Section:
    """The pages one site gets of one kind: ``count`` originals, each with its
    translations, made as they are asked for."""

    site: SeededSite
    count: int
    pages: Iterator[list[Page]]


def interleaved(sections: list[Section]) -> Iterator[tuple[SeededSite, list[Page]]]:
    """The sections' pages merged so that each section advances in proportion to its
    count: the next original is always that of the section least far along."""
    queue = [(1 / section.count, position) for position, section in enumerate(sections)]
    heapq.heapify(queue)
    made = [0] * len(sections)
    while queue:
        _progress, position = heapq.heappop(queue)
        section = sections[position]
        yield section.site, next(section.pages)
        made[position] += 1
        if made[position] < section.count:
            heapq.heappush(queue, ((made[position] + 1) / section.count, position))
        else:
            # Ends the generator, which reports the section as written.
            next(section.pages, None)


def existing_content_count() -> int:
    return sum(apps.get_model(label).objects.count() for label, _method, _weight in KINDS.values())


def _check_locales(codes: tuple[str, ...]) -> None:
    content_languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if not codes or codes[0] != settings.LANGUAGE_CODE:
        raise BulkSeedError(f"The locales must start with {settings.LANGUAGE_CODE!r}.")
    for code in codes:
        if code not in content_languages or code not in ("ro", "en"):
            raise BulkSeedError(f"Cannot generate content in {code!r}; use ro and en.")


class BulkSeeder:
    """One run of :func:`bulk_seed`."""

    def __init__(self, options: BulkSeedOptions, progress: Callable[[str], None]):
        self.options = options
        self.progress = progress
        self.now = timezone.localtime().replace(microsecond=0)
        self.report = BulkSeedReport()
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in options.locales
        }
        backend = get_search_backend() if options.search_index else None
        self.writers = {
            kind: BatchWriter(apps.get_model(label), search_backend=backend)
            for kind, (label, _method, _weight) in KINDS.items()
        }
        self.tags = self._tags()
        self.campaign_ids: dict[int, list[int]] = {}
        self.slots: dict[tuple[int, str], list[ChildSlots]] = {}

    @staticmethod
    def _tags() -> dict[str, Tag]:
        tags = {}
        for name in TAGS:
            tags[name] = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        return tags

    def run(self) -> BulkSeedReport:
        started = time.monotonic()
        sites = sites_provision(self.options.sites)
        self.report.sites = len(sites)
        self.progress(f"Provisioned {len(sites)} sites")
        for kind, (_label, _method, city_hall_weight) in KINDS.items():
            eligible = [site for site in sites if site.section(kind, "ro") is not None]
            weights = [city_hall_weight if site.is_city_hall else 1 for site in eligible]
            counts = spread(self.options.count(kind), weights)
            self._fill(kind, list(zip(eligible, counts, strict=True)))
        self.report.total_pages = Page.objects.count()
        if self.options.search_index:
            # Rows written without Page.save() sent no signal: index them all at once.
            indexed = search_index_rebuild()
            self.progress(f"Search documents: {indexed}")
        _analyze()
        self.report.seconds = time.monotonic() - started
        return self.report

    # One section of every site

    def _fill(self, kind: str, counts: list[tuple[SeededSite, int]]) -> None:
        """Write ``kind``'s pages of every site, the sites' pages interleaved.

        A department's archive grows a few pages a day across all its sites, so the
        newest ids of the page table belong to every site in proportion to what it
        publishes; a site written whole after another would put the other's pages
        between each site's newest and its oldest.
        """
        writer = self.writers[kind]
        sections = [self._section(site, kind, count) for site, count in counts if count > 0]
        batch: list[tuple[SeededSite, Page]] = []
        for site, pages in interleaved(sections):
            batch.extend((site, page) for page in pages)
            if len(batch) >= self.options.batch_size:
                self._write(writer, kind, batch)
                batch = []
        self._write(writer, kind, batch)

    def _section(self, site: SeededSite, kind: str, count: int) -> Section:
        """``count`` pages of ``kind`` for ``site``: each original with its translations."""
        institution = site.institution
        rng = random.Random(f"{self.options.seed}:{institution.slug}:{kind}")  # noqa: S311
        generator = ContentGenerator(
            rng, now=self.now, years=self.options.years, institution=institution
        )
        make_spec = getattr(generator, KINDS[kind][1])
        slots = {"ro": ChildSlots(site.section(kind, "ro"))}
        for code in self.options.locales[1:]:
            parent = site.section(kind, code)
            if parent is not None:
                slots[code] = ChildSlots(parent)
        self.slots[site.site.pk, kind] = list(slots.values())
        model = self.writers[kind].model

        def pages():
            for number in range(count):
                spec = (
                    make_spec(ahead=True)
                    if kind == "events" and number < self.options.upcoming
                    else make_spec()
                )
                key = generator.uuid()
                block_ids = [generator.uuid() for _ in range(2 * BLOCKS_PER_FIELD)]
                extra = self._relations(site, kind, rng)
                made = [self._page(model, kind, spec, "ro", slots["ro"], key, block_ids, extra)]
                for code, slot in list(slots.items())[1:]:
                    if rng.random() < self.options.translated_share:
                        published = min(
                            spec.published_at + datetime.timedelta(hours=rng.randint(2, 72)),
                            self.now,
                        )
                        made.append(
                            self._page(
                                model, kind, spec, code, slot, key, block_ids, extra, published
                            )
                        )
                        self.report.translations += 1
                yield made
            self.progress(f"{institution.short_name}: {count} {kind}")

        return Section(site, count, pages())

    def _write(self, writer: BatchWriter, kind: str, batch: list[tuple[SeededSite, Page]]):
        pages = [page for _site, page in batch]
        sites = {site.site.pk for site, _page in batch}
        slots = [slot for pk in sites for slot in self.slots[pk, kind]]
        self.report.created[kind] += writer.write(pages, slots)
        if kind == "campaigns":
            # News of the same site may name one of these as their related campaign.
            romanian = self.locales["ro"].pk
            for site, page in batch:
                if page.locale_id == romanian:
                    self.campaign_ids.setdefault(site.site.pk, []).append(page.pk)

    def _relations(self, site: SeededSite, kind: str, rng: random.Random) -> dict:
        """Links between pages: syndication to the main site, a related campaign."""
        if kind != "news":
            return {}
        campaigns = self.campaign_ids.get(site.site.pk, [])
        return {
            "syndicate_to_main_site": not site.is_city_hall and rng.random() < 0.05,
            "related_campaign_id": (
                rng.choice(campaigns) if campaigns and rng.random() < 0.1 else None
            ),
        }

    # One page

    def _page(self, model, kind, spec: PageSpec, code, slot, key, block_ids, extra, published=None):
        published = published or spec.published_at
        title = spec.title.get(code)
        page = model(
            title=title,
            draft_title=title,
            intro=spec.intro.get(code),
            locale_id=self.locales[code].pk,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            **spec.fields,
            **extra,
            **self._own_fields(model, kind, spec, code, block_ids),
        )
        slot.place(page, title)
        set_children(page, self._children(model, spec))
        return page

    def _own_fields(self, model, kind, spec: PageSpec, code, block_ids) -> dict:
        def stream(name, blocks, ids):
            block = model._meta.get_field(name).stream_block
            raw = [
                {"type": block_type, "value": value, "id": block_id}
                for (block_type, value), block_id in zip(blocks, ids, strict=False)
            ]
            return StreamValue(block, raw, is_lazy=True)

        def body():
            paragraphs = [("paragraph", f"<p>{escape(p.get(code))}</p>") for p in spec.paragraphs]
            return stream("body", paragraphs, block_ids[:BLOCKS_PER_FIELD])

        texts = spec.translated_fields
        if kind == "news":
            return {"lead": texts["lead"].get(code), "body": body()}
        if kind == "events":
            return {"body": body()}
        if kind == "campaigns":
            messages = [("message", message.get(code)) for message in texts["key_messages"]]
            return {
                "key_messages": stream("key_messages", messages, block_ids[BLOCKS_PER_FIELD:]),
                "body": body(),
            }
        agenda = [
            ("item", {"time": AGENDA_TIMES[i], "item": item.get(code)})
            for i, item in enumerate(texts["agenda"])
        ]
        return {
            "summary": texts["summary"].get(code),
            "agenda": stream("agenda", agenda, block_ids[BLOCKS_PER_FIELD:]),
        }

    def _children(self, model, spec: PageSpec) -> dict[str, list]:
        through = model.tags.through
        children = {"tagged_items": [through(tag=self.tags[name]) for name in spec.tags]}
        for name, rows in spec.children.items():
            related = model._meta.get_field(name).related_model
            children[name] = [related(**row) for row in rows]
        return children


def _analyze() -> None:
    """Refresh PostgreSQL's planner statistics, stale after a bulk load of this size.

    Autovacuum would do it within minutes; until then the planner may pick plans made
    for empty tables.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def bulk_seed(
    options: BulkSeedOptions | None = None, *, progress: Callable[[str], None] | None = None
) -> BulkSeedReport:
    """Provision ``options.sites`` sites and fill them with generated, published pages.

    Refuses a database that already holds news, events, campaigns or visits: the
    generator's slugs and numbering assume empty sections.
    """
    options = options or BulkSeedOptions()
    _check_locales(tuple(options.locales))
    if existing_content_count():
        raise BulkSeedError(
            "The database already holds content pages; seed_bulk fills a fresh database."
        )
    return BulkSeeder(options, progress or (lambda message: None)).run()


__all__ = ["BulkSeedError", "BulkSeedOptions", "BulkSeedReport", "Text", "bulk_seed", "spread"]
