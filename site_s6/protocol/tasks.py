"""Background tasks of the protocol office (run by the task worker)."""

from django_tasks import task

from site_s6.runtime.retry import retryable


@retryable(attempts=3, delays=(300, 1800))
@task()
def send_gift_reminders() -> int:
    """The daily reminder of gift declarations due within a week, a day, or overdue
    (``schedule.py``)."""
    from .reminders import send_gift_reminders as send

    return send()
