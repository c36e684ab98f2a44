"""Page slugs in plain ASCII, numbered when a sibling already has one.

Used by ``BasePage`` (pages made in code, fixtures, imports) and by ``BasePageForm``
(pages made in the admin), so both give the same slug for the same title.

A translation's slug: wagtail-localize copies the original's slug into a translation
unless the translator translates it too (on the editor's Promote tab, which few find), so
English pages would live at Romanian addresses. :func:`translation_slug` gives such a
translation the slug of its own title instead.
"""

from wagtail.models import Locale, Page

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


def translation_slug(page: Page) -> str | None:
    """The slug ``page`` should take when it is a translation still on its original's slug.

    ``None`` (keep the slug) for a page in the default language, a home page, an alias, a page whose
    title is its original's, or when the translator set a slug of their own. A translation
    that already has a slug of its own keeps it when it is saved again with the original's
    (wagtail-localize puts the untranslated slug back at every sync), so its address never
    moves; otherwise the slug of its title, free among its siblings.
    """
    if not (page.pk and page.path and page.slug and page.locale_id) or page.alias_of_id:
        return None
    if page.depth <= 2:
        return None  # a home page: its slug is in no address, and the index keeps its path
    default_locale = Locale.get_default()
    if page.locale_id == default_locale.pk:
        return None
    original = (
        Page.objects.filter(translation_key=page.translation_key, locale=default_locale)
        .values("slug", "title")
        .first()
    )
    if original is None or original["slug"] != page.slug or original["title"] == page.title:
        return None
    stored = Page.objects.filter(pk=page.pk).values_list("slug", flat=True).first()
    if stored and stored != original["slug"]:
        return stored
    return title_slug(page.title, page.get_parent(), page) or None
