"""Page slugs in plain ASCII, numbered when a sibling already has one.

Used by ``BasePage`` (pages made in code, fixtures, imports) and by ``BasePageForm``
(pages made in the admin), so both give the same slug for the same title.
"""

from wagtail.models import Page

from .text import ascii_slugify


def slug_is_available(slug: str, parent: Page | None, page: Page | None = None) -> bool:
    """Whether no sibling of ``page`` under ``parent`` has ``slug`` (a root's is free)."""
    if parent is None:
        return True
    siblings = Page.objects.child_of(parent)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return not siblings.filter(slug=slug).exists()


def available_slug(base_slug: str, parent: Page | None, page: Page | None = None) -> str:
    """``base_slug``, or ``base_slug-2``, ``-3``... when a sibling already has it."""
    candidate, suffix = base_slug, 1
    while not slug_is_available(candidate, parent, page):
        suffix += 1
        candidate = f"{base_slug}-{suffix}"
    return candidate


def title_slug(title: str, parent: Page | None, page: Page | None = None) -> str:
    """The ASCII slug of ``title`` free under ``parent``; "" when the title gives none."""
    base_slug = ascii_slugify(title or "")
    return available_slug(base_slug, parent, page) if base_slug else ""
