"""The project's benchmark: ``make bench`` runs ``bench/run.py`` (see docs/performance.md).

Nothing here is part of the application: ``bench.urls`` and ``bench.middleware`` are used
only by ``site_s6.settings.bench``.
"""
