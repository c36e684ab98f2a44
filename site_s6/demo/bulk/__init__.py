"""A deterministic bulk generator of realistic content, for load tests and benchmarks.

``manage.py seed_bulk`` provisions institutions' sites the ordinary way
(``subsites.services.institution_provision``), then writes tens of thousands of pages
per minute straight into the tables: correct tree paths, revisions, locales,
translations, tags and search index entries, without calling ``Page.save()``.

- :mod:`.vocabulary`: the Romanian (and parallel English) words titles are made from;
- :mod:`.content`: turns a seeded random generator into page fields;
- :mod:`.tree`: materialised paths and URL paths of new children;
- :mod:`.writer`: the bulk inserts of one batch of pages, in one transaction;
- :mod:`.sites`: the institutions and their provisioning;
- :mod:`.seed`: the whole run.
"""

from .seed import BulkSeedOptions, BulkSeedReport, bulk_seed

__all__ = ["BulkSeedOptions", "BulkSeedReport", "bulk_seed"]
