from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("2fa/", views.TwoFactorSetupView.as_view(), name="s6_two_factor"),
        path("2fa/verify/", views.TwoFactorVerifyView.as_view(), name="s6_two_factor_verify"),
        path("locked-out/", views.LockedOutLoginsView.as_view(), name="s6_locked_out_logins"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_locked_out_menu_item():
    return SuperuserMenuItem(
        _("Locked-out logins"), reverse("s6_locked_out_logins"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("s6_two_factor"),
        "label": _("Two-factor login"),
        "help_text": _("Ask for a code from an authenticator app when you log in."),
    }
