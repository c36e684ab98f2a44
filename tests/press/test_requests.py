"""Journalists' requests: the register's numbers and clocks, who sees what in the admin,
the dashboard panel, the morning reminder, the digest's section and the report."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone
from openpyxl import load_workbook

from site_s6.press.deadlines import request_due_at
from site_s6.press.models import InformationRequest
from site_s6.press.reports import request_report
from site_s6.press.services import request_change, request_register
from site_s6.press.services.requests import send_reminders
from site_s6.press.waiting import requests_waiting
from tests.conftest import for_test
from tests.factories import UserFactory

from .conftest import build_press_world

Status = InformationRequest.Status


def data(**overrides):
    values = {
        "channel": "email",
        "requester_name": "Radu Reporterul",
        "requester_email": "radu@ziar.example",
        "requester_outlet": "Ziarul de Sector",
        "subject": "Câte locuri de joacă au fost renovate?",
        "topic": "Urbanism",
    }
    values.update(overrides)
    return values


def build():
    world = build_press_world()
    main = world["institutions"]["main"]
    dgaspc = world["institutions"]["dgaspc"]
    city_editor = UserFactory(username="editor.primarie")
    city_editor.groups.add(main.editors_group)
    nobody = UserFactory(username="fara.grup")
    world["users"].update({"city_editor": city_editor, "nobody": nobody})
    now = timezone.now()
    world["own"] = request_register(
        registry=main,
        data=data(
            institution=dgaspc,
            assignee=world["users"]["editor"],
            requester_name="Cerere DGASPC",
            received_at=now - datetime.timedelta(days=20),
        ),
    )
    world["other"] = request_register(
        registry=main,
        data=data(
            requester_name="Cerere Primărie",
            channel="phone",
            received_at=now - datetime.timedelta(hours=2),
        ),
    )
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


# The register and its clocks


def test_numbers_count_per_institution_and_year(world):
    main = world["institutions"]["main"]
    dgaspc = world["institutions"]["dgaspc"]
    year = timezone.localtime(world["own"].received_at).year
    other_year = timezone.localtime(world["other"].received_at).year
    assert world["own"].registration_number == f"PRIMARIA6/544/{year}/0001"
    second = "0002" if other_year == year else "0001"
    assert world["other"].registration_number == f"PRIMARIA6/544/{other_year}/{second}"
    third = request_register(registry=dgaspc, data=data())
    assert third.registration_number == f"DGASPC/544/{timezone.localdate().year}/0001"
    assert third.institution == dgaspc
    last_year = request_register(
        registry=main,
        data=data(received_at=timezone.now().replace(year=timezone.now().year - 1)),
    )
    assert last_year.registration_number.endswith("/0001")


def test_due_time_follows_channel_and_status(world):
    verbal = world["other"]
    assert verbal.status == Status.REGISTERED
    assert verbal.due_at == request_due_at(verbal.received_at, verbal=True)
    written = request_register(registry=world["institutions"]["main"], data=data())
    assert written.due_at == request_due_at(written.received_at, verbal=False)
    # Assigned with an assignee at registration.
    assert world["own"].status == Status.ASSIGNED

    request_change(written, status=Status.EXTENDED)
    written.refresh_from_db()
    assert written.extension_notice_at is not None
    assert written.due_at == request_due_at(
        written.received_at, verbal=False, extension_notice_at=written.extension_notice_at
    )
    assert written.due_at > request_due_at(written.received_at, verbal=False)

    request_change(written, status=Status.REFUSED, refusal_category="exempted", refusal_reason="x")
    written.refresh_from_db()
    assert written.due_at == request_due_at(written.received_at, verbal=False, refusal=True)
    assert written.sent_at is not None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": Status.REFUSED, "refusal_category": "exempted"}, "refusal_reason"),
        ({"status": Status.REFUSED, "refusal_reason": "Motiv"}, "refusal_category"),
        ({"status": Status.ANSWERED}, "answer"),
    ],
)
def test_a_refusal_or_answer_needs_its_text(world, changes, field):
    with pytest.raises(ValidationError) as error:
        request_change(world["other"], **changes)
    assert field in error.value.message_dict


def test_only_a_written_request_is_extended_within_ten_days(world):
    with pytest.raises(ValidationError) as error:
        request_change(world["other"], status=Status.EXTENDED)
    assert "status" in error.value.message_dict
    # Received 20 days ago: the notice comes too late.
    with pytest.raises(ValidationError) as error:
        request_change(world["own"], status=Status.EXTENDED)
    assert "extension_notice_at" in error.value.message_dict


def test_a_closed_request_does_not_reopen(world):
    request_obj = world["other"]
    request_change(request_obj, status=Status.ANSWERED, answer="Răspunsul")
    with pytest.raises(ValidationError):
        request_change(request_obj, status=Status.ASSIGNED)


def test_the_database_refuses_a_refusal_without_reason(world):
    from django.db import IntegrityError, transaction

    request_obj = world["other"]
    request_obj.status = Status.REFUSED
    with pytest.raises(IntegrityError), transaction.atomic():
        request_obj.save()


# The admin: who sees what


def index_url():
    return "/admin/press_requests/"


def test_anonymous_is_sent_to_login(client, world):
    for url in (
        index_url(),
        f"{index_url()}edit/{world['own'].pk}/",
        "/admin/press/requests-report/",
        f"/admin/press/requests/{world['own'].pk}/attachment/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]


def test_central_team_sees_and_edits_every_request(client, world):
    client.force_login(world["users"]["central"])
    content = client.get(index_url()).content.decode()
    assert world["own"].registration_number in content
    assert world["other"].registration_number in content
    response = client.get(f"{index_url()}edit/{world['own'].pk}/")
    assert response.status_code == 200
    assert 'name="institution"' in response.content.decode()


def test_central_team_registers_a_request(client, world):
    client.force_login(world["users"]["central"])
    response = client.post(
        f"{index_url()}new/",
        {
            **data(requester_name="Nou Înregistrat"),
            "received_at": "",
            "institution": world["institutions"]["dgaspc"].pk,
            "assignee": world["users"]["editor"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = InformationRequest.objects.get(requester_name="Nou Înregistrat")
    assert created.registry == world["institutions"]["main"]
    assert created.institution == world["institutions"]["dgaspc"]
    assert created.assignee == world["users"]["editor"]
    assert created.status == Status.ASSIGNED
    # Only people who work in the admin are offered as assignees.
    form = client.get(f"{index_url()}new/").content.decode()
    assert "editor.dgaspc" in form
    assert "fara.grup" not in form
    assert created.due_at == request_due_at(created.received_at, verbal=False)


def test_institution_editor_sees_and_answers_only_its_requests(client, world):
    client.force_login(world["users"]["editor"])
    assert "journalists-requests" in client.get("/admin/").content.decode()
    content = client.get(index_url()).content.decode()
    assert world["own"].registration_number in content
    assert world["other"].registration_number not in content
    assert "Cerere Primărie" not in content

    for suffix in ("edit", "inspect", "history", "delete"):
        response = client.get(f"{index_url()}{suffix}/{world['other'].pk}/")
        assert response.status_code in (403, 404), suffix
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    refused = client.get(f"{index_url()}new/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    refused = client.get("/admin/press/requests-report/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"

    edit = f"{index_url()}edit/{world['own'].pk}/"
    page = client.get(edit).content.decode()
    assert 'name="institution"' not in page
    response = client.post(
        edit,
        {
            "status": Status.ANSWERED,
            "answer": "Au fost renovate 12 locuri de joacă.",
            "sent_at": "",
            "extension_notice_at": "",
            "refusal_category": "",
            "refusal_reason": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    answered = InformationRequest.objects.get(pk=world["own"].pk)
    assert answered.status == Status.ANSWERED
    assert answered.sent_at is not None
    # Another institution's request cannot be answered by a POST either.
    response = client.post(
        f"{index_url()}edit/{world['other'].pk}/", {"status": Status.ANSWERED, "answer": "x"}
    )
    assert response.status_code == 404
    assert InformationRequest.objects.get(pk=world["other"].pk).status == Status.REGISTERED


def test_city_hall_editor_sees_the_city_halls_requests_only(client, world):
    client.force_login(world["users"]["city_editor"])
    content = client.get(index_url()).content.decode()
    assert world["other"].registration_number in content
    assert world["own"].registration_number not in content
    assert client.get(f"{index_url()}edit/{world['own'].pk}/").status_code == 404


def test_a_user_of_no_institution_is_refused(client, world):
    user = world["users"]["nobody"]
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(index_url()).status_code in (302, 403)
    assert client.get(f"{index_url()}edit/{world['own'].pk}/").status_code in (302, 403, 404)


def test_attachment_is_private_to_who_sees_the_request(client, world):
    request_obj = world["own"]
    request_obj.attachment = SimpleUploadedFile("cerere.pdf", b"%PDF-1.4 cerere", "application/pdf")
    request_obj.save()
    url = f"/admin/press/requests/{request_obj.pk}/attachment/"
    client.force_login(world["users"]["editor"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 cerere"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.force_login(world["users"]["city_editor"])
    assert client.get(url).status_code == 404


# The dashboard, the reminder, the digest


def due_soon(request_obj, hours=6):
    """``request_obj`` falling due in a few hours, whatever day the test runs on."""
    InformationRequest.objects.filter(pk=request_obj.pk).update(
        due_at=timezone.now() + datetime.timedelta(hours=hours)
    )


def test_dashboard_panel_shows_due_and_overdue_requests(client, world):
    due_soon(world["other"])
    client.force_login(world["users"]["central"])
    content = client.get("/admin/").content.decode()
    assert "s6-requests-due" in content
    # The written request of 20 days ago is overdue; the call is due within hours.
    assert world["own"].registration_number in content
    assert world["other"].registration_number in content
    client.force_login(world["users"]["editor"])
    content = client.get("/admin/").content.decode()
    assert world["own"].registration_number in content
    assert world["other"].registration_number not in content


def test_morning_reminder_goes_to_each_assignee(world):
    mail.outbox.clear()
    assert send_reminders() == 1
    assert [message.to for message in mail.outbox] == [[world["users"]["editor"].email]]
    assert world["own"].registration_number in mail.outbox[0].body
    assert world["other"].registration_number not in mail.outbox[0].body
    request_change(world["own"], status=Status.ANSWERED, answer="Răspuns")
    mail.outbox.clear()
    assert send_reminders() == 0
    assert mail.outbox == []


def test_digest_lists_open_requests(world):
    from site_s6.monitoring.digest import waiting_sections

    due_soon(world["other"])
    sections = waiting_sections(timezone.now())
    labels = [item["label"] for section in sections for item in section["items"]]
    assert any(world["own"].registration_number in label for label in labels)
    own = requests_waiting(timezone.now())[0]["items"]
    assert [item["label"].split(" · ")[0] for item in own] == [
        world["own"].registration_number,
        world["other"].registration_number,
    ]


def test_morning_reminder_is_a_working_day_job():
    from site_s6.press.schedule import PERIODIC

    (job,) = [job for job in PERIODIC if job.name == "press_request_reminders"]
    assert job.cron.endswith("mon-fri")
    assert job.task == "site_s6.press.tasks.send_request_reminders"


# The report


def test_report_xlsx_totals_match_the_register(client, world):
    main = world["institutions"]["main"]
    request_change(world["own"], status=Status.ANSWERED, answer="Răspuns")
    refused = request_register(registry=main, data=data(topic="Buget"))
    request_change(
        refused, status=Status.REFUSED, refusal_category="personal_data", refusal_reason="Date"
    )
    client.force_login(world["users"]["central"])
    today = timezone.localdate()
    since = today - datetime.timedelta(days=40)
    response = client.get(
        "/admin/press/requests-report/",
        {"since": since.isoformat(), "until": today.isoformat(), "export": "xlsx"},
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    total = InformationRequest.objects.count()
    assert rows[1][2] == total
    # Read by position, not by label: the labels are in the admin's language.
    sections = {}
    for title, label, count in rows[2:-1]:
        sections.setdefault(title, []).append((label, count))
    channel, topic, institution, status, timing, refusals = sections.values()
    for counted in (channel, topic, institution, status):
        assert sum(count for _label, count in counted) == total
    by_status = InformationRequest.objects.values("status").annotate(n=Count("pk")).values_list("n")
    assert sorted(count for _label, count in status) == sorted(n for (n,) in by_status)
    assert ("Buget", 1) in topic
    # The answer left 20 days after the request (late), the refusal at once (in time).
    assert [count for _label, count in timing] == [1, 1]
    assert [count for _label, count in refusals] == [1]
    assert rows[-1][2] == request_report(since, today).average_answer_days == 20.0

    page = client.get("/admin/press/requests-report/").content.decode()
    assert "<svg" in page and "<table" in page
    csv_text = client.get("/admin/press/requests-report/", {"export": "csv"}).content.decode()
    assert "Buget" in csv_text
