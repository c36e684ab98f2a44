"""Places for new children in Wagtail's page tree (treebeard's materialised paths).

A page's ``path`` is its parent's path plus a fixed-width step (four characters of
``Page.alphabet``); ``depth`` counts the steps; ``url_path`` is the parent's plus the
slug. Slugs stay unique among siblings, as Wagtail's own validation requires.
"""

from django.db.models import F
from wagtail.models import Page

from site_s6.core.text import ascii_slugify

MAX_SLUG_LENGTH = 80


class ChildSlots:
    """Hands out paths, URL paths and unique slugs for new children of ``parent``."""

    def __init__(self, parent: Page):
        self.parent = parent
        last = parent.get_last_child()
        self._last_step = Page.numconv_obj().str2int(last.path[-Page.steplen :]) if last else 0
        self._slugs = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        self.added = 0

    def slug_for(self, title: str) -> str:
        """A slug made from ``title``, numbered when a sibling already has it."""
        base = ascii_slugify(title)[:MAX_SLUG_LENGTH].strip("-") or "pagina"
        slug, number = base, 1
        while slug in self._slugs:
            number += 1
            suffix = f"-{number}"
            slug = base[: MAX_SLUG_LENGTH - len(suffix)] + suffix
        self._slugs.add(slug)
        return slug

    def place(self, page: Page, title: str) -> None:
        """Give ``page`` the next child position under the parent, and a unique slug."""
        self._last_step += 1
        self.added += 1
        page.slug = self.slug_for(title)
        page.depth = self.parent.depth + 1
        page.path = self.parent.path + self.step_key(self._last_step)
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.numchild = 0

    @staticmethod
    def step_key(step: int) -> str:
        """The fixed-width step of the ``step``-th child, padded as treebeard pads it."""
        return Page.numconv_obj().int2str(step).rjust(Page.steplen, Page.alphabet[0])

    def commit_numchild(self) -> int:
        """Record the children placed since the last call on the parent; returns how many."""
        added, self.added = self.added, 0
        if added:
            Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + added)
        return added
