"""The group kit for "Pentru Sectorul 6": what an editor pastes into the group by hand.

Meta removed the Groups API for every version on 22 April 2024 (``publish_to_groups`` is
gone), so nothing can post to a group automatically: the kit gives the text and the
share dialog, and the person who posted marks it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from site_s6.core.text import ascii_slugify

from ..models import GroupKitMark

SHARER_URL = "https://www.facebook.com/sharer/sharer.php"


def hashtags(page: Page) -> list[str]:
    """``#Sectorul6`` and one hashtag per tag of the page, in CamelCase without diacritics."""
    tags = getattr(page.specific, "tags", None)
    names = [tag.name for tag in tags.all()] if tags is not None else []
    result = ["#Sectorul6"]
    for name in names:
        words = ascii_slugify(name).split("-")
        tag = "#" + "".join(word.capitalize() for word in words if word)
        if len(tag) > 1 and tag not in result:
            result.append(tag)
    return result


def kit_text(page: Page) -> str:
    """The ready-to-paste post: title, summary, link and hashtags."""
    page = page.specific
    summary = getattr(page, "lead", "") or getattr(page, "intro", "") or ""
    parts = [page.title, summary, page.get_full_url() or "", " ".join(hashtags(page))]
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def share_url(page: Page) -> str:
    """Facebook's share dialog for the page's public address."""
    return f"{SHARER_URL}?{urlencode({'u': page.get_full_url() or ''})}"


@transaction.atomic
def kit_mark(*, page: Page, user) -> GroupKitMark:
    """Record that ``user`` posted ``page`` in the group now (the first mark stays)."""
    mark, _created = GroupKitMark.objects.get_or_create(
        page=page, defaults={"marked_by": user, "marked_at": timezone.now()}
    )
    return mark


def kit_unmark(*, page: Page) -> bool:
    deleted, _by_model = GroupKitMark.objects.filter(page=page).delete()
    return bool(deleted)
