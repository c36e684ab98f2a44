from django.db.models import Count
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column

from site_s6.core.internal_admin import INTERNAL_PLANNING_MENU_HOOK, PageRecordViewSet

from .admin_views import (
    GiftRegisterMenuItem,
    GiftRegisterView,
    VisitFileEditView,
    visit_programme_pdf,
    visit_seating_pdf,
)
from .files import VisitFile


class VisitFileViewSet(PageRecordViewSet):
    """The internal files of the protocol visits, with the gifts register."""

    model = VisitFile
    page_field = "visit"
    icon = "folder-inverse"
    menu_label = _("Visit files and gifts")
    menu_order = 300
    edit_view_class = VisitFileEditView
    open_record_label = _("Visit file")
    create_record_label = _("Create visit file")
    list_display = [
        "visit",
        Column("delegation", label=_("Delegation"), accessor="visit.delegation_name"),
        Column("visit_start", label=_("Visit start"), accessor="visit.visit_start"),
        Column("gifts_count", label=_("Gifts"), sort_key="gifts_count"),
        "updated_at",
    ]
    list_filter = ["visit__scope"]
    search_fields = ["visit__title", "visit__delegation_name"]
    inspect_view_fields = ["visit", "logistics", "interpreters", "dietary_needs", "notes"]

    def get_index_view_kwargs(self, **kwargs):
        queryset = VisitFile.objects.select_related("visit").annotate(gifts_count=Count("gifts"))
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


visit_file_viewset = VisitFileViewSet("visit_files")


@hooks.register("register_admin_viewset")
def register_visit_file_viewset():
    return visit_file_viewset


@hooks.register("register_page_header_buttons")
def link_visit_to_its_file(page, user, view_name, next_url=None):
    return visit_file_viewset.page_header_buttons(page=page, user=user, view_name=view_name)


@hooks.register(INTERNAL_PLANNING_MENU_HOOK)
def register_gift_register_menu_item():
    return GiftRegisterMenuItem(
        _("Gifts register"),
        reverse_lazy("protocol_gift_register"),
        icon_name="tasks",
        order=310,
    )


@hooks.register("register_admin_urls")
def register_protocol_admin_urls():
    return [
        path("protocol/gifts-register/", GiftRegisterView.as_view(), name="protocol_gift_register"),
        path(
            "protocol/visit-files/<int:pk>/programme.pdf",
            visit_programme_pdf,
            name="protocol_visit_programme",
        ),
        path(
            "protocol/visit-files/<int:pk>/seating.pdf",
            visit_seating_pdf,
            name="protocol_visit_seating",
        ),
    ]
