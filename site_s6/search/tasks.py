"""Background tasks that keep the search index up to date (run by the task worker)."""

from django_tasks import task
from wagtail.models import Page

from site_s6.core.invalidation import page_reindexed

from .indexing import index_pages

#: Ahead of Wagtail's own background work (the reference index, its admin search
#: backend): what visitors search is the page that was just published.
INDEXING_PRIORITY = 50


@task(priority=INDEXING_PRIORITY)
def index_page_task(page_id: int) -> int:
    """Rewrite the search document of one page from its current row (idempotent), then
    retire the cached answers of its sites, which may have been searched meanwhile."""
    count = index_pages([page_id])
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        page_reindexed(page)
    return count
