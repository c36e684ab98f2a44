"""Background tasks of the press office (run by the task worker)."""

from django_tasks import task


@task()
def send_page_alerts_task(page_id: int) -> int:
    """Send the e-mail alerts of a page just published (at most once per subscriber)."""
    from .services.alerts import send_page_alerts

    return send_page_alerts(page_id=page_id)


@task()
def send_request_reminders() -> int:
    """The morning reminder of journalists' requests due within a day or overdue, one
    message per assignee (``schedule.py``)."""
    from .services.requests import send_reminders

    return send_reminders()


@task()
def enqueue_due_distributions() -> int:
    """Enqueue the press distributions whose time (or embargo's end) has come
    (``schedule.py``, every minute)."""
    from .services.distribution import enqueue_due_distributions as enqueue_due

    return enqueue_due()


@task()
def send_distribution_task(distribution_id: int) -> int:
    """Send a press distribution's queued deliveries, each at most once."""
    from .services.distribution import send_distribution

    return send_distribution(distribution_id=distribution_id)


@task()
def send_invitations_task(event_id: int) -> int:
    """Send an event's queued invitations, each at most once."""
    from .services.invitations import send_invitations

    return send_invitations(event_id=event_id)


@task()
def notify_event_change_task(event_id: int) -> int:
    """Mail the invitees of an event its new start or its cancellation, once each."""
    from .services.invitations import notify_event_change

    return notify_event_change(event_id=event_id)
