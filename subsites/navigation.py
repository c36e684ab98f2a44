"""The city hall's site as the hub: the links to its institutions' sites.

The list is built from the institutions register (``subsites.Institution``, as the index
of sites knows it), never typed by hand: provisioning an institution adds its site to
the list, deactivating it takes it away. Each link leads to the institution's home page
in the visitor's language (``/en/`` in English) when the site has one, else to its home
page in the default language.

The links are worked out once per global generation (``site_s6.core.generations``), the
one the index of sites is built for: a site, an institution or a home page that changes
bumps it, which retires the links with the index.
"""

import threading
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from site_s6.core.sites import SiteIndex, site_index


@dataclass(frozen=True)
class InstitutionLink:
    """One institution's site, as a link in the city hall's navigation."""

    name: str
    short_name: str
    url: str
    language_code: str


_lock = threading.Lock()
_links: dict[tuple[int, int, str], list[InstitutionLink]] = {}


def _home_url(root_url: str, language_code: str) -> str:
    """The address of a home page in ``language_code``: the site's root, with the
    language's prefix (none for the default language)."""
    with translation.override(language_code):
        return root_url + reverse("wagtail_serve", args=[""])


def _build(index: SiteIndex, site_id: int, language_code: str) -> list[InstitutionLink]:
    entry = index.get(site_id)
    if entry is None or not entry.facts.receives_shared_news:
        return []
    others = [
        other
        for other in index.serving()
        if other.pk != site_id and other.institution is not None and other.roots
    ]
    live = set(
        Page.objects.filter(
            pk__in=[root.page_id for other in others for root in other.roots], live=True
        ).values_list("pk", flat=True)
    )
    links = []
    for other in others:
        roots = {root.language_code: root for root in other.roots if root.page_id in live}
        root = roots.get(language_code) or roots.get(settings.LANGUAGE_CODE)
        if root is None:
            continue
        institution = other.institution
        links.append(
            InstitutionLink(
                name=institution.name,
                short_name=institution.short_name,
                url=_home_url(other.site.root_url, root.language_code),
                language_code=root.language_code,
            )
        )
    return sorted(links, key=lambda link: link.name)


def institution_links(*, site_id: int, language_code: str) -> list[InstitutionLink]:
    """The sites of the other institutions, for the site ``site_id`` when it is the one
    that receives their shared news (the city hall's); none for any other site.

    Answered from memory for the current generation of the index of sites; at most one
    query (which home pages are live) when it changes.
    """
    index = site_index()
    key = (index.generation, site_id, language_code)
    links = _links.get(key)
    if links is None:
        links = _build(index, site_id, language_code)
        with _lock:
            # Entries of older generations can never be asked for again.
            for stale in [k for k in _links if k[0] != index.generation]:
                _links.pop(stale, None)
            _links[key] = links
    return links
