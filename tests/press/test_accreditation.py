"""Accreditation: the public form, its two-day clock, the written decision, who sees it."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image

from site_s6.press.models import AccreditationRequest
from site_s6.press.services import accreditation_decide, accreditation_due_at

FORM = "/presa/acreditare/"
HOST = {"HTTP_HOST": "primarie6.localhost"}


def ro(message: str) -> str:
    """``message`` as the Romanian pages show it (translated once the catalogue is)."""
    with translation.override("ro"):
        return gettext(message)


def form_data(**overrides):
    data = {
        "name": "Ioana Jurnalistul",
        "outlet": "Gazeta de Sector",
        "role": "reporter",
        "email": "ioana@gazeta.example",
        "phone": "0722 000 000",
        "kind": "annual",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "registered",
    [
        datetime.datetime(2026, 3, 28, 10, 0, tzinfo=datetime.UTC),  # before the clocks change
        datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC),  # across the year
    ],
)
def test_a_decision_is_due_two_days_after_registration(registered):
    assert accreditation_due_at(registered) - registered == datetime.timedelta(days=2)


def test_submission_registers_numbers_per_institution_and_acknowledges(client, press_world):
    before = timezone.now()
    response = client.post(FORM, form_data(), **HOST)
    assert response.status_code == 200
    first = AccreditationRequest.objects.get()
    year = first.registered_at.year
    assert first.registration_number == f"PRIMARIA6/ACR/{year}/0001"
    assert first.registration_number in response.content.decode()
    assert first.due_at == first.registered_at + datetime.timedelta(days=2)
    assert first.registered_at >= before
    assert first.status == AccreditationRequest.Status.PENDING
    assert first.site == press_world["sites"]["main"]
    assert [message.to for message in mail.outbox] == [["ioana@gazeta.example"]]
    assert first.registration_number in mail.outbox[0].body
    assert mail.outbox[0].alternatives[0][1] == "text/html"

    client.post(FORM, form_data(email="alt@gazeta.example"), **HOST)
    client.post("/presa/acreditare/", form_data(), HTTP_HOST="dgaspc6.localhost")
    numbers = set(AccreditationRequest.objects.values_list("registration_number", flat=True))
    assert numbers == {
        f"PRIMARIA6/ACR/{year}/0001",
        f"PRIMARIA6/ACR/{year}/0002",
        f"DGASPC/ACR/{year}/0001",
    }


def test_english_form_acknowledges_in_english(client, press_world):
    client.post("/en/press/accreditation/", form_data(), **HOST)
    request_obj = AccreditationRequest.objects.get()
    assert request_obj.language == "en"
    assert "is registered under number" in mail.outbox[0].body


def test_request_for_one_event_names_it(client, press_world):
    conference = press_world["conference"]
    response = client.post(FORM, form_data(kind="event", event=conference.pk), **HOST)
    assert response.status_code == 200
    assert AccreditationRequest.objects.get().event_id == conference.pk
    response = client.post(FORM, form_data(kind="event"), **HOST)
    assert response.status_code == 400
    assert AccreditationRequest.objects.count() == 1


def test_press_card_is_stored_privately(client, press_world):
    upload = SimpleUploadedFile("legitimatie.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    client.post(FORM, {**form_data(), "press_card": upload}, **HOST)
    request_obj = AccreditationRequest.objects.get()
    stored = Path(request_obj.press_card.path)
    assert stored.is_file()
    assert stored.is_relative_to(Path(settings.S6_PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "legitimatie" not in stored.name
    with pytest.raises(ValueError):
        request_obj.press_card.url  # noqa: B018 — no public address exists


@pytest.mark.parametrize(
    ("overrides", "files", "message"),
    [
        ({"email": "not-an-address"}, {}, ro("Enter a valid email address.")),
        ({"consent": ""}, {}, ro("Please confirm that you have read the notice.")),
        ({"website": "http://spam.example"}, {}, ro("This form could not be accepted.")),
        ({"name": ""}, {}, ro("This field is required.")),
        (
            {},
            {"press_card": ("card.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")},
            ro("The press card must be a PDF, JPEG or PNG file."),
        ),
        (
            {},
            {"press_card": ("card.jpg", png_bytes(), "image/jpeg")},
            ro("The press card must be a PDF, JPEG or PNG file."),
        ),
        (
            {},
            {"press_card": ("card.exe", b"%PDF-1.4", "application/pdf")},
            ro("The press card must be a PDF, JPEG or PNG file."),
        ),
    ],
)
def test_bad_input_shows_the_form_again_and_stores_nothing(
    client, press_world, overrides, files, message
):
    uploads = {
        name: SimpleUploadedFile(filename, content, content_type)
        for name, (filename, content, content_type) in files.items()
    }
    response = client.post(FORM, {**form_data(**overrides), **uploads}, **HOST)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AccreditationRequest.objects.exists()
    assert mail.outbox == []


def test_png_press_card_is_accepted(client, press_world):
    upload = SimpleUploadedFile("card.png", png_bytes(), "image/png")
    assert client.post(FORM, {**form_data(), "press_card": upload}, **HOST).status_code == 200
    assert AccreditationRequest.objects.get().press_card


def test_oversized_press_card_is_refused(client, press_world, settings):
    settings.S6_PRESS_CARD_MAX_MB = 1
    upload = SimpleUploadedFile("card.pdf", b"%PDF-" + b"0" * (1024 * 1024), "application/pdf")
    response = client.post(FORM, {**form_data(), "press_card": upload}, **HOST)
    assert response.status_code == 400
    assert ro("The file is too large: at most %(mb)s MB.") % {"mb": 1} in response.content.decode()
    assert not AccreditationRequest.objects.exists()


def test_more_than_the_rate_from_one_address_gets_429(client, press_world, settings):
    settings.S6_PRESS_FORM_RATE_PER_MINUTE = 5
    statuses = [
        client.post(FORM, form_data(email=f"j{n}@gazeta.example"), **HOST).status_code
        for n in range(20)
    ]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}
    assert AccreditationRequest.objects.count() == 5
    # Another address is counted apart.
    other = client.post(FORM, form_data(), REMOTE_ADDR="10.0.0.9", **HOST)
    assert other.status_code == 200


# Decisions


def make_request(site, **fields):
    from site_s6.press.services import accreditation_submit

    request_obj = accreditation_submit(site=site, data={**form_data(), **fields})
    mail.outbox.clear()
    return request_obj


def test_refusal_or_withdrawal_without_reason_is_refused(press_world):
    from django.core.exceptions import ValidationError

    request_obj = make_request(press_world["sites"]["main"])
    central = press_world["users"]["central"]
    with pytest.raises(ValidationError) as error:
        accreditation_decide(request_obj=request_obj, decision="refused", user=central)
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError):
        accreditation_decide(
            request_obj=request_obj, decision="withdrawn", user=central, reason="x"
        )
    with pytest.raises(ValidationError) as error:
        accreditation_decide(request_obj=request_obj, decision="approved", user=central)
    assert {"badge_number", "valid_until"} <= set(error.value.message_dict)
    request_obj.refresh_from_db()
    assert request_obj.status == "pending"
    assert mail.outbox == []


def test_approval_then_withdrawal_are_mailed(press_world):
    request_obj = make_request(press_world["sites"]["main"])
    central = press_world["users"]["central"]
    until = timezone.localdate() + datetime.timedelta(days=365)
    accreditation_decide(
        request_obj=request_obj,
        decision="approved",
        user=central,
        badge_number="B-17",
        valid_until=until,
    )
    assert "B-17" in mail.outbox[-1].body
    accreditation_decide(
        request_obj=request_obj,
        decision="withdrawn",
        user=central,
        reason="A blocat intrarea în sala de consiliu.",
    )
    request_obj.refresh_from_db()
    assert request_obj.status == "withdrawn"
    assert request_obj.decided_by == central
    assert "A blocat intrarea în sala de consiliu." in mail.outbox[-1].body
    assert len(mail.outbox) == 2


# The admin


def assert_denied(response):
    """Wagtail answers a permission denial in the admin with a redirect to the dashboard
    and a message, or a 403."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def admin_url(name, *args):
    from django.urls import reverse

    return reverse(f"press_accreditations:{name}", args=args)


def test_central_team_decides_in_the_admin_and_a_refusal_needs_a_reason(client, press_world):
    request_obj = make_request(press_world["sites"]["main"])
    client.force_login(press_world["users"]["central"])
    assert client.get(admin_url("index")).status_code == 200
    edit = admin_url("edit", request_obj.pk)
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"status": "refused", "reason": ""})
    assert response.status_code == 200  # the form again, with its error
    request_obj.refresh_from_db()
    assert request_obj.status == "pending"
    assert mail.outbox == []
    response = client.post(
        edit, {"status": "refused", "reason": "A perturbat conferința din 3 martie."}
    )
    assert response.status_code == 302
    request_obj.refresh_from_db()
    assert request_obj.status == "refused"
    assert len(mail.outbox) == 1
    assert "A perturbat conferința din 3 martie." in mail.outbox[0].body


def test_accredited_list_exports_as_csv(client, press_world):
    approved = make_request(press_world["sites"]["main"], name="Ana Acreditata")
    make_request(press_world["sites"]["main"], name="Paul Pendinte")
    accreditation_decide(
        request_obj=approved,
        decision="approved",
        user=press_world["users"]["central"],
        badge_number="B-1",
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
    )
    client.force_login(press_world["users"]["central"])
    response = client.get(admin_url("index") + "?status=approved&export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Ana Acreditata" in body
    assert "B-1" in body
    assert "Paul Pendinte" not in body


def test_press_card_download_is_for_the_central_team_only(client, press_world):
    from django.urls import reverse

    upload = SimpleUploadedFile("c.pdf", b"%PDF-1.4 card", "application/pdf")
    request_obj = make_request(press_world["sites"]["main"], press_card=None)
    request_obj.press_card.save("c.pdf", upload)
    url = reverse("press_card", args=[request_obj.pk])
    client.force_login(press_world["users"]["editor"])
    assert_denied(client.get(url))
    client.force_login(press_world["users"]["central"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 card"
    assert "attachment" in response["Content-Disposition"]


def test_institution_editors_cannot_see_requests_or_subscribers(client, press_world):
    from django.urls import reverse

    request_obj = make_request(press_world["sites"]["dgaspc"])
    client.force_login(press_world["users"]["editor"])
    for url in [
        admin_url("index"),
        admin_url("edit", request_obj.pk),
        admin_url("inspect", request_obj.pk),
        admin_url("index") + "?export=csv",
        reverse("press_subscribers:index"),
        reverse("press_alert_deliveries:index"),
    ]:
        response = client.get(url)
        assert_denied(response)
        assert "Ioana Jurnalistul" not in response.content.decode()
    menu = client.get("/admin/").content.decode()
    assert "press-office" not in menu


def test_overdue_requests_stand_out_on_the_dashboard(client, press_world):
    overdue = make_request(press_world["sites"]["main"])
    AccreditationRequest.objects.filter(pk=overdue.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    make_request(press_world["sites"]["main"], name="La timp")
    client.force_login(press_world["users"]["central"])
    html = client.get("/admin/").content.decode()
    assert overdue.registration_number in html
    assert html.count("/ACR/") == 1
    client.force_login(press_world["users"]["editor"])
    assert overdue.registration_number not in client.get("/admin/").content.decode()


def test_central_team_edits_the_press_settings_of_every_site(client, press_world):
    from django.urls import reverse

    client.force_login(press_world["users"]["central"])
    for site in press_world["sites"].values():
        url = reverse("wagtailsettings:edit", args=["press", "presssettings", site.pk])
        assert client.get(url).status_code == 200
    client.force_login(press_world["users"]["editor"])
    url = reverse(
        "wagtailsettings:edit", args=["press", "presssettings", press_world["sites"]["main"].pk]
    )
    assert_denied(client.get(url))
