"""Who may see what in the shared admin, beyond what Wagtail's permissions decide."""

from django.db.models import Q
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from .roles import HEAD_OF_DEPARTMENT_GROUP


def is_central_team(user) -> bool:
    """Whether ``user`` coordinates every site: the central team and superusers.

    Decided by the permission to manage institutions, which only the central team's
    group ("Compartiment Mass Media") holds, so granting it elsewhere is explicit.
    """
    return bool(user and user.is_active and user.has_perm("subsites.change_institution"))


def is_head_of_department(user) -> bool:
    """Whether ``user`` is the head of department (in the "Șef Compartiment Mass Media"
    group), who approves event budgets and sets the year's allocations."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(name=HEAD_OF_DEPARTMENT_GROUP).exists()


def may_see_department_records(user) -> bool:
    """Whether ``user`` may open the department's own records and reports (budgets, the
    gifts register): the central team, the head of department and superusers."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or is_central_team(user) or is_head_of_department(user)


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


def own_page_paths(user) -> list[str] | None:
    """The tree paths of the branches ``user`` works on; ``None`` for every branch.

    An institution editor's branches are its site's locale roots (where its group holds
    page permissions); the central team holds them on the root, so every page is its own.
    """
    if user.is_superuser:
        return None
    policy = policy_registry.get_by_type(Page)
    paths = {permission.page.path for permission in policy.get_cached_permissions_for_user(user)}
    if any(len(path) <= Page.steplen for path in paths):
        return None
    return sorted(paths)


def owns_page(user, page: Page) -> bool:
    """Whether ``page`` is in a branch ``user`` works on, drafts and all."""
    paths = own_page_paths(user)
    return paths is None or any(page.path.startswith(path) for path in paths)


def pages_visible_to(user, pages):
    """``pages`` narrowed to what ``user`` may see named in the admin.

    Their own branches in every state, and any other site's page only while it is live:
    an unpublished page of another institution (a headline under embargo) is not shown,
    not even by its title. Callers show those live pages by :func:`live_title`.
    """
    paths = own_page_paths(user)
    if paths is None:
        return pages
    return pages.filter(in_branches(paths) | Q(live=True))


def own_pages(user, pages):
    """``pages`` narrowed to the branches ``user`` works on (see :func:`own_page_paths`)."""
    paths = own_page_paths(user)
    return pages if paths is None else pages.filter(in_branches(paths))


def in_branches(paths: list[str]) -> Q:
    """Pages under any of ``paths``; no page when there is none."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def live_title(page: Page) -> str:
    """The title the public reads for a live ``page``, whatever its draft says.

    The page row keeps the live title while a draft waits, but the live revision is what
    was approved, so it decides whenever the page has unpublished changes.
    """
    if page.has_unpublished_changes and page.live_revision_id:
        revision = page.live_revision
        return revision.content.get("title", page.title) if revision else page.title
    return page.title


def page_as_seen_by(user, page: Page) -> Page | None:
    """``page`` as ``user`` may see it named: as it is, its live face, or ``None``.

    Another site's live page is shown by its live title and status, with no sign of a
    waiting draft (its draft title, its "live + draft" status, its last edit time). The
    instance is changed in memory only, for rendering; it must not be saved.
    """
    if owns_page(user, page):
        return page
    if not page.live:
        return None
    if page.has_unpublished_changes:
        page.title = page.draft_title = live_title(page)
        page.has_unpublished_changes = False
        page.latest_revision_created_at = page.last_published_at
    return page


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
