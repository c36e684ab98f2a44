"""Admin views that name pages, narrowed to what an institution editor may see.

An institution editor sees its own institution's pages in every state and any other
site's page only while it is live, by its live title (``access.pages_visible_to``,
``access.page_as_seen_by``). Wagtail 8.0 filters the page chooser's list through the
``construct_page_chooser_queryset`` hook (see ``wagtail_hooks``), but it has no hook for
what the chooser *shows* of each listed page (its draft title, its "live + draft"
status), for the chooser's parent page, nor for the move-confirm and bulk-action
confirm pages, which name any page by its id before a permission is checked;
wagtail-localize 1.14's translations report has no hook either. Those views are
answered here, at their own addresses, by subclasses of Wagtail's public views: the
project's URLconf includes ``urlpatterns`` before Wagtail's admin.
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.bulk_action import index as bulk_action_index
from wagtail.admin.views.pages.move import MoveConfirmView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.views.report import TranslationsReportView

from .access import (
    is_central_team,
    own_page_paths,
    own_pages,
    owns_page,
    page_as_seen_by,
    pages_visible_to,
)


class SeenPageTitleColumn(chooser.PageTitleColumn):
    """The chooser's title cell, showing another site's page by its live face."""

    def get_value(self, instance):
        page_as_seen_by(self.user, instance)
        return super().get_value(instance)

    def get_cell_context_data(self, instance, parent_context):
        page_as_seen_by(self.user, instance)
        return super().get_cell_context_data(instance, parent_context)


class SeenParentPageColumn(chooser.ParentPageColumn):
    """The search results' parent cell: nothing for a parent the user may not see."""

    def get_value(self, instance):
        parent = instance.get_parent()
        return page_as_seen_by(self.user, parent) if parent else None


def seen_columns(columns, user):
    """Wagtail's chooser columns with the title and parent cells swapped for ours."""
    swapped = []
    for column in columns:
        if type(column) is chooser.PageTitleColumn:
            column = SeenPageTitleColumn(
                column.name, label=column.label, is_multiple_choice=column.is_multiple_choice
            )
        elif type(column) is chooser.ParentPageColumn:
            column = SeenParentPageColumn(column.name, label=column.label)
        column.user = user
        swapped.append(column)
    return swapped


class BrowseView(chooser.BrowseView):
    """The page chooser's browser, refusing to open a page the user may not see."""

    @property
    def columns(self):
        return seen_columns(super().columns, self.request.user)

    def get(self, request, parent_page_id=None):
        if parent_page_id:
            parent = get_object_or_404(Page, id=parent_page_id)
            if page_as_seen_by(request.user, parent) is None:
                raise Http404
        return super().get(request, parent_page_id)


class SearchView(chooser.SearchView):
    """The page chooser's search, showing other sites' pages by their live face."""

    @property
    def columns(self):
        return seen_columns(super().columns, self.request.user)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """The chooser's answer for several chosen pages, for pages the user may see only."""

    def get(self, request):
        visible = pages_visible_to(
            request.user, Page.objects.filter(pk__in=request.GET.getlist("id"))
        )
        pages = [page_as_seen_by(request.user, page) for page in visible.specific()]
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": page.get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


def refuse_unless_own_pages(view):
    """Answer 404 unless every page a view names by id is one of the user's own.

    The move-confirm page names the moved page and its destination, and the bulk-action
    confirm page every page in ``?id=`` (those the user may not act on included); an
    editor acts only on its own site's pages, so any other id is a page that does not
    exist, as Wagtail answers an unknown one.
    """

    def guarded(request, *args, **kwargs):
        ids = page_ids_named(request, kwargs)
        if ids is not None and own_page_paths(request.user) is not None:
            named = list(Page.objects.filter(pk__in=ids))
            if len(named) != len(set(ids)) or not all(
                owns_page(request.user, page) for page in named
            ):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


def page_ids_named(request, kwargs) -> list[int] | None:
    """The ids of the pages a guarded view names, or ``None`` for a view about no page."""
    if "page_to_move_id" in kwargs:
        return [kwargs["page_to_move_id"], kwargs["destination_id"]]
    try:
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    except LookupError:
        return None
    if not issubclass(model, Page):
        return None
    ids = request.GET.getlist("id")
    if "all" in ids:
        ids = [request.GET.get("childOf", "")]
    try:
        return [int(pk) for pk in ids]
    except ValueError as error:
        raise Http404 from error


class OwnTranslationsReportView(TranslationsReportView):
    """wagtail-localize's translations report, of the user's own pages only.

    Editors do not translate snippets (the central team does); a page's translations are
    listed when the page is in one of the user's branches.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if own_page_paths(self.request.user) is None:
            return queryset
        own = own_pages(self.request.user, Page.objects.all())
        return queryset.filter(source__object_id__in=own.values("translation_key"))


class OwnCollectionsMixin:
    """The admin API's media endpoints, listing what the user may choose or change (own
    collections and the shared visual identity), as the choosers do, not every upload."""

    def get_queryset(self):
        collections = policy_registry.get_by_type(
            self.model
        ).collections_user_has_any_permission_for(self.request.user, ["choose", "change"])
        return super().get_queryset().filter(collection__in=collections)


class OwnImagesAdminAPIViewSet(OwnCollectionsMixin, ImagesAdminAPIViewSet):
    pass


class OwnDocumentsAdminAPIViewSet(OwnCollectionsMixin, DocumentsAdminAPIViewSet):
    pass


class ExternalLinkView(chooser.ExternalLinkView):
    """The link chooser's "external link" step, kept as typed for institution editors.

    Wagtail 8.0 turns a URL of any site's live page into a page link and names the page by
    its draft title (``ExternalLinkView.post`` reads ``draft_title``, with no hook), which
    would show another institution's embargoed headline. For an institution editor the
    link stays the URL they typed; the central team keeps Wagtail's conversion.
    """

    def post(self, request):
        if is_central_team(request.user):
            return super().post(request)
        return chooser.BaseLinkFormView.post(self, request)


def admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path("choose-page/", admin_view(BrowseView.as_view())),
    path("choose-page/<int:parent_page_id>/", admin_view(BrowseView.as_view())),
    path("choose-page/search/", admin_view(SearchView.as_view())),
    path("choose-page/chosen-multiple/", admin_view(ChosenMultipleView.as_view())),
    path("choose-external-link/", admin_view(ExternalLinkView.as_view())),
    path(
        "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        admin_view(refuse_unless_own_pages(MoveConfirmView.as_view())),
    ),
    path(
        "bulk/<str:app_label>/<str:model_name>/<str:action>/",
        admin_view(refuse_unless_own_pages(bulk_action_index)),
    ),
    path(
        "localize/reports/translations/",
        admin_view(OwnTranslationsReportView.as_view()),
    ),
    path(
        "localize/reports/translations/results/",
        admin_view(OwnTranslationsReportView.as_view(results_only=True)),
    ),
]
