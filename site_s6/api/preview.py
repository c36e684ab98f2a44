"""Headless preview: a signed, expiring token bound to one revision of one page.

The admin gives a headless front end a token (see :func:`headless_preview_url`); the
front end calls ``GET /api/v3/preview/?token=...`` and gets that revision's draft in the
detail shape of its collection. A token names one revision: it cannot open another, and
it stops working after ``S6_PREVIEW_TOKEN_MAX_AGE`` seconds (one hour by default).
"""

import time
import zlib
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


def token_clock_skew() -> int:
    """How far in the future (seconds) a token may be dated: the clocks of the servers that
    sign and check tokens may differ by this much."""
    return getattr(settings, "S6_PREVIEW_TOKEN_CLOCK_SKEW", 60)


def signed_at(token: str) -> float:
    """When a token whose signature was checked was signed (a Unix time)."""
    return signing.b62_decode(token.rsplit(":", 2)[-2])


def revision_ids(payload) -> tuple[int, str]:
    """The revision and page ids a signed payload names; a 400 problem when it is not the
    shape :func:`make_preview_token` signs (a token signed elsewhere with our salt)."""
    if not isinstance(payload, dict):
        raise ApiProblem(400, "This preview token is malformed.")
    revision, page = payload.get("revision"), payload.get("page")
    if type(revision) is not int or not isinstance(page, str) or not page.isascii():
        raise ApiProblem(400, "This preview token is malformed.")
    if not page.isdigit() or not (0 < revision < 2**63) or not (0 < int(page) < 2**63):
        raise ApiProblem(400, "This preview token is malformed.")
    return revision, page


def revision_for_token(token: str) -> Revision:
    """The page revision ``token`` opens; a 403 problem for a forged, foreign, expired or
    future-dated token, a 400 for a signed but malformed one, a 404 when its revision no
    longer exists."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=token_max_age())
    except signing.SignatureExpired:
        raise ApiProblem(403, "This preview token has expired; open the preview again.") from None
    except signing.BadSignature:
        raise ApiProblem(403, "This preview token is not valid.") from None
    except (ValueError, UnicodeError, zlib.error):
        # Signed with our key and salt, but its payload is not compressed JSON.
        raise ApiProblem(400, "This preview token is malformed.") from None
    # Django accepts any age up to max_age, a negative one included: a token dated in the
    # future would outlive its hour.
    if signed_at(token) > time.time() + token_clock_skew():
        raise ApiProblem(403, "This preview token is dated in the future.")
    revision_id, page_id = revision_ids(payload)
    revision = (
        Revision.page_revisions.filter(pk=revision_id, object_id=page_id)
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
