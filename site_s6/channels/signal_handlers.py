"""What the channels do when content changes: a page chosen for Facebook is posted when
it is published (now, or by Wagtail's scheduled publishing at its go-live time)."""

from site_s6.core.invalidation import PUBLISHED, content_changed


def page_changed(sender, page, action, site_ids, revision=None, **kwargs):
    if action != PUBLISHED:
        return
    from .models import FacebookPost
    from .tasks import post_to_facebook_task

    post_id = (
        FacebookPost.objects.filter(page_id=page.pk, state=FacebookPost.State.WAITING)
        .values_list("pk", flat=True)
        .first()
    )
    if post_id:
        post_to_facebook_task.enqueue(post_id)


def connect() -> None:
    content_changed.connect(page_changed, dispatch_uid="s6_channels_facebook")
