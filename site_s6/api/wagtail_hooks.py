"""The "Webhooks" admin menu: endpoints (editable) and their delivery log (read-only).

Access follows the models' permissions, which the central team holds
(``subsites.roles.CENTRAL_MODEL_PERMISSIONS``). The log has only a view permission, and a
policy that refuses adding, changing and deleting even to superusers: it is a record.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from site_s6.core.models import SERVE_PREVIEW_HOOK

from .preview import serve_headless_preview
from .webhooks.models import WebhookDelivery, WebhookEndpoint
from .webhooks.views import EndpointCreateView, EndpointEditView, RotateSecretView, SecretView


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing follows the model's view permission; nobody adds, changes or deletes."""

    WRITE_ACTIONS = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        if action in self.WRITE_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    """Endpoints; the secret is in no form and no column: it is shown once when made
    (creation, rotation) by the views in ``webhooks.views``."""

    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Endpoints")
    name = "webhook-endpoints"
    add_to_admin_menu = False
    copy_view_enabled = False
    add_to_reference_index = False
    add_view_class = EndpointCreateView
    edit_view_class = EndpointEditView
    form_fields = ["site", "url", "events", "active"]
    list_display = [
        "url",
        Column("site", label=_("site")),
        Column("events_display", label=_("events")),
        BooleanColumn("active", label=_("active")),
        DateColumn("created", label=_("created")),
    ]
    list_filter = ["site", "active"]
    search_fields = ["url"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            secret_url_name=self.get_url_name("secret"),
            rotate_secret_url_name=self.get_url_name("rotate_secret"),
            **kwargs,
        )

    @property
    def rotate_secret_view(self):
        return self.construct_view(RotateSecretView)

    @property
    def secret_view(self):
        return self.construct_view(SecretView)

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"rotate-secret/<{conv}:pk>/", self.rotate_secret_view, name="rotate_secret"),
            path(f"secret/<{conv}:pk>/", self.secret_view, name="secret"),
        ]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Delivery log")
    name = "webhook-deliveries"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    form_fields = []
    list_display = [
        Column("event", label=_("event"), accessor="get_event_display"),
        Column("endpoint", label=_("endpoint")),
        Column("attempt", label=_("attempt")),
        Column("status_code", label=_("status code")),
        BooleanColumn("succeeded", label=_("succeeded")),
        BooleanColumn("blocked", label=_("blocked")),
        Column("error", label=_("error")),
        Column("duration_ms", label=_("duration (ms)")),
        DateColumn("created", label=_("created")),
        DateColumn("next_retry_at", label=_("next retry at")),
    ]
    list_filter = ["endpoint", "event", "succeeded", "blocked"]
    inspect_view_fields = [
        "endpoint",
        "delivery_id",
        "event",
        "attempt",
        "succeeded",
        "blocked",
        "status_code",
        "error",
        "duration_ms",
        "created",
        "next_retry_at",
        "payload",
        "response_excerpt",
    ]


class WebhooksMenu(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_name = "webhooks"
    menu_icon = "link-external"
    menu_order = 270
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_webhooks_menu():
    return WebhooksMenu()


@hooks.register(SERVE_PREVIEW_HOOK)
def headless_preview(page, request):
    """A site with a headless front end previews there (``BasePage.serve_preview``)."""
    return serve_headless_preview(page, request)
