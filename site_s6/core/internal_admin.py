"""Admin plumbing shared by the internal records kept beside pages (plans, visit files).

Each content app registers its own view set; they all land in one "Internal planning"
menu, which collects them through its own menu hook rather than a fixed list, so no app
has to import the others. Core registers the menu (``core/wagtail_hooks.py``); the content
apps only contribute their view sets.
"""

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import policy_registry

from .validators import is_database_id

INTERNAL_PLANNING_MENU_HOOK = "register_internal_planning_menu_item"


class InternalPlanningMenu(ViewSetGroup):
    """The sidebar menu of the internal records; shown to users who may open one of them."""

    menu_label = _("Internal planning")
    menu_name = "internal-planning"
    menu_icon = "clipboard-list"
    menu_order = 260
    submenu_hook = INTERNAL_PLANNING_MENU_HOOK


class MoneyColumn(Column):
    """An amount in lei, always with its two decimals and the locale's separators."""

    def get_value(self, instance):
        value = super().get_value(instance)
        # Sums annotated by SQLite come back without their scale (500 for 500.00).
        return None if value is None else number_format(value, 2, force_grouping=True)


class PageRecordCreateView(CreateView):
    """The create view, with the page preselected when the link names it (``?event=12``)."""

    page_field = None

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get(self.page_field, "")
        # A number no page id can be (past the database's integers) preselects nothing.
        if page_id.isdigit() and is_database_id(int(page_id)):
            initial[self.page_field] = int(page_id)
        return initial


class PageRecordViewSet(ModelViewSet):
    """The admin views of an internal record that belongs to exactly one page.

    Access follows the model's add/change/delete/view permissions (Wagtail's model
    permission policy). No copies (one record per page), and no reference index entries:
    a page's usage listing would otherwise name the record to page editors who cannot
    open it.
    """

    #: The name of the record's one-to-one field to its page.
    page_field = None
    #: The labels of the page editor's link to the record.
    open_record_label = ""
    create_record_label = ""

    menu_hook = INTERNAL_PLANNING_MENU_HOOK
    add_view_class = PageRecordCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(page_field=self.page_field, **kwargs)

    def page_header_buttons(self, *, page, user, view_name) -> list[Button]:
        """For ``register_page_header_buttons``: link the page's editor to its record.

        Shown in the edit view of the record's page type, to users whose permissions allow
        opening the record (or creating it, prefilled for this page). The record of any
        translation of the page counts: translations share one record.
        """
        page_model = self.model._meta.get_field(self.page_field).related_model
        if view_name != "edit" or not isinstance(page, page_model):
            return []
        policy = policy_registry.get_by_type(self.model)
        record = (
            self.model.objects.filter(
                **{f"{self.page_field}__translation_key": page.translation_key}
            )
            .only("pk")
            .first()
        )
        if record is not None:
            if policy.user_has_permission(user, "change"):
                url = reverse(self.get_url_name("edit"), args=[record.pk])
            elif policy.user_has_permission(user, "view"):
                url = reverse(self.get_url_name("inspect"), args=[record.pk])
            else:
                return []
            label = self.open_record_label
        elif policy.user_has_permission(user, "add"):
            url = reverse(self.get_url_name("add")) + "?" + urlencode({self.page_field: page.pk})
            label = self.create_record_label
        else:
            return []
        return [Button(label, url, icon_name=self.icon, priority=90)]
