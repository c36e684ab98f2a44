"""Admin views of the webhook endpoints that handle the secret.

The secret is shown exactly once: the view that makes it (creation or rotation) keeps it
in the server-side session and redirects to ``SecretView``, which takes it out of the
session as it shows it. Reloading that page, the listing and the edit form never show it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from .models import WebhookEndpoint
from .services import endpoint_rotate_secret

SESSION_KEY = "s6-webhook-secret-{pk}"


def remember_secret(request, endpoint: WebhookEndpoint) -> None:
    """Keep the new secret for the one page that shows it (sessions are server-side)."""
    request.session[SESSION_KEY.format(pk=endpoint.pk)] = endpoint.secret


def take_secret(request, endpoint: WebhookEndpoint) -> str | None:
    """The secret kept for ``endpoint``, removed as it is read."""
    return request.session.pop(SESSION_KEY.format(pk=endpoint.pk), None)


class EndpointCreateView(CreateView):
    """Creates the endpoint with a generated secret, then shows that secret once."""

    secret_url_name = None

    def save_instance(self):
        endpoint = super().save_instance()
        remember_secret(self.request, endpoint)
        return endpoint

    def get_success_url(self):
        return reverse(self.secret_url_name, args=[self.object.pk])


class EndpointEditView(EditView):
    """The usual edit form (it has no secret field), with a "Rotate secret" action."""

    rotate_secret_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.rotate_secret_url_name:
            buttons.append(
                Button(
                    _("Rotate secret"),
                    url=reverse(self.rotate_secret_url_name, args=[self.object.pk]),
                    icon_name="key",
                    priority=15,
                )
            )
        return buttons


class EndpointSecretMixin(WagtailAdminTemplateMixin):
    """One endpoint, for a user who may change it."""

    model = WebhookEndpoint
    header_icon = "key"
    index_url_name = None
    edit_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.object = get_object_or_404(WebhookEndpoint, pk=kwargs["pk"])
        policy = policy_registry.get_by_type(WebhookEndpoint)
        if not policy.user_has_permission_for_instance(request.user, "change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(self.index_url_name), "label": _("Webhook endpoints")},
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            endpoint=self.object,
            edit_url=reverse(self.edit_url_name, args=[self.object.pk]),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )


class RotateSecretView(EndpointSecretMixin, TemplateView):
    """Asks to confirm, then gives the endpoint a new secret and shows it once."""

    template_name = "api/webhooks/rotate_secret.html"
    page_title = _("Rotate secret")
    secret_url_name = None

    def post(self, request, *args, **kwargs):
        endpoint_rotate_secret(endpoint=self.object)
        remember_secret(request, self.object)
        messages.success(
            request,
            _("The secret of %(endpoint)s was replaced; the old one no longer signs.")
            % {"endpoint": self.object},
        )
        return redirect(self.secret_url_name, self.object.pk)


class SecretView(EndpointSecretMixin, TemplateView):
    """Shows a new secret once; afterwards, says how to get another one."""

    template_name = "api/webhooks/secret.html"
    page_title = _("Webhook secret")
    rotate_secret_url_name = None

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            secret=take_secret(self.request, self.object),
            rotate_url=reverse(self.rotate_secret_url_name, args=[self.object.pk]),
            **kwargs,
        )
