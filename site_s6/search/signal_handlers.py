"""What keeps the search index up to date: every saved page is reindexed by the worker.

A page's row holds its published text (a draft lives in its revisions), so a save that
touches the text (publishing, a page created live, a copy) enqueues
:func:`~site_s6.search.tasks.index_page_task`. Saves that touch only the draft
bookkeeping (``save_revision`` sets ``latest_revision`` and ``has_unpublished_changes``)
enqueue nothing. Publishing enqueues once more after the page's child relations (tags)
are saved. Unpublishing, moving and view restrictions change nothing in the document:
visibility and place are read from the page table when searching. A deleted page's
document goes with it (``on_delete=CASCADE``).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import page_published

from .tasks import index_page_task

#: Set while a bulk writer (the demo loader) indexes every page itself once it is done.
_deferred: ContextVar[bool] = ContextVar("s6_search_indexing_deferred", default=False)


@contextmanager
def indexing_deferred():
    """Enqueue no indexing while the block runs: for a caller that rebuilds the whole
    index right after (``load_demo``), so that the worker's queue is left to the pages
    people publish."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def _text_fields(model) -> set[str]:
    return {"title", *(field.field_name for field in model.get_search_fields())}


def page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or instance.depth is None or instance.depth <= 1:
        return
    if update_fields is not None and not set(update_fields) & _text_fields(type(instance)):
        return
    if not _deferred.get():
        index_page_task.enqueue(instance.pk)


def page_was_published(sender, instance, **kwargs):
    if not _deferred.get():
        index_page_task.enqueue(instance.pk)


def connect() -> None:
    post_save.connect(page_saved, dispatch_uid="s6_search_page_saved")
    page_published.connect(page_was_published, dispatch_uid="s6_search_page_published")
