"""Background tasks that keep the search index up to date (run by the task worker)."""

from django_tasks import task

from .indexing import index_pages


@task()
def index_page_task(page_id: int) -> int:
    """Rewrite the search document of one page from its current row (idempotent)."""
    return index_pages([page_id])
