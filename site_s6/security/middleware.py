"""Middleware of the security layer: request size, Content-Security-Policy, two-factor."""

from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from .logins import two_factor_required


def admin_prefix() -> str:
    """The admin's URL prefix, asked by two middlewares of every request."""
    return _admin_prefix(get_urlconf(), get_script_prefix())


@cache
def _admin_prefix(urlconf, script_prefix: str) -> str:
    return reverse("wagtailadmin_home", urlconf=urlconf)


@cache
def plain_policies() -> dict[str, tuple[str, tuple[str, ...]]]:
    """The header and excluded path prefixes of each policy, built from the settings
    alone: what django-csp builds for a response that used no nonce and has no policy of
    its own, such as every API answer."""
    policies = {}
    for header, setting, report_only in (
        (HEADER, "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
        policies[header] = (build_policy(report_only=report_only), tuple(excluded))
    return policies


@receiver(setting_changed)
def _forget_built_values(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _admin_prefix.cache_clear()
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        plain_policies.cache_clear()


class RequestBodyLimitMiddleware:
    """Answer 413 to a request that announces a body larger than ``S6_REQUEST_BODY_MAX_SIZE``
    (the largest upload plus its form), before anything reads the body.

    A body sent without ``Content-Length`` (chunked) is left to the proxy's limit
    (``client_max_body_size``, docs/deployment.md) and Django's own limits.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "S6_REQUEST_BODY_MAX_SIZE", None)
        announced = request.META.get("CONTENT_LENGTH") or "0"
        try:
            size = int(announced)
        except ValueError:
            size = 0  # Django's request parsing refuses a malformed length.
        if limit is not None and size > limit:
            megabytes = limit // (1024 * 1024)
            message = gettext("The request is too large: at most %(size)d MB can be sent.") % {
                "size": megabytes
            }
            response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
            # The body was not read: the connection cannot carry another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, enforced on the public sites and the API, and sent report-only
    in the admin, whose pages (Wagtail's and wagtail-localize's) carry inline scripts."""

    #: What a view may set on its response to change the policy (django-csp's decorators).
    RESPONSE_POLICY_ATTRIBUTES = tuple(
        f"_csp_{part}{suffix}"
        for part in ("config", "update", "replace", "exempt")
        for suffix in ("", "_ro")
    )

    def process_response(self, request, response):
        if self._is_plain(request, response):
            self._set_plain_policies(request, response)
        else:
            response = super().process_response(request, response)
        if request.path_info.startswith(admin_prefix()) and HEADER in response:
            response[HEADER_REPORT_ONLY] = response[HEADER]
            del response[HEADER]
        return response

    def _is_plain(self, request, response) -> bool:
        """Whether the policies are the settings' alone: no nonce was used, the view set
        none of its own, and this is not the debug page django-csp leaves alone."""
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in self.RESPONSE_POLICY_ATTRIBUTES)
            and not (settings.DEBUG and response.status_code in (404, 500))
        )

    def _set_plain_policies(self, request, response) -> None:
        """django-csp's headers, built once (``plain_policies``) rather than per response."""
        for header, (policy, excluded) in plain_policies().items():
            if policy and header not in response and not request.path_info.startswith(excluded):
                response[header] = policy
        # As django-csp does: a nonce asked for after the headers are written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)


class RequireTwoFactorMiddleware:
    """With ``S6_REQUIRE_2FA``, send superusers and the central team who have not verified
    a code in this session to the verification page (or to enrolment when they have no
    device yet) before any other admin page. Needs django-otp's ``OTPMiddleware`` above."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.must_verify(request):
            from django_otp import user_has_device

            name = "s6_two_factor_verify" if user_has_device(request.user) else "s6_two_factor"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)

    @staticmethod
    def must_verify(request) -> bool:
        prefix = admin_prefix()
        path = request.path_info
        if not getattr(settings, "S6_REQUIRE_2FA", False) or not path.startswith(prefix):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        open_paths = (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("s6_two_factor"),
            reverse("s6_two_factor_verify"),
            reverse("wagtailadmin_javascript_catalog"),
        )
        if path.startswith(open_paths):
            return False
        return two_factor_required(user)
