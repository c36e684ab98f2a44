"""The press review's tasks: the scheduler enqueues ``poll_due_sources``, which enqueues
one ``poll_source`` per due source, so a slow outlet holds up one worker, not the round."""

from django_tasks import task

from .models import Source
from .polling import due_sources, poll


@task()
def poll_source(source_id: int) -> str:
    """Poll one source (if it still exists and is active); return what happened."""
    source = Source.objects.filter(pk=source_id, active=True).first()
    if source is None:
        return "skipped: no such active source"
    return str(poll(source))


@task()
def poll_due_sources() -> int:
    """Enqueue a poll of every active source whose back-off is over; return how many."""
    ids = list(due_sources().values_list("pk", flat=True))
    for source_id in ids:
        poll_source.enqueue(source_id=source_id)
    return len(ids)


@task()
def send_morning_digest() -> int:
    """Send the morning digest to its subscribers; return how many were sent."""
    from .digest import digest_send

    return digest_send()
