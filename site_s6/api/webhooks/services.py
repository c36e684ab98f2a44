"""Writes on webhook endpoints that are more than a form save."""

from .models import WebhookEndpoint, generate_secret


def endpoint_rotate_secret(*, endpoint: WebhookEndpoint) -> str:
    """Give ``endpoint`` a new secret and return it; the old one stops signing at once,
    pending retries included (they sign when they run)."""
    endpoint.secret = generate_secret()
    endpoint.save(update_fields=["secret"])
    return endpoint.secret
