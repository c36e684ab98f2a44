"""Admin views: two-factor enrolment and verification, and unlocking locked-out logins."""

from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from the authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def qr_code_svg(text: str) -> str:
    """``text`` as a QR code, an inline SVG element (no image request, no script)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class TwoFactorSetupView(WagtailAdminTemplateMixin, FormView):
    """Enrol a TOTP device: scan the QR code (or type the secret), confirm with a code."""

    template_name = "security/two_factor_setup.html"
    form_class = TokenForm
    page_title = _("Two-factor login")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.confirmed = list(devices_for_user(request.user))
        self.device = None
        if not self.confirmed:
            # One pending device per user, kept until it is confirmed: reloading the page
            # shows the same secret as the app scanned.
            self.device, _ = TOTPDevice.objects.get_or_create(
                user=request.user, confirmed=False, defaults={"name": "TOTP"}
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["confirmed"] = bool(self.confirmed)
        context["next"] = safe_next(self.request, "")
        if self.device is not None:
            url = self.device.config_url
            context["otpauth_url"] = url
            context["secret"] = url.split("secret=", 1)[1].split("&", 1)[0]
            context["qr_code"] = mark_safe(qr_code_svg(url))  # noqa: S308 (generated SVG)
        return context

    def post(self, request, *args, **kwargs):
        if self.device is None:
            return redirect("s6_two_factor")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.device.verify_token(form.cleaned_data["token"]):
            form.add_error("token", gettext("This code is not valid. Try the current one."))
            return self.form_invalid(form)
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        otp_login(self.request, self.device)
        messages.success(self.request, gettext("Two-factor login is on for your account."))
        return redirect(safe_next(self.request, reverse("wagtailadmin_home")))


class TwoFactorVerifyView(WagtailAdminTemplateMixin, FormView):
    """Verify a code from an enrolled device for this session."""

    template_name = "security/two_factor_verify.html"
    form_class = TokenForm
    page_title = _("Verify your login")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(self.request, "")
        return context

    def form_valid(self, form):
        token = form.cleaned_data["token"]
        # Each device checks (and throttles) its own codes.
        for device in devices_for_user(self.request.user, for_verify=True):
            if device.verify_token(token):
                otp_login(self.request, device)
                return redirect(safe_next(self.request, reverse("wagtailadmin_home")))
        form.add_error("token", gettext("This code is not valid. Try the current one."))
        return self.form_invalid(form)


def locked_out_attempts():
    """The login attempts (username and address) locked out now."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.order_by("-attempt_time")


class LockedOutLoginsView(WagtailAdminTemplateMixin, TemplateView):
    """For superusers: the usernames and addresses locked out, each with an unlock button."""

    template_name = "security/locked_out_logins.html"
    page_title = _("Locked-out logins")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attempts"] = locked_out_attempts()
        context["cool_off"] = get_cool_off()
        return context

    def post(self, request, *args, **kwargs):
        attempt = locked_out_attempts().filter(pk=request.POST.get("attempt") or 0).first()
        if attempt is not None:
            reset(ip=attempt.ip_address, username=attempt.username)
            messages.success(
                request,
                gettext("%(username)s can log in again from %(address)s.")
                % {"username": attempt.username, "address": attempt.ip_address},
            )
        return redirect("s6_locked_out_logins")
