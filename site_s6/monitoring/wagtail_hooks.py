"""The "Press review" admin menu: clippings to triage, sources, watches, digest
subscriptions, and the views to add a clipping by URL, import OPML, read the digest and
the coverage report. Shown to the central team and superusers only."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from subsites.access import is_central_team

from .digest import WAITING_HOOK
from .filters import ClippingFilterSet
from .models import Clipping, DigestSubscription, Source, Watch
from .permissions import CentralTeamPermissionPolicy, central_team_only
from .views import (
    AddByURLView,
    CoverageReportView,
    DigestPreviewView,
    OPMLExportView,
    OPMLImportView,
    TriageView,
)
from .waiting import press_office_waiting

MENU_HOOK = "register_press_review_menu_item"

for _model in (Source, Watch, Clipping, DigestSubscription):
    register_permission_policy(_model, CentralTeamPermissionPolicy(_model))


class PressReviewMenu(ViewSetGroup):
    menu_label = _("Press review")
    menu_name = "press-review"
    menu_icon = "doc-full-inverse"
    menu_order = 270
    submenu_hook = MENU_HOOK


class CentralTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return is_central_team(request.user)


class PressReviewViewSet(ModelViewSet):
    menu_hook = MENU_HOOK
    add_to_admin_menu = False
    copy_view_enabled = False
    # Pages linked from clippings must not list them in their usage: editors of other
    # institutions would see what the press wrote.
    add_to_reference_index = False
    search_backend_name = None

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = central_team_only(pattern.callback)
        return patterns


class ClippingViewSet(PressReviewViewSet):
    model = Clipping
    name = "monitoring_clippings"
    url_prefix = "press-review/clippings"
    icon = "doc-full"
    menu_label = _("Clippings")
    menu_order = 10
    inspect_view_enabled = True
    form_fields = [
        "title",
        "url",
        "outlet",
        "source",
        "published_at",
        "excerpt",
        "relevant",
        "tone",
        "topics",
        "institutions",
        "watches",
        "news_page",
        "campaign_page",
        "event_page",
    ]
    list_display = [
        "title",
        Column("outlet", label=_("outlet")),
        DateColumn("published_at", label=_("published at")),
        BooleanColumn("relevant", label=_("relevant")),
        Column("get_tone_display", label=_("tone")),
    ]
    filterset_class = ClippingFilterSet
    search_fields = ["title", "excerpt", "outlet"]
    list_export = ["title", "url", "outlet", "published_at", "relevant", "tone"]

    def get_queryset(self, request):
        return Clipping.objects.select_related("source")


class SourceViewSet(PressReviewViewSet):
    model = Source
    name = "monitoring_sources"
    url_prefix = "press-review/sources"
    icon = "link"
    menu_label = _("Sources")
    menu_order = 20
    inspect_view_enabled = True
    form_fields = ["name", "outlet_kind", "feed_url", "site_url", "active"]
    list_display = [
        "name",
        Column("get_outlet_kind_display", label=_("outlet kind")),
        BooleanColumn("active", label=_("active")),
        DateColumn("last_polled_at", label=_("last polled at")),
        Column("consecutive_errors", label=_("consecutive errors")),
        Column("last_error", label=_("last error")),
    ]
    list_filter = ["active", "outlet_kind"]
    search_fields = ["name", "feed_url"]
    inspect_view_fields = [
        "name",
        "outlet_kind",
        "feed_url",
        "site_url",
        "active",
        "last_polled_at",
        "consecutive_errors",
        "next_poll_after",
        "last_error",
        "etag",
        "last_modified",
    ]


class WatchViewSet(PressReviewViewSet):
    model = Watch
    name = "monitoring_watches"
    url_prefix = "press-review/watches"
    icon = "search"
    menu_label = _("Watches")
    menu_order = 30
    form_fields = ["phrase", "institution", "active"]
    list_display = [
        "phrase",
        Column("institution", label=_("institution")),
        BooleanColumn("active", label=_("active")),
    ]
    list_filter = ["active", "institution"]
    search_fields = ["phrase"]


class DigestSubscriptionViewSet(PressReviewViewSet):
    model = DigestSubscription
    name = "monitoring_subscriptions"
    url_prefix = "press-review/digest-subscriptions"
    icon = "mail"
    menu_label = _("Digest subscriptions")
    menu_order = 40
    form_fields = ["user", "active"]
    list_display = ["user", BooleanColumn("active", label=_("active")), DateColumn("created")]


clipping_viewset = ClippingViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        PressReviewMenu(),
        clipping_viewset,
        SourceViewSet(),
        WatchViewSet(),
        DigestSubscriptionViewSet(),
    ]


@hooks.register("register_admin_urls")
def register_press_review_urls():
    return [
        path("press-review/triage/", TriageView.as_view(), name="monitoring_triage"),
        path("press-review/add-by-url/", AddByURLView.as_view(), name="monitoring_add_by_url"),
        path("press-review/opml/import/", OPMLImportView.as_view(), name="monitoring_opml_import"),
        path("press-review/opml/export/", OPMLExportView.as_view(), name="monitoring_opml_export"),
        path("press-review/digest/", DigestPreviewView.as_view(), name="monitoring_digest"),
        path("press-review/coverage/", CoverageReportView.as_view(), name="monitoring_coverage"),
    ]


def _menu_item(label, url_name, icon, order):
    return CentralTeamMenuItem(label, reverse(url_name), icon_name=icon, order=order)


@hooks.register(MENU_HOOK)
def register_triage_item():
    return _menu_item(_("Triage clippings"), "monitoring_triage", "tasks", 5)


@hooks.register(MENU_HOOK)
def register_add_by_url_item():
    return _menu_item(_("Add a clipping by URL"), "monitoring_add_by_url", "link", 15)


@hooks.register(MENU_HOOK)
def register_opml_item():
    return _menu_item(_("Import or export OPML"), "monitoring_opml_import", "download", 25)


@hooks.register(MENU_HOOK)
def register_digest_item():
    return _menu_item(_("Morning digest"), "monitoring_digest", "mail", 50)


@hooks.register(MENU_HOOK)
def register_coverage_item():
    return _menu_item(_("Press coverage"), "monitoring_coverage", "doc-full-inverse", 60)


COVERED_PAGE_TYPES = ("news.newspage", "campaigns.campaignpage", "events.eventpage")


@hooks.register("register_page_header_buttons")
def coverage_page_header_button(page, user, view_name=None, **kwargs):
    """In the editor of a release, campaign or event: the clippings that cover it (of any
    of its translations), for the central team."""
    if view_name != "edit" or not is_central_team(user):
        return []
    if (
        page.specific_class is None
        or page.specific_class._meta.label_lower not in COVERED_PAGE_TYPES
    ):
        return []
    url = reverse(clipping_viewset.get_url_name("index")) + "?" + urlencode({"page_id": page.pk})
    return [Button(_("Press coverage"), url, icon_name="doc-full", priority=95)]


hooks.register(WAITING_HOOK, press_office_waiting)
