"""The API app's models: the webhook endpoints and their delivery log."""

from .webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from .webhooks.signals import connect_signals

__all__ = ["Event", "WebhookDelivery", "WebhookEndpoint"]

# Connected here, where Django always imports it, rather than from the app config.
connect_signals()
