"""Demo and benchmark seeding, kept out of ``core`` so the product's layers stay clean.

- the demo: five sites with original content, built from ``fixtures/demo``
  (``manage.py load_demo``, ``manage.py demo_summary``);
- :mod:`.bulk`: a deterministic bulk generator of content for load tests
  (``manage.py seed_bulk``).

It sits above every other app of the project: it may import any of them, none imports it.
"""
