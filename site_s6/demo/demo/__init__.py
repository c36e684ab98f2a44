"""The demo: five sites with original content, built from ``fixtures/demo``."""
