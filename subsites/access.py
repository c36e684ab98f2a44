"""Who may see what in the shared admin, beyond what Wagtail's permissions decide."""

from wagtail.models import Page, Site
from wagtail.permissions import policy_registry


def is_central_team(user) -> bool:
    """Whether ``user`` coordinates every site: the central team and superusers.

    Decided by the permission to manage institutions, which only the central team's
    group ("Compartiment Mass Media") holds, so granting it elsewhere is explicit.
    """
    return bool(user and user.is_active and user.has_perm("subsites.change_institution"))


def page_is_explorable(user, page: Page) -> bool:
    """Whether ``user`` may list ``page``'s children in the explorer.

    True for the tree's root, for pages where the user holds a page permission and their
    descendants, and for the ancestors leading to them; false for the branches of other
    sites, which Wagtail would otherwise open (with an empty listing) to anyone who types
    their address.
    """
    if user.is_superuser or page.depth == 1:
        return True
    policy = policy_registry.get_by_type(Page)
    return any(
        page.path.startswith(permission.page.path) or permission.page.path.startswith(page.path)
        for permission in policy.get_cached_permissions_for_user(user)
    )


def sites_visible_to(request):
    """The sites whose home page ``request.user`` may explore, for the page filters."""
    sites = Site.objects.select_related("root_page").order_by("hostname", "port")
    user = getattr(request, "user", None)
    if user is None or user.is_superuser:
        return sites
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    return sites.filter(root_page__in=explorable.values("pk"))


def limit_page_site_filter():
    """Offer only the sites a user may explore in the page listings' "Site" filter.

    Wagtail's filter lists every site to everyone, which names the other institutions'
    sites to an institution editor. There is no hook for it, so the filter (shared by
    every page listing's filter set) gets a request-aware queryset at start-up.
    """
    from wagtail.admin.views.pages.listing import PageFilterSet

    PageFilterSet.declared_filters["site"].queryset = sites_visible_to


def may_see_cross_site_reports(user) -> bool:
    """Whether ``user`` publishes pages (the central team), who may see every site's totals."""
    return policy_registry.get_by_type(Page).user_has_permission(user, "publish")


def limit_page_types_report():
    """Keep Wagtail's "Page types usage" report, which lists every site's pages, to publishers.

    Wagtail opens it to anyone who may add or edit a page anywhere, showing the latest
    page of each type on every site; the view's required permission is a class attribute
    read on each request, so narrowing it at start-up needs no URL of our own.
    """
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

    PageTypesUsageReportView.any_permission_required = ["publish"]
