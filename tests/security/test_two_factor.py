"""Two-factor login (TOTP): enrolment from the account, verification, and the
S6_REQUIRE_2FA mode for superusers and the central team."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from subsites.roles import CENTRAL_TEAM_GROUP
from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

SETUP = "/admin/2fa/"
VERIFY = "/admin/2fa/verify/"


def code_of(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for ``device``."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def admin_user():
    return SuperuserFactory(username="sef")


def admin_staff(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username=username, password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group_name:
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def test_urls_are_in_the_admin():
    assert reverse("s6_two_factor") == SETUP
    assert reverse("s6_two_factor_verify") == VERIFY


def test_enrolment_shows_a_qr_code_and_confirms_with_a_code(client, admin_user):
    client.force_login(admin_user)

    page = client.get(SETUP)
    device = TOTPDevice.objects.get(user=admin_user)
    html = page.content.decode()
    right = client.post(SETUP, {"token": code_of(device)})

    assert page.status_code == 200
    assert "<svg" in html and "otpauth://totp/" in html
    assert page.context["secret"] in html
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(SETUP).context["confirmed"]


def test_the_account_page_links_to_enrolment(client, admin_user):
    client.force_login(admin_user)

    assert SETUP in client.get(reverse("wagtailadmin_account")).content.decode()


@pytest.fixture
def required(settings):
    settings.S6_REQUIRE_2FA = True


def test_required_mode_sends_an_unverified_superuser_to_verification(client, admin_user, required):
    device = TOTPDevice.objects.create(user=admin_user, name="telefon", confirmed=True)
    client.force_login(admin_user)

    first = client.get("/admin/pages/")
    verified = client.post(first.url, {"token": code_of(device)})

    assert first.status_code == 302
    assert first.url == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert verified.status_code == 302
    assert verified.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_does_not_verify(client, admin_user, required):
    device = TOTPDevice.objects.create(user=admin_user, name="telefon", confirmed=True)
    client.force_login(admin_user)
    wrong = "000000" if code_of(device) != "000000" else "111111"

    response = client.post(VERIFY, {"token": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get("/admin/").status_code == 302
    # django-otp throttles the device after a wrong code: even the right one waits.
    assert client.post(VERIFY, {"token": code_of(device)}).status_code == 200


def test_required_mode_without_a_device_sends_to_enrolment(client, django_user_model, required):
    central = admin_staff(django_user_model, "presa", CENTRAL_TEAM_GROUP)
    client.force_login(central)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(f"{SETUP}?next=")
    assert client.get(SETUP).status_code == 200


def test_institution_editors_are_not_asked(client, django_user_model, required):
    editor = admin_staff(django_user_model, "editor.dgaspc", "Editori DGASPC")
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200


def test_not_required_by_default(client, admin_user, settings):
    assert settings.S6_REQUIRE_2FA is False
    TOTPDevice.objects.create(user=admin_user, name="telefon", confirmed=True)
    client.force_login(admin_user)

    assert client.get("/admin/").status_code == 200


def test_the_public_sites_are_never_redirected(client, admin_user, required, site_tree):
    client.force_login(admin_user)

    assert client.get("/").status_code == 200
