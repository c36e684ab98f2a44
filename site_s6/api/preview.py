"""Headless preview: a signed, expiring token bound to one revision of one page.

The admin gives a headless front end a token (see :func:`headless_preview_url`); the
front end calls ``GET /api/v3/preview/?token=...`` and gets that revision's draft in the
detail shape of its collection. A token names one revision: it cannot open another, and
it stops working after ``S6_PREVIEW_TOKEN_MAX_AGE`` seconds (one hour by default).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from wagtail.models import Page, Revision

from .errors import ApiProblem

SALT = "site_s6.api.preview"


def token_max_age() -> int:
    return getattr(settings, "S6_PREVIEW_TOKEN_MAX_AGE", 3600)


def make_preview_token(revision: Revision) -> str:
    """A token that opens ``revision`` (of a page) for ``token_max_age()`` seconds."""
    return signing.dumps({"revision": revision.pk, "page": str(revision.object_id)}, salt=SALT)


def revision_for_token(token: str) -> Revision:
    """The page revision ``token`` opens; a 403 problem for a forged, foreign or expired
    token, a 404 when its revision no longer exists."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=token_max_age())
    except signing.SignatureExpired:
        raise ApiProblem(403, "This preview token has expired; open the preview again.") from None
    except signing.BadSignature:
        raise ApiProblem(403, "This preview token is not valid.") from None
    revision = (
        Revision.page_revisions.filter(pk=payload.get("revision"), object_id=payload.get("page"))
        .select_related("content_type")
        .first()
    )
    if revision is None:
        raise ApiProblem(404, "The revision of this preview no longer exists.")
    return revision


def headless_preview_url(page: Page, revision: Revision, frontend_url: str) -> str:
    """Where the admin sends an editor to preview ``revision`` on a headless front end."""
    query = urlencode({"preview_token": make_preview_token(revision), "id": page.pk})
    return f"{frontend_url.rstrip('/')}/preview/?{query}"


def frontend_url_of(page: Page) -> str:
    """The headless front-end address of ``page``'s site, or "" when Wagtail serves it."""
    from site_s6.core.models import FrontendSettings

    site = page.get_site()
    if site is None:
        return ""
    return FrontendSettings.for_site(site).frontend_url


def serve_headless_preview(page: Page, request):
    """The admin preview of ``page`` when its site has a headless front end: a page that
    sends the editor to the front end's preview of the page's latest saved revision.
    ``None`` when the site has no front end or the page has no revision yet."""
    from django.template.response import TemplateResponse

    revision = page.latest_revision if page.pk else None  # a new page has none yet
    frontend_url = frontend_url_of(page) if revision is not None else ""
    if not frontend_url:
        return None
    url = headless_preview_url(page, revision, frontend_url)
    return TemplateResponse(request, "api/headless_preview.html", {"page": page, "url": url})
