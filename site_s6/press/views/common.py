"""What the public forms share: the per-address rate limit and its 429 page."""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone

from site_s6.security.logins import client_ip


def form_rate_per_minute() -> int:
    """Posts a minute one address may make to each form (``S6_PRESS_FORM_RATE_PER_MINUTE``)."""
    return int(getattr(settings, "S6_PRESS_FORM_RATE_PER_MINUTE", 5))


def over_rate_limit(request, scope: str) -> bool:
    """Count a submission of ``scope`` from the request's address; whether it is one too many.

    A counter per address and minute in the shared cache, so that every web process
    counts together.
    """
    minute = int(timezone.now().timestamp() // 60)
    key = f"s6-press-rate:{scope}:{client_ip(request) or 'unknown'}:{minute}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    return count > form_rate_per_minute()


def rate_limited_response(request, page=None):
    response = TemplateResponse(
        request, "press/rate_limited.html", {"page": page, "self": page}, status=429
    )
    response["Retry-After"] = "60"
    return response
