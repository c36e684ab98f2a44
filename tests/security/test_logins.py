"""Admin logins: a username is locked out from one address after too many wrong
passwords, with a clear message, until a superuser unlocks it in the admin."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "parola-corecta-s6"  # noqa: S105


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(username="redactor", password=PASSWORD)
    user.is_staff = True
    user.save()
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def log_in(client, password, username="redactor", address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def lock_out(client, address="203.0.113.7"):
    for _ in range(6):
        response = log_in(client, "gresit", address=address)
    return response


def test_right_password_logs_in(client, editor):
    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_six_wrong_passwords_lock_the_login_and_refuse_the_right_one(client, editor, settings):
    settings.LANGUAGE_CODE = "en"
    for attempt in range(1, 5):
        assert log_in(client, "gresit").status_code == 200, attempt

    last = lock_out(client)
    response = log_in(client, PASSWORD)

    assert last.status_code == 429
    assert response.status_code == 429
    assert "logging in with this username from your address is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_one_username_from_one_address_only(client, editor, django_user_model):
    django_user_model.objects.create_user(username="altul", password=PASSWORD, is_superuser=True)
    lock_out(client)

    assert log_in(client, PASSWORD, address="198.51.100.20").status_code == 302
    client.logout()
    assert log_in(client, PASSWORD, username="altul").status_code == 302


def test_a_superuser_unlocks_a_login_in_the_admin(client, editor):
    lock_out(client)
    admin = SuperuserFactory(username="sef")
    client.force_login(admin)
    listing = client.get(reverse("s6_locked_out_logins"))
    [attempt] = listing.context["attempts"]
    assert attempt.username == "redactor"
    assert "redactor" in listing.content.decode()

    response = client.post(reverse("s6_locked_out_logins"), {"attempt": attempt.pk})

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="redactor").exists()
    client.logout()
    assert log_in(client, PASSWORD).status_code == 302


def test_only_superusers_see_and_unlock_the_locked_out_logins(client, editor):
    lock_out(client, address="198.51.100.20")
    attempt = AccessAttempt.objects.get()
    client.force_login(editor)

    listing = client.get(reverse("s6_locked_out_logins"))
    unlock = client.post(reverse("s6_locked_out_logins"), {"attempt": attempt.pk})

    # Wagtail answers a permission error in the admin with a redirect to the dashboard.
    assert listing.status_code == unlock.status_code == 302
    assert "redactor" not in listing.content.decode()
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    from site_s6.security.logins import client_ip

    settings.S6_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")

    assert client_ip(request) == "203.0.113.7"
    settings.S6_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
