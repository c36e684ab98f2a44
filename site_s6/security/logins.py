"""Who counts as one login client for the lockout, and who must use two-factor login."""

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address: ``REMOTE_ADDR`` when the app is reached directly, else the
    address that the nearest of ``S6_PROXY_COUNT`` trusted proxies appended to
    ``X-Forwarded-For`` (addresses further left are the client's to write, and to forge)."""
    proxies = getattr(settings, "S6_PROXY_COUNT", 0)
    if proxies <= 0:
        return request.META.get("REMOTE_ADDR")
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return request.META.get("REMOTE_ADDR")
    return forwarded[-proxies]


def two_factor_required(user) -> bool:
    """Whether ``S6_REQUIRE_2FA`` asks ``user`` to verify a code before the admin:
    superusers and the central team, who can publish and change everything."""
    from subsites.roles import CENTRAL_TEAM_GROUP

    if not getattr(settings, "S6_REQUIRE_2FA", False) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=CENTRAL_TEAM_GROUP).exists()
