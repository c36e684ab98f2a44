"""The background delivery of one webhook event: signed POST, log, retry with backoff.

The POST goes through the outbound policy (``site_s6.core.outbound``): a target that is
private, loopback or link-local when the request connects is refused, and the attempt is
logged as blocked, with the reason and nothing of an answer.
"""

import datetime
import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from site_s6.core import outbound

from .models import WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
#: Seconds before the 2nd, 3rd, 4th and 5th attempt.
RETRY_DELAYS = (30, 120, 600, 3600)
EXCERPT_LENGTH = 500


def request_timeout() -> float:
    """Seconds to connect and to wait for each read of the receiver's answer."""
    return float(getattr(settings, "S6_WEBHOOK_TIMEOUT", 5))


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "S6_WEBHOOK_RETRY_DELAYS", RETRY_DELAYS))


def max_attempts() -> int:
    return int(getattr(settings, "S6_WEBHOOK_MAX_ATTEMPTS", MAX_ATTEMPTS))


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-S6-Signature`` header value: the HMAC-SHA256 of ``"<timestamp>." + body``.

    The timestamp is signed with the body so that a receiver rejecting old timestamps
    also rejects a replayed request."""
    message = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def headers_for(endpoint: WebhookEndpoint, payload: dict, body: bytes) -> dict[str, str]:
    """The headers of one attempt, signed now: each retry carries a fresh timestamp and
    the same delivery id."""
    timestamp = int(time.time())
    return {
        "Content-Type": "application/json",
        "X-S6-Event": payload["event"],
        "X-S6-Delivery": payload["delivery_id"],
        "X-S6-Timestamp": str(timestamp),
        "X-S6-Signature": sign(endpoint.secret, timestamp, body),
    }


def post(endpoint: WebhookEndpoint, payload: dict) -> dict:
    """POST ``payload`` to ``endpoint``; return what to log: status code, excerpt, error,
    and whether the policy blocked the target."""
    body = encode(payload)
    result = {"status_code": None, "response_excerpt": "", "error": "", "blocked": False}
    try:
        response = outbound.fetch(
            endpoint.url,
            method="POST",
            headers=headers_for(endpoint, payload, body),
            body=body,
            timeout=request_timeout(),
            deadline=request_timeout() * 3,
            max_bytes=EXCERPT_LENGTH * 4,
            truncate=True,
        )
    except outbound.BlockedTarget as blocked:
        result["blocked"] = True
        result["error"] = f"blocked: {blocked.reason}"
    except outbound.Timeout:
        result["error"] = f"timeout after {request_timeout():g} s"
    except outbound.OutboundError as error:
        result["error"] = f"connection error: {error}"
    else:
        result["status_code"] = response.status
        result["response_excerpt"] = response.text(EXCERPT_LENGTH)
        if not response.ok:
            # Redirects included: a receiver that moved is told by a failure, not followed.
            result["error"] = f"HTTP {response.status}"
    return result


@task()
def deliver_webhook(endpoint_id: int, payload: dict, attempt: int = 1) -> dict:
    """Deliver one event to one endpoint, log the attempt, and schedule the next one on
    failure (non-2xx, timeout, connection error) until ``max_attempts()``; a target the
    outbound policy blocks is logged once and not retried."""
    endpoint = WebhookEndpoint.objects.filter(pk=endpoint_id, active=True).first()
    if endpoint is None:
        return {"skipped": True}
    started = time.monotonic()
    result = post(endpoint, payload)
    # A blocked target was never contacted: no timing to keep.
    duration_ms = None if result["blocked"] else int((time.monotonic() - started) * 1000)
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
    # A refusal of the policy is no passing failure: trying again would be refused again.
    if not succeeded and not result["blocked"]:
        delivery.next_retry_at = schedule_retry(endpoint_id, payload, attempt)
    delivery.save()
    return {
        "succeeded": succeeded,
        "status_code": status,
        "attempt": attempt,
        "blocked": result["blocked"],
    }


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
