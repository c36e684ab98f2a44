from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet

from site_s6.core.sites import DESCRIBE_SITES_HOOK

from .access import (
    is_central_team,
    may_see_cross_site_reports,
    page_is_explorable,
    pages_visible_to,
)
from .admin_privacy import OwnDocumentsAdminAPIViewSet, OwnImagesAdminAPIViewSet
from .contacts import ContactPersonViewSet
from .dashboard import coordination_panels
from .forms import InstitutionCreateForm, InstitutionEditForm
from .models import Institution
from .sites import describe_sites, site_is_serving
from .submissions import is_institution_editor
from .views import InstitutionCreateView, MySubmissionsView


class InstitutionViewSet(ModelViewSet):
    """The central team's list of institutions; only the central team holds its permissions."""

    model = Institution
    icon = "site"
    menu_label = _("Institutions")
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = InstitutionCreateView
    copy_view_enabled = False
    list_display = [
        "name",
        "short_name",
        Column("site", label=_("site"), accessor="site.hostname"),
        "kind",
        BooleanColumn("is_active", label=_("active")),
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Institution.objects.select_related("site"), **kwargs
        )

    def get_form_class(self, for_update=False):
        return InstitutionEditForm if for_update else InstitutionCreateForm


@hooks.register("register_admin_viewset")
def register_institution_viewset():
    return InstitutionViewSet("institutions")


register_snippet(ContactPersonViewSet)


class MySubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_institution_editor(request.user)


@hooks.register("register_admin_urls")
def register_my_submissions_url():
    return [path("my-submissions/", MySubmissionsView.as_view(), name="subsites_my_submissions")]


@hooks.register("register_admin_menu_item")
def register_my_submissions_menu_item():
    return MySubmissionsMenuItem(
        _("My submissions"),
        reverse_lazy("subsites_my_submissions"),
        name="my-submissions",
        icon_name="tasks",
        order=150,
    )


@hooks.register("before_serve_page")
def refuse_pages_of_inactive_institutions(page, request, serve_args, serve_kwargs):
    # Deactivation keeps the content but stops the site from serving it.
    if not site_is_serving(page.get_site()):
        raise Http404


@hooks.register("construct_explorer_page_queryset")
def keep_explorer_inside_own_sites(parent_page, pages, request):
    # Wagtail filters the listed pages by permission but still opens any page's listing
    # by its address, naming another site's pages; an editor gets a denial instead.
    if not page_is_explorable(request.user, parent_page):
        raise PermissionDenied
    return pages


@hooks.register("construct_page_chooser_queryset")
def keep_chooser_to_own_and_live_pages(pages, request):
    # Other sites' live pages stay choosable (links, related pages); their drafts do not
    # appear, and admin_privacy shows the live ones by their live title.
    return pages_visible_to(request.user, pages)


@hooks.register("construct_admin_api", order=100)
def keep_admin_media_api_to_own_collections(router):
    # Runs after Wagtail's own registrations, which it replaces under the same names.
    router.register_endpoint("images", OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", OwnDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_cross_site_reports(request, menu_items):
    # Matches the narrowed permission of the report itself (see access.py).
    if not may_see_cross_site_reports(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_homepage_panels")
def add_coordination_panels(request, panels):
    if is_central_team(request.user):
        panels.extend(coordination_panels())


@hooks.register(DESCRIBE_SITES_HOOK)
def describe_institution_sites(sites):
    # Which sites serve, who runs each, and which one receives shared news.
    return describe_sites(sites)
