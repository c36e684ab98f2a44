"""Background tasks of the channels (run by the task worker)."""

from django_tasks import task


@task()
def post_to_facebook_task(post_id: int) -> str:
    """Post a live page to its site's Facebook Page, once (the post is claimed first)."""
    from .services.facebook import facebook_publish

    return facebook_publish(post_id=post_id)


@task()
def post_waiting_to_facebook() -> int:
    """Enqueue the posts of live pages still waiting (``schedule.py``): a page published
    while its site's posting was off, or an enqueue lost with a worker."""
    from .services.facebook import waiting_live_posts

    posts = list(waiting_live_posts().values_list("pk", flat=True))
    for post_id in posts:
        post_to_facebook_task.enqueue(post_id)
    return len(posts)


@task()
def notify_requester_task(request_id: int) -> bool:
    """E-mail the requester the central team's decision on their request."""
    from .notifications import notify_requester

    return notify_requester(request_id=request_id)
