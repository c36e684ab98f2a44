"""The origin of news a site lists from another site: the label and link of its card."""

from site_s6.core.sites import site_index


def label_shared(pages, *, site_id: int | None, request=None):
    """Mark each of ``pages`` that comes from another site than ``site_id`` with its origin.

    Sets ``syndicated_from`` (the institution's short name), ``syndicated_site_url`` (the
    address of the institution's site) and ``syndicated_url`` (the page's absolute
    address on that site); pages of the site itself get ``None`` in all three.
    ``pages`` may be a list, a queryset or a paginator page, which is returned with its
    items evaluated once so that the marks stay on them. No query: the index knows.
    """
    items = list(pages)
    if hasattr(pages, "object_list"):
        pages.object_list = items
    index = site_index()
    for page in items:
        page.syndicated_from = page.syndicated_site_url = page.syndicated_url = None
        origin = index.entry_for(page)
        if origin is None or origin.pk == site_id or origin.institution is None:
            continue
        page.syndicated_from = origin.institution.short_name
        page.syndicated_site_url = origin.site.root_url
        page.syndicated_url = page.get_full_url(request=request)
    return pages if hasattr(pages, "object_list") else items
