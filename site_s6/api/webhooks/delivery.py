"""The background delivery of one webhook event: signed POST, log, retry with backoff."""

import contextlib
import datetime
import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
#: Seconds before the 2nd, 3rd, 4th and 5th attempt.
RETRY_DELAYS = (30, 120, 600, 3600)
EXCERPT_LENGTH = 500
USER_AGENT = "S6-Webhooks/1"


def request_timeout() -> float:
    """Seconds to connect and to wait for each read of the receiver's answer."""
    return float(getattr(settings, "S6_WEBHOOK_TIMEOUT", 5))


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "S6_WEBHOOK_RETRY_DELAYS", RETRY_DELAYS))


def max_attempts() -> int:
    return int(getattr(settings, "S6_WEBHOOK_MAX_ATTEMPTS", MAX_ATTEMPTS))


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def sign(secret: str, body: bytes) -> str:
    """The ``X-S6-Signature`` header value of ``body``."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirect is an answer of its own (a failure), never a silent GET elsewhere.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _excerpt(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")[:EXCERPT_LENGTH]


def post(endpoint: WebhookEndpoint, payload: dict) -> dict:
    """POST ``payload`` to ``endpoint``; return what to log: status code, excerpt, error."""
    body = encode(payload)
    # The URL's scheme is http or https: the model field's validator allows no other.
    request = urllib.request.Request(  # noqa: S310
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-S6-Event": payload["event"],
            "X-S6-Delivery": payload["delivery_id"],
            "X-S6-Signature": sign(endpoint.secret, body),
        },
    )
    result = {"status_code": None, "response_excerpt": "", "error": ""}
    try:
        with _opener.open(request, timeout=request_timeout()) as response:  # noqa: S310
            result["status_code"] = response.status
            result["response_excerpt"] = _excerpt(response.read(EXCERPT_LENGTH * 4))
    except urllib.error.HTTPError as error:
        result["status_code"] = error.code
        with contextlib.suppress(OSError, ValueError):
            result["response_excerpt"] = _excerpt(error.read(EXCERPT_LENGTH * 4))
        result["error"] = f"HTTP {error.code}"
    except TimeoutError:
        result["error"] = f"timeout after {request_timeout():g} s"
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            result["error"] = f"timeout after {request_timeout():g} s"
        else:
            result["error"] = f"connection error: {error.reason}"
    except (OSError, ValueError) as error:
        result["error"] = f"{type(error).__name__}: {error}"
    return result


@task()
def deliver_webhook(endpoint_id: int, payload: dict, attempt: int = 1) -> dict:
    """Deliver one event to one endpoint, log the attempt, and schedule the next one on
    failure (non-2xx, timeout, connection error) until ``max_attempts()``."""
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, active=True).first()
    if endpoint is None:
        return {"skipped": True}
    started = time.monotonic()
    result = post(endpoint, payload)
    duration_ms = int((time.monotonic() - started) * 1000)
    status = result["status_code"]
    succeeded = status is not None and 200 <= status < 300
    delivery = WebhookDelivery(
        endpoint=endpoint,
        delivery_id=payload["delivery_id"],
        event=payload["event"],
        payload=payload,
        attempt=attempt,
        duration_ms=duration_ms,
        succeeded=succeeded,
        **result,
    )
    if not succeeded:
        delivery.next_retry_at = schedule_retry(endpoint_id, payload, attempt)
    delivery.save()
    return {"succeeded": succeeded, "status_code": status, "attempt": attempt}


def schedule_retry(endpoint_id: int, payload: dict, attempt: int) -> datetime.datetime | None:
    """Enqueue the attempt after ``attempt``, delayed by the backoff; return its time,
    or None when no attempt is left or the task backend cannot run tasks later."""
    delays = retry_delays()
    if attempt >= max_attempts():
        return None
    delay = delays[min(attempt - 1, len(delays) - 1)]
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    if not deliver_webhook.get_backend().supports_defer:
        logger.warning(
            "Webhook delivery %s failed; the task backend cannot defer, no retry",
            payload["delivery_id"],
        )
        return None
    deliver_webhook.using(run_after=run_after).enqueue(endpoint_id, payload, attempt + 1)
    return run_after
