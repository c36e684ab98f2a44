"""What the press office does when content changes: alerts on publish."""

from site_s6.core.invalidation import PUBLISHED, content_changed


def page_changed(sender, page, action, site_ids, revision=None, **kwargs):
    if action != PUBLISHED:
        return
    from .services.alerts import page_is_alertable
    from .tasks import send_page_alerts_task

    # Checked here too, so that publishing other pages enqueues nothing; the task checks
    # again when it runs (the page may have changed meanwhile).
    if page_is_alertable(page.specific):
        send_page_alerts_task.enqueue(page.pk)


def connect() -> None:
    content_changed.connect(page_changed, dispatch_uid="s6_press_alerts")
