"""Facebook Page posting: choosing a page for the channel, posting it once, retrying.

A page chosen for Facebook gets a :class:`FacebookPost` in the ``waiting`` state. When
the page is live (published now, or later by Wagtail's scheduled publishing at its
go-live time) the worker runs :func:`facebook_publish`, which first *claims* the post
with one conditional UPDATE (``waiting`` → ``posting``): of two workers, or a worker and
the periodic sweep, only one wins, so a page is posted once. The request goes through
``site_s6.core.outbound`` to ``{S6_FACEBOOK_GRAPH_URL}/{page-id}/feed`` with the message,
the link and the Page access token (``pages_manage_posts``).

A post left in ``posting`` (a worker died during the request) is not sent again on its
own: Facebook may have published it. An editor checks the Page and retries by hand.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from site_s6.core import outbound

from ..crypto import TokenUnreadable
from ..models import FacebookConnection, FacebookPost

logger = logging.getLogger(__name__)

State = FacebookPost.State
DEFAULT_GRAPH_URL = "https://graph.facebook.com/v23.0"
#: Graph's error codes, grouped by what an editor should do about them.
TOKEN_ERRORS = frozenset({190})
PERMISSION_ERRORS = frozenset({10, *range(200, 300)})
RATE_LIMIT_ERRORS = frozenset({4, 17, 32, 613})
#: Characters of a Graph error message kept.
MAX_ERROR_LENGTH = 1000


def graph_url() -> str:
    return getattr(settings, "S6_FACEBOOK_GRAPH_URL", DEFAULT_GRAPH_URL).rstrip("/")


def error_explanation(code: int | None) -> str:
    """What an editor should make of Graph's error ``code`` (translated when shown)."""
    if code in TOKEN_ERRORS:
        return str(
            _(
                "The Page access token has expired or was revoked: save a new one in the "
                "site's Facebook connection, then retry."
            )
        )
    if code in PERMISSION_ERRORS:
        return str(
            _(
                "The token lacks a permission (pages_manage_posts) or the page's role: "
                "fix it on Facebook, then retry."
            )
        )
    if code in RATE_LIMIT_ERRORS:
        return str(_("Facebook's rate limit was reached: retry in a while."))
    return str(_("Facebook refused the post."))


def connection_for(page: Page) -> FacebookConnection | None:
    """The Facebook connection of the site ``page`` belongs to."""
    site = page.get_site()
    if site is None:
        return None
    return FacebookConnection.objects.filter(site=site).first()


def default_message(page: Page) -> str:
    """The post's text when editors wrote none: the title and the summary."""
    page = page.specific
    summary = getattr(page, "lead", "") or getattr(page, "intro", "") or ""
    return f"{page.title}\n\n{summary}".strip()


def _enqueue(post: FacebookPost) -> None:
    from ..tasks import post_to_facebook_task

    transaction.on_commit(lambda: post_to_facebook_task.enqueue(post.pk))


@transaction.atomic
def facebook_choose(*, page: Page, user, message: str = "") -> FacebookPost:
    """Choose ``page`` for the Facebook channel; a live page is posted at once, a draft
    or scheduled one when it goes live. Choosing again changes only the message."""
    post, created = FacebookPost.objects.get_or_create(
        page=page, defaults={"chosen_by": user, "message": message}
    )
    if not created and post.state == State.WAITING:
        post.message = message
        post.save(update_fields=["message"])
    # Read from the database: the caller's instance may predate a publication.
    if post.state == State.WAITING and Page.objects.filter(pk=page.pk, live=True).exists():
        _enqueue(post)
    return post


def facebook_cancel(*, page: Page) -> bool:
    """Take ``page`` off the Facebook channel, if it was not posted or being posted."""
    deleted, _by_model = FacebookPost.objects.filter(page=page, state=State.WAITING).delete()
    return bool(deleted)


@transaction.atomic
def facebook_retry(*, post: FacebookPost) -> bool:
    """Send a failed post again; True when it was failed and is now waiting."""
    updated = FacebookPost.objects.filter(pk=post.pk, state=State.FAILED).update(
        state=State.WAITING
    )
    if updated and Page.objects.filter(pk=post.page_id, live=True).exists():
        _enqueue(post)
    return bool(updated)


def waiting_live_posts() -> QuerySet:
    """Posts still waiting whose page is live (the periodic sweep enqueues them)."""
    return FacebookPost.objects.filter(state=State.WAITING, page__live=True)


def claim(post_id: int) -> bool:
    """Take the post for this worker: one conditional UPDATE, won by one caller only."""
    return bool(
        FacebookPost.objects.filter(pk=post_id, state=State.WAITING, page__live=True).update(
            state=State.POSTING, claimed_at=timezone.now()
        )
    )


def _graph_error(response: outbound.Response) -> tuple[int | None, str]:
    try:
        error = json.loads(response.text()).get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    code = error.get("code")
    message = error.get("message") or response.text(200) or f"HTTP {response.status}"
    return (code if isinstance(code, int) else None), str(message)[:MAX_ERROR_LENGTH]


def permalink(page_id: str, post_id: str) -> str:
    """The address of a Page post from its Graph id (``{page-id}_{post-id}``)."""
    _page, _sep, story = post_id.partition("_")
    return f"https://www.facebook.com/{page_id}/posts/{story or post_id}"


def _fail(post: FacebookPost, *, code: int | None, message: str) -> None:
    post.state = State.FAILED
    post.error_code = code
    post.error_message = message
    post.save(update_fields=["state", "error_code", "error_message"])
    logger.warning("Facebook post of page %s failed: %s %s", post.page_id, code, message)


def facebook_publish(*, post_id: int) -> str:
    """Post the page of ``post_id`` to its site's Facebook Page, once; return what
    happened (``posted``, ``failed``, ``off`` or ``not claimed``)."""
    post = FacebookPost.objects.select_related("page").filter(pk=post_id).first()
    if post is None:
        return "not claimed"
    connection = connection_for(post.page)
    if connection is None or not connection.can_post:
        # Stays waiting: posting starts when the site is connected and switched on.
        return "off"
    if not claim(post_id):
        return "not claimed"
    post.refresh_from_db()
    post.attempts += 1
    post.save(update_fields=["attempts"])
    page = post.page.specific
    try:
        token = connection.get_token()
    except TokenUnreadable:
        _fail(post, code=None, message="The stored token cannot be decrypted (S6_CHANNELS_KEY).")
        return "failed"
    body = urlencode(
        {
            "message": post.message or default_message(page),
            "link": page.get_full_url(),
            "access_token": token,
        }
    ).encode()
    try:
        response = outbound.fetch(
            f"{graph_url()}/{connection.page_id}/feed",
            method="POST",
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    except outbound.OutboundError as error:
        _fail(post, code=None, message=str(error)[:MAX_ERROR_LENGTH])
        return "failed"
    if not response.ok:
        code, message = _graph_error(response)
        _fail(post, code=code, message=message)
        return "failed"
    try:
        graph_id = str(json.loads(response.text())["id"])
    except (ValueError, KeyError, TypeError):
        _fail(post, code=None, message=f"Unexpected answer from Graph: {response.text(200)}")
        return "failed"
    post.state = State.POSTED
    post.post_id = graph_id
    post.permalink = permalink(connection.page_id, graph_id)
    post.posted_at = timezone.now()
    post.error_code = None
    post.error_message = ""
    post.save()
    return "posted"
