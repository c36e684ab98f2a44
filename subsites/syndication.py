"""News that institutions share with the city hall's site.

An institution editor ticks ``syndicate_to_main_site`` on a news page; the city hall's
news listing then carries it, labelled with the institution and linking to the page on
the institution's own site. Nothing is copied: the page stays where it was written.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Exists, Q, QuerySet
from wagtail.models import Locale, Page, Site

from site_s6.core.querysets import published

from .models import Institution
from .sites import InstitutionDirectory


def _news_model():
    return apps.get_model("news", "NewsPage")


def _site_pk(site: Site | int | None) -> int | None:
    return site.pk if isinstance(site, Site) else site


def page_site_id(page: Page) -> int | None:
    """The id of the site serving ``page``, from Wagtail's cached site root paths."""
    url_parts = page.get_url_parts()
    return url_parts[0] if url_parts else None


def is_main_site(site: Site | int | None) -> bool:
    """Whether ``site`` is the city hall's, the one that receives syndicated news."""
    site_pk = _site_pk(site)
    return site_pk is not None and (
        Institution.objects.filter(site_id=site_pk, kind=Institution.Kind.CITY_HALL).exists()
    )


def syndicated_news_for(site: Site | int | None, locale: Locale | int | None = None) -> QuerySet:
    """The news that active institutions share with ``site``, in ``locale`` (objects or ids).

    Live, public news pages flagged ``syndicate_to_main_site`` from the sites of active
    institutions other than ``site`` itself. Only the city hall's site receives them: for
    any other site, or none, the queryset is empty. ``locale`` defaults to the default
    content locale. The result is unordered, ready to combine with a site's own news;
    finding the sources costs one query.
    """
    news_model = _news_model()
    site_pk = _site_pk(site)
    if site_pk is None:
        return news_model.objects.none()
    locale = locale or Locale.get_default()
    source_sites = (
        Site.objects.filter(institution__is_active=True)
        .exclude(pk=site_pk)
        .values("root_page__translation_key")
    )
    receives = Institution.objects.filter(site_id=site_pk, kind=Institution.Kind.CITY_HALL)
    # Each source site's home in the requested language, if ``site`` receives at all.
    roots = list(
        Page.objects.filter(translation_key__in=source_sites, locale=locale)
        .filter(Exists(receives))
        .values_list("path", flat=True)
    )
    if not roots:
        return news_model.objects.none()
    within_sources = reduce(or_, (Q(path__startswith=path) for path in roots))
    return published(news_model.objects).filter(
        within_sources, syndicate_to_main_site=True, locale=locale
    )


def label_syndicated(
    pages,
    *,
    site: Site | int | None,
    local_root: Page | None = None,
    request=None,
    directory: InstitutionDirectory | None = None,
):
    """Mark each of ``pages`` that comes from another site than ``site`` with its origin.

    Sets ``syndicated_from`` (the institution's short name), ``syndicated_site_url`` (the
    address of the institution's site) and ``syndicated_url`` (the page's absolute
    address on that site); pages of ``site`` itself get ``None`` in all three. Pages
    under ``local_root`` (e.g. the listing's own index) are known to be local without
    asking. ``pages`` may be a list, a queryset or a paginator page, which is returned
    with its items evaluated once so that the marks stay on them. Finding institutions
    costs two queries, and none when every page is local.
    """
    items = list(pages)
    if hasattr(pages, "object_list"):
        pages.object_list = items
    site_pk = _site_pk(site)
    for page in items:
        page.syndicated_from = page.syndicated_site_url = page.syndicated_url = None
        if local_root is not None and page.path.startswith(local_root.path):
            continue
        if directory is None:
            directory = InstitutionDirectory()
        institution = directory.institution_for(page)
        if institution is None or institution.site_id == site_pk:
            continue
        page.syndicated_from = institution.short_name
        page.syndicated_site_url = institution.site.root_url
        page.syndicated_url = page.get_full_url(request=request)
    return pages if hasattr(pages, "object_list") else items
