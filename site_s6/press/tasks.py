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
