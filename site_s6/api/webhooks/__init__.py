"""Webhooks: per-site endpoints told, in the background, when a page is published,
unpublished, moved or deleted. Models in ``models``, the signed delivery task with its
retries in ``delivery``, the signal handlers in ``signals``."""
