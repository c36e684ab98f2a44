"""What the press office does when content changes: alerts on publish, and the news of a
postponed or cancelled event to the journalists invited to it."""

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


def event_changed(sender, page, action, site_ids, revision=None, **kwargs):
    """An event with invitations published with another start or status: enqueue the
    notice to its invitees (the task sends it, never the publishing request)."""
    if action != PUBLISHED:
        return
    from site_s6.events.models import EventPage

    if not issubclass(page.specific_class or object, EventPage):
        return
    from .services.invitations import stale_invitations
    from .tasks import notify_event_change_task

    if stale_invitations(page.specific).exists():
        notify_event_change_task.enqueue(page.pk)


def accreditation_saved(sender, instance, created, raw=False, **kwargs):
    """A journalist asking for accreditation is active: their contact's review clock
    starts again."""
    if created and not raw:
        from .services.contacts import journalist_touch

        journalist_touch(email=instance.email, at=instance.registered_at)


def connect() -> None:
    from django.db.models.signals import post_save

    from .models import AccreditationRequest

    post_save.connect(
        accreditation_saved, sender=AccreditationRequest, dispatch_uid="s6_press_contact_activity"
    )
    content_changed.connect(page_changed, dispatch_uid="s6_press_alerts")
    content_changed.connect(event_changed, dispatch_uid="s6_press_invitation_changes")
