"""The contact people's admin screen: each institution keeps its own, the central team all.

The model lives in core with a plain ``site`` foreign key (core does not know the
institutions register); which sites a user speaks for is the register's business, so the
screen is registered here: an institution's editors list, add, edit and delete only the
contacts of their institution's site, the central team every site's.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from site_s6.core.models import ContactPerson

from .access import is_central_team
from .models import Institution


def contact_site_ids(user) -> list[int] | None:
    """The sites whose contacts ``user`` manages; ``None`` for every site (central team)."""
    if is_central_team(user):
        return None
    return list(
        Institution.objects.filter(
            editors_group__in=user.groups.all(), site__isnull=False
        ).values_list("site_id", flat=True)
    )


class SiteContactsPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited to the contacts of the user's own sites.

    Registered for the model, so every path Wagtail checks goes through it: the admin's
    views and choosers and Wagtail's own snippets API (``/api/v3/snippets/``).
    """

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        site_ids = contact_site_ids(user)
        return site_ids is None or instance.site_id in site_ids

    def instances_user_has_any_permission_for(self, user, actions):
        contacts = super().instances_user_has_any_permission_for(user, actions)
        site_ids = contact_site_ids(user)
        return contacts if site_ids is None else contacts.filter(site_id__in=site_ids)


contacts_policy = SiteContactsPolicy(ContactPerson)
register_permission_policy(ContactPerson, contacts_policy, exact_class=True)


class OwnContactsMixin:
    """Refuse another site's contact, whatever the address names.

    Wagtail's edit view checks the model permission only, not the instance.
    """

    def get_object(self, queryset=None):
        contact = super().get_object(queryset)
        if not contacts_policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "delete"], contact
        ):
            raise PermissionDenied
        return contact


class ContactEditView(OwnContactsMixin, EditView):
    pass


class ContactDeleteView(OwnContactsMixin, DeleteView):
    pass


class OwnSiteFormMixin:
    """An editor files a contact under their own site, and only there."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site_ids = contact_site_ids(self.for_user) if self.for_user else None
        if site_ids is not None and "site" in self.fields:
            self.fields["site"].queryset = Site.objects.filter(pk__in=site_ids)
            self.fields["site"].required = True
            if len(site_ids) == 1 and not self.initial.get("site"):
                self.initial["site"] = site_ids[0]


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact people")
    menu_name = "contact-people"
    # Next to Wagtail's Images and Documents (300 and 400): what editors attach to pages.
    menu_order = 450
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = ContactEditView
    delete_view_class = ContactDeleteView
    list_display = [
        "name",
        "role",
        Column("site", label=_("site"), accessor="site"),
    ]
    list_filter = ["site"]
    search_fields = ["name"]

    def get_queryset(self, request):
        contacts = ContactPerson.objects.select_related("site", "locale")
        site_ids = contact_site_ids(request.user)
        return contacts if site_ids is None else contacts.filter(site_id__in=site_ids)

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        return type("ContactPersonForm", (OwnSiteFormMixin, form_class), {})
