"""What institutions tell the index of sites, and the institution a page belongs to.

The index itself (``site_s6.core.sites``) knows Wagtail's sites and their locale roots;
this module adds, through the ``s6_describe_sites`` hook, which of them serve (an
inactive institution's site serves nothing), which institution runs each, and which one
receives the news the others share: the city hall's, found by its ``kind``.
"""

from wagtail.models import Page, Site

from site_s6.core.sites import SiteFacts, site_index

from .models import Institution


def describe_sites(sites: list[Site]) -> dict[int, SiteFacts]:
    """The facts of every site an institution runs (one query)."""
    institutions = Institution.objects.filter(site__in=[site.pk for site in sites])
    return {
        institution.site_id: SiteFacts(
            is_serving=institution.is_active,
            receives_shared_news=institution.kind == Institution.Kind.CITY_HALL,
            institution=institution,
        )
        for institution in institutions
    }


def site_is_serving(site: Site | None) -> bool:
    """False when ``site`` belongs to a deactivated institution."""
    if site is None:
        return True
    entry = site_index().get(site.pk)
    return entry is None or entry.is_serving


def institution_for(page: Page) -> Institution | None:
    """The institution whose site holds ``page``, or ``None`` outside every site."""
    entry = site_index().entry_for(page, serving_only=False)
    return entry.institution if entry else None


def institutions() -> list[Institution]:
    """Every institution with a site, city hall first, then by name."""
    found = [entry.institution for entry in site_index().entries.values() if entry.institution]
    return sorted(found, key=lambda institution: (institution.kind, institution.name))
